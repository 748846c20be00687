#include "runtime/kernels/conv/hybrid_quantize.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace litelab::conv {

float symmetric_quantize(std::span<const float> values, int8_t* quantized) {
    if (values.empty()) return 1.0f;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const float range = std::max(std::abs(*lo), std::abs(*hi));
    if (range == 0.0f) {
        std::memset(quantized, 0, values.size());
        return 1.0f;
    }
    constexpr int32_t kLimit = 127;
    const float inverse = static_cast<float>(kLimit) / range;
    for (size_t i = 0; i < values.size(); ++i) {
        const auto q = static_cast<int32_t>(std::round(values[i] * inverse));
        quantized[i] = static_cast<int8_t>(std::clamp(q, -kLimit, kLimit));
    }
    return range / static_cast<float>(kLimit);
}

AsymmetricQuantization asymmetric_quantize(std::span<const float> values, int8_t* quantized) {
    constexpr int32_t kMin = -128;
    constexpr int32_t kMax = 127;
    if (values.empty()) return {};
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    // The range always contains 0 so that 0.0 is exactly representable.
    const double rmin = static_cast<double>(std::min(0.0f, *lo));
    const double rmax = static_cast<double>(std::max(0.0f, *hi));
    if (rmin == rmax) {
        std::memset(quantized, 0, values.size());
        return {1.0f, 0};
    }
    const double scale = (rmax - rmin) / (kMax - kMin);
    // The zero point from whichever end loses less precision, then nudged onto the grid.
    const double from_min = kMin - rmin / scale;
    const double from_max = kMax - rmax / scale;
    const double error_min = std::abs(double{kMin}) + std::abs(rmin / scale);
    const double error_max = std::abs(double{kMax}) + std::abs(rmax / scale);
    const double zero_point = error_min < error_max ? from_min : from_max;
    int32_t nudged = 0;
    if (zero_point <= kMin) {
        nudged = kMin;
    } else if (zero_point >= kMax) {
        nudged = kMax;
    } else {
        nudged = static_cast<int8_t>(std::round(zero_point));
    }
    AsymmetricQuantization result{static_cast<float>(scale), nudged};
    const float inverse = 1.0f / result.scale;
    for (size_t i = 0; i < values.size(); ++i) {
        const auto q = static_cast<int32_t>(std::round(static_cast<float>(nudged) + values[i] * inverse));
        quantized[i] = static_cast<int8_t>(std::clamp(q, kMin, kMax));
    }
    return result;
}

}  // namespace litelab::conv
