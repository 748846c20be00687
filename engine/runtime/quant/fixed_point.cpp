#include "runtime/quant/fixed_point.h"

#include <cmath>

namespace litelab {

QuantizedMultiplier quantize_multiplier(double real_multiplier) {
    if (real_multiplier == 0.0) return {0, 0};
    int shift = 0;
    const double q = std::frexp(real_multiplier, &shift);
    auto q_fixed = static_cast<int64_t>(std::round(q * static_cast<double>(int64_t{1} << 31)));
    if (q_fixed == (int64_t{1} << 31)) {
        q_fixed /= 2;
        ++shift;
    }
    if (shift < -31) {
        shift = 0;
        q_fixed = 0;
    }
    return {static_cast<int32_t>(q_fixed), shift};
}

int32_t multiply_by_quantized_multiplier(int64_t x, int32_t multiplier, int shift) {
    const int32_t reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
    const int total_shift = 15 - shift;
    const int64_t round = int64_t{1} << (total_shift - 1);
    const int64_t result = (x * static_cast<int64_t>(reduced) + round) >> total_shift;
    return static_cast<int32_t>(std::clamp<int64_t>(result, std::numeric_limits<int32_t>::min(),
                                                    std::numeric_limits<int32_t>::max()));
}

ActivationRange integer_type_range(DType type) {
    switch (type) {
        case DType::kInt8: return {-128, 127};
        case DType::kUInt8: return {0, 255};
        case DType::kInt16: return {-32768, 32767};
        case DType::kInt32: return {std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()};
        default: return {0, 0};
    }
}

ActivationRange quantized_activation_range(tflite::ActivationFunctionType activation, DType type,
                                           const QuantParams& output) {
    const ActivationRange full = integer_type_range(type);
    const float scale = output.scale0();
    const int32_t zero_point = output.zero_point0();
    auto quantize = [&](float f) { return zero_point + static_cast<int32_t>(std::round(f / scale)); };
    switch (activation) {
        case tflite::ActivationFunctionType_RELU:
            return {std::max(full.min, quantize(0.0f)), full.max};
        case tflite::ActivationFunctionType_RELU6:
            return {std::max(full.min, quantize(0.0f)), std::min(full.max, quantize(6.0f))};
        case tflite::ActivationFunctionType_RELU_N1_TO_1:
            return {std::max(full.min, quantize(-1.0f)), std::min(full.max, quantize(1.0f))};
        default:
            return full;
    }
}

FloatRange float_activation_range(tflite::ActivationFunctionType activation) {
    switch (activation) {
        case tflite::ActivationFunctionType_RELU: return {0.0f, std::numeric_limits<float>::max()};
        case tflite::ActivationFunctionType_RELU6: return {0.0f, 6.0f};
        case tflite::ActivationFunctionType_RELU_N1_TO_1: return {-1.0f, 1.0f};
        default: return {};
    }
}

int32_t quantize_value(float value, float scale, int32_t zero_point, ActivationRange range) {
    const float scaled = std::round(value / scale);
    const float clamped = std::clamp(scaled, -2147483648.0f, 2147483520.0f);
    const int64_t q = static_cast<int64_t>(clamped) + zero_point;
    return static_cast<int32_t>(std::clamp<int64_t>(q, range.min, range.max));
}

}  // namespace litelab
