#include "output_compare.h"

#include <cmath>
#include <optional>
#include <sstream>
#include <vector>

namespace litelab::test {

namespace {

template <class T>
std::vector<double> as_doubles(const NdArray& a) {
    const auto v = a.values<T>();
    return {v.begin(), v.end()};
}

std::optional<std::vector<double>> doubles(const NdArray& a) {
    switch (a.dtype) {
        case DType::kFloat32: return as_doubles<float>(a);
        case DType::kInt8: return as_doubles<int8_t>(a);
        case DType::kUInt8: return as_doubles<uint8_t>(a);
        case DType::kInt16: return as_doubles<int16_t>(a);
        case DType::kInt32: return as_doubles<int32_t>(a);
        case DType::kInt64: return as_doubles<int64_t>(a);
        case DType::kBool: return std::vector<double>(a.data.begin(), a.data.end());
        default: return std::nullopt;
    }
}

}  // namespace

Comparison compare_outputs(const NdArray& ours, const NdArray& peer, const Tolerance& t) {
    Comparison result;
    if (ours.dtype != peer.dtype) {
        result.problem = "dtype " + std::string(dtype_name(ours.dtype)) + " vs " + std::string(dtype_name(peer.dtype));
        return result;
    }
    if (ours.shape != peer.shape) {
        result.problem = "shape " + format_npy_shape(ours.shape) + " vs " + format_npy_shape(peer.shape);
        return result;
    }
    const auto a = doubles(ours), b = doubles(peer);
    if (!a || !b) {
        result.problem = "cannot compare dtype " + std::string(dtype_name(ours.dtype));
        return result;
    }
    double max_diff = 0;
    size_t exact = 0, worst = 0;
    bool float_ok = true;
    for (size_t i = 0; i < a->size(); ++i) {
        const double x = (*a)[i], y = (*b)[i];
        const bool both_nan = std::isnan(x) && std::isnan(y);
        const double diff = both_nan ? 0.0 : std::abs(x - y);
        if (diff == 0.0) ++exact;
        if (std::isnan(diff) || diff > max_diff) {
            max_diff = std::isnan(diff) ? INFINITY : diff;
            worst = i;
        }
        if (ours.dtype == DType::kFloat32 && !(diff <= t.atol + t.rtol * std::abs(y))) float_ok = false;
    }
    const double fraction = a->empty() ? 1.0 : static_cast<double>(exact) / static_cast<double>(a->size());
    std::ostringstream summary;
    summary << "max diff " << max_diff << ", " << fraction * 100 << "% exact";
    result.summary = summary.str();
    std::ostringstream why;
    if (ours.dtype == DType::kFloat32) {
        if (float_ok) return result;
        why << "max diff " << max_diff << " at element " << worst << " (ours " << (*a)[worst] << ", peer "
            << (*b)[worst] << "), beyond atol " << t.atol << " + rtol " << t.rtol;
    } else {
        if (fraction >= t.exact_fraction && max_diff <= t.max_int_diff) return result;
        why << fraction * 100 << "% exact (need " << t.exact_fraction * 100 << "%), max diff " << max_diff
            << " (allowed " << t.max_int_diff << ") at element " << worst << " (ours " << (*a)[worst] << ", peer "
            << (*b)[worst] << ")";
    }
    result.problem = why.str();
    return result;
}

}  // namespace litelab::test
