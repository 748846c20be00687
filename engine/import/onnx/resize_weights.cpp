#include "import/onnx/resize_weights.h"

#include <algorithm>
#include <cmath>

namespace litelab::onnx {

namespace {

Result<double> source_coordinate(const ResizeAxis& a, const ResizeMode& m, int64_t x) {
    const double xd = static_cast<double>(x);
    // ONNX's formulas use the unrounded resized length (input * scale).
    const double resized = static_cast<double>(a.in) * a.scale;
    const std::string& c = m.coordinates;
    if (c == "half_pixel") return (xd + 0.5) / a.scale - 0.5;
    if (c == "pytorch_half_pixel") return resized > 1 ? (xd + 0.5) / a.scale - 0.5 : 0.0;
    if (c == "align_corners") return resized == 1 ? 0.0 : xd * static_cast<double>(a.in - 1) / (resized - 1);
    if (c == "asymmetric") return xd / a.scale;
    if (c == "tf_half_pixel_for_nn") return (xd + 0.5) / a.scale;
    if (c == "tf_crop_and_resize") {
        const double span = static_cast<double>(a.in - 1);
        return resized > 1 ? a.roi_start * span + xd * (a.roi_end - a.roi_start) * span / (resized - 1)
                           : 0.5 * (a.roi_start + a.roi_end) * span;
    }
    return make_error(ErrorCode::kUnsupported, "coordinate_transformation_mode '" + c + "'");
}

std::vector<double> cubic_coefficients(double r, double a) {
    auto far = [a](double t) { return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a; };  // 1 < |t| < 2
    auto near = [a](double t) { return ((a + 2) * t - (a + 3)) * t * t + 1; };       // |t| <= 1
    return {far(r + 1), near(r), near(1 - r), far(2 - r)};
}

}  // namespace

Result<ResizeMatrix> resize_matrix(const ResizeAxis& a, const ResizeMode& m) {
    ResizeMatrix result;
    result.weights.assign(static_cast<size_t>(a.out * a.in), 0.0f);
    result.outside.assign(static_cast<size_t>(a.out), false);
    for (int64_t x = 0; x < a.out; ++x) {
        auto coordinate = source_coordinate(a, m, x);
        if (!coordinate) return coordinate.error();
        const double xo = *coordinate;
        float* row = &result.weights[static_cast<size_t>(x * a.in)];
        if (m.coordinates == "tf_crop_and_resize" && (xo < 0 || xo > static_cast<double>(a.in - 1))) {
            result.outside[static_cast<size_t>(x)] = true;
            continue;
        }
        const double base = std::floor(xo);
        const double r = xo - base;
        std::vector<double> coefficients;
        int64_t first = static_cast<int64_t>(base);
        if (m.mode == "nearest") {
            bool up;
            if (r == 0)
                up = false;
            else if (m.nearest == "round_prefer_floor")
                up = r > 0.5;
            else if (m.nearest == "round_prefer_ceil")
                up = r >= 0.5;
            else if (m.nearest == "floor")
                up = false;
            else if (m.nearest == "ceil")
                up = true;
            else
                return make_error(ErrorCode::kUnsupported, "nearest_mode '" + m.nearest + "'");
            coefficients = {up ? 0.0 : 1.0, up ? 1.0 : 0.0};
        } else if (m.mode == "linear") {
            coefficients = {1 - r, r};
        } else if (m.mode == "cubic") {
            coefficients = cubic_coefficients(r, m.cubic_a);
            first -= 1;
        } else {
            return make_error(ErrorCode::kUnsupported, "mode '" + m.mode + "'");
        }
        if (m.exclude_outside) {
            double sum = 0;
            for (size_t k = 0; k < coefficients.size(); ++k) {
                const int64_t j = first + static_cast<int64_t>(k);
                if (j < 0 || j >= a.in) coefficients[k] = 0;
                sum += coefficients[k];
            }
            if (sum != 0) {
                for (double& c : coefficients) c /= sum;
            }
        }
        for (size_t k = 0; k < coefficients.size(); ++k) {
            const int64_t j = std::clamp<int64_t>(first + static_cast<int64_t>(k), 0, a.in - 1);
            row[j] += static_cast<float>(coefficients[k]);
        }
    }
    return result;
}

}  // namespace litelab::onnx
