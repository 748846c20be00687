#include "runtime/kernels/fully_connected/hybrid_quantize.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace litelab {

RowQuantization symmetric_quantize_row(const float* values, int64_t size, int8_t* quantized) {
    constexpr int32_t kScale = 127;
    if (size == 0) return {1.0f, 0};
    const auto [lowest, highest] = std::minmax_element(values, values + size);
    const float range = std::max(std::abs(*lowest), std::abs(*highest));
    if (range == 0.0f) {
        std::memset(quantized, 0, static_cast<size_t>(size));
        return {1.0f, 0};
    }
    const float inverse = static_cast<float>(kScale) / range;
    for (int64_t i = 0; i < size; ++i) {
        const auto q = static_cast<int32_t>(std::round(values[i] * inverse));
        quantized[i] = static_cast<int8_t>(std::clamp(q, -kScale, kScale));
    }
    return {range / static_cast<float>(kScale), 0};
}

RowQuantization asymmetric_quantize_row(const float* values, int64_t size, int8_t* quantized) {
    constexpr int32_t kMin = -128;
    constexpr int32_t kMax = 127;
    if (size == 0) return {1.0f, 0};
    const auto [lowest, highest] = std::minmax_element(values, values + size);
    const auto rmin = static_cast<double>(std::min(0.0f, *lowest));
    const auto rmax = static_cast<double>(std::max(0.0f, *highest));
    if (rmin == rmax) {
        std::memset(quantized, 0, static_cast<size_t>(size));
        return {1.0f, 0};
    }
    // TFLite's nudging: the zero point from whichever end loses less, rounded and clamped.
    const double scale = (rmax - rmin) / (kMax - kMin);
    const double from_min = kMin - rmin / scale;
    const double from_max = kMax - rmax / scale;
    const double from_min_error = std::abs(static_cast<double>(kMin)) + std::abs(rmin / scale);
    const double from_max_error = std::abs(static_cast<double>(kMax)) + std::abs(rmax / scale);
    const double zero_point = from_min_error < from_max_error ? from_min : from_max;
    int32_t offset = 0;
    if (zero_point <= kMin) {
        offset = kMin;
    } else if (zero_point >= kMax) {
        offset = kMax;
    } else {
        offset = static_cast<int8_t>(std::round(zero_point));
    }
    const auto scale_f = static_cast<float>(scale);
    const float inverse = 1.0f / scale_f;
    for (int64_t i = 0; i < size; ++i) {
        const auto q = static_cast<int32_t>(std::round(static_cast<float>(offset) + values[i] * inverse));
        quantized[i] = static_cast<int8_t>(std::clamp(q, kMin, kMax));
    }
    return {scale_f, offset};
}

void quantize_rows(const float* input, int64_t rows, int64_t depth, bool asymmetric, const float* weight_scale,
                   int8_t* quantized, float* scales, int32_t* offsets) {
    for (int64_t r = 0; r < rows; ++r) {
        const RowQuantization q = asymmetric ? asymmetric_quantize_row(input + r * depth, depth, quantized + r * depth)
                                             : symmetric_quantize_row(input + r * depth, depth, quantized + r * depth);
        scales[r] = weight_scale ? q.scale * *weight_scale : q.scale;
        offsets[r] = q.offset;
    }
}

}  // namespace litelab
