#include "runtime/kernels/elementwise/lookup_table.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace litelab {

template <class T>
std::array<T, 256> make_lut8(float input_scale, int32_t input_zero_point, float output_scale,
                             int32_t output_zero_point, const FloatFunction& f) {
    std::array<T, 256> lut{};
    const float inverse_scale = 1 / output_scale;
    constexpr int32_t lo = std::numeric_limits<T>::min();
    constexpr int32_t hi = std::numeric_limits<T>::max();
    for (int32_t value = lo; value <= hi; ++value) {
        const float dequantized = input_scale * static_cast<float>(value - input_zero_point);
        const float rescaled = std::round(f(dequantized) * inverse_scale);
        const auto quantized = static_cast<int32_t>(rescaled + static_cast<float>(output_zero_point));
        lut[static_cast<uint8_t>(static_cast<T>(value))] = static_cast<T>(std::clamp(quantized, lo, hi));
    }
    return lut;
}

template std::array<int8_t, 256> make_lut8<int8_t>(float, int32_t, float, int32_t, const FloatFunction&);
template std::array<uint8_t, 256> make_lut8<uint8_t>(float, int32_t, float, int32_t, const FloatFunction&);

std::vector<int16_t> make_lut16(float input_scale, int32_t input_zero_point, float output_scale,
                                int32_t output_zero_point, const FloatFunction& f) {
    constexpr float kTableMin = -32768.0f;
    constexpr float kTableMax = 32767.0f;
    // TFLite's LUTPopulateInt16, operation by operation in float.
    const float input_min = input_scale * static_cast<float>(-32768 - input_zero_point);
    const float input_max = input_scale * static_cast<float>(32767 - input_zero_point);
    const float output_min = output_scale * static_cast<float>(-32768 - output_zero_point);
    const float output_max = output_scale * static_cast<float>(32767 - output_zero_point);

    constexpr int kSteps = 512;
    const float step = (input_max - input_min) / kSteps;
    const float half_step = step / 2;
    const float output_scaling_inv = 65536.0f / (output_max - output_min);

    std::vector<int16_t> lut(kSteps + 1);
    for (int i = 0; i < kSteps; ++i) {
        const float at = input_min + static_cast<float>(i) * step;
        const float value = f(at);
        const float value_midpoint = f(at + half_step);
        const float value_next = f(input_min + static_cast<float>(i + 1) * step);
        // Bias each sample by half the interpolation error at the midpoint of its step.
        const float sample = std::round(value * output_scaling_inv);
        const float midpoint_interpolated = std::round((value_next * output_scaling_inv + std::round(value * output_scaling_inv)) / 2);
        const float midpoint = std::round(value_midpoint * output_scaling_inv);
        const float bias = std::round((midpoint_interpolated - midpoint) / 2);
        lut[static_cast<size_t>(i)] = static_cast<int16_t>(std::min(std::max(sample - bias, kTableMin), kTableMax));
    }
    lut[kSteps] = static_cast<int16_t>(std::min(std::max(std::round(f(input_max) * output_scaling_inv), kTableMin), kTableMax));
    return lut;
}

}  // namespace litelab
