// ONNX Resize's interpolation along one axis as a matrix: output[i] = sum_j weights[i][j] *
// input[j] (plus `outside[i]` times the extrapolation value for tf_crop_and_resize). Covers
// every mode (nearest with its rounding modes, linear, cubic with exclude_outside) and every
// coordinate transformation of opsets 10-17, with ONNX's edge handling (clamped neighbours).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace litelab::onnx {

struct ResizeAxis {
    int64_t in = 1, out = 1;
    double scale = 1.0;  // as ONNX's coordinate formulas use it (given, or out / in)
    double roi_start = 0.0, roi_end = 1.0;
};

struct ResizeMode {
    std::string mode = "nearest";                // nearest, linear, cubic
    std::string coordinates = "half_pixel";      // coordinate_transformation_mode
    std::string nearest = "round_prefer_floor";  // nearest_mode
    double cubic_a = -0.75;
    bool exclude_outside = false;
};

struct ResizeMatrix {
    std::vector<float> weights;  // [out, in]
    std::vector<bool> outside;   // per output: beyond the input (tf_crop_and_resize only)
};

Result<ResizeMatrix> resize_matrix(const ResizeAxis& axis, const ResizeMode& mode);

}  // namespace litelab::onnx
