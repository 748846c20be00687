// TensorFlow Lite's integer requantization arithmetic, so that our integer kernels produce the
// integers a device produces. The primitives (saturating rounding doubling high multiply,
// rounding divide by a power of two, the fixed-point exp/logistic/tanh) are gemmlowp's, the
// library TFLite itself uses for them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>

#include <gemmlowp/fixedpoint/fixedpoint.h>

#include "runtime/tensor_info.h"
#include "tflite/schema/tflite_generated.h"

namespace litelab {

// A real multiplier as a Q0.31 fixed-point value and a power-of-two exponent:
// real = multiplier * 2^(shift - 31). Left shifts are positive.
struct QuantizedMultiplier {
    int32_t multiplier = 0;
    int shift = 0;
};

// TFLite's QuantizeMultiplier: frexp, rounding to 31 bits, very small values flushed to zero.
QuantizedMultiplier quantize_multiplier(double real_multiplier);

inline int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
    return gemmlowp::SaturatingRoundingDoublingHighMul(a, b);
}
inline int32_t rounding_divide_by_pot(int32_t x, int exponent) { return gemmlowp::RoundingDivideByPOT(x, exponent); }

// TFLite's MultiplyByQuantizedMultiplier (double rounding, the reference arithmetic).
inline int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
    const int left_shift = shift > 0 ? std::min(shift, 31) : 0;
    const int right_shift = shift > 0 ? 0 : -shift;
    // The left shift wraps like TFLite's (x * (1 << left_shift)) on two's complement hardware.
    const auto shifted = static_cast<int32_t>(static_cast<uint32_t>(x) << left_shift);
    return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, multiplier), right_shift);
}
inline int32_t multiply_by_quantized_multiplier(int32_t x, QuantizedMultiplier m) {
    return multiply_by_quantized_multiplier(x, m.multiplier, m.shift);
}

// The 64-bit accumulator variant used by 16x8 kernels (the multiplier reduced to 16 bits).
int32_t multiply_by_quantized_multiplier(int64_t x, int32_t multiplier, int shift);

// The single-rounding form (TFLITE_SINGLE_ROUNDING): x * multiplier * 2^(shift - 31) rounded
// once, half up. XNNPACK's rndnu requantization; the kernels that follow XNNPACK and keep a
// fixed-point multiplier use it (8-bit MUL, MEAN, SUM; uint8 and int16 convolutions).
inline int32_t multiply_by_quantized_multiplier_single_rounding(int32_t x, int32_t multiplier, int shift) {
    const int total_shift = 31 - std::clamp(shift, -31, 30);
    const int64_t round = int64_t{1} << (total_shift - 1);
    const int64_t result = (static_cast<int64_t>(x) * multiplier + round) >> total_shift;
    return static_cast<int32_t>(std::clamp<int64_t>(result, std::numeric_limits<int32_t>::min(),
                                                    std::numeric_limits<int32_t>::max()));
}
// 64-bit (16x8) accumulators round once in both forms.
inline int32_t multiply_by_quantized_multiplier_single_rounding(int64_t x, int32_t multiplier, int shift) {
    return multiply_by_quantized_multiplier(x, multiplier, shift);
}

// TFLite's ...SmallerThanOneExp / ...GreaterThanOne: the multiplier's shift is known to be <= 0
// (or >= 0), as kernels that precompute a left shift use them.
inline int32_t multiply_by_quantized_multiplier_smaller_than_one_exp(int32_t x, int32_t multiplier, int left_shift) {
    return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(x, multiplier), -left_shift);
}
inline int32_t multiply_by_quantized_multiplier_greater_than_one(int32_t x, int32_t multiplier, int left_shift) {
    return saturating_rounding_doubling_high_mul(static_cast<int32_t>(static_cast<uint32_t>(x) << left_shift),
                                                 multiplier);
}

// The integer range a fused activation leaves for an output of this type and quantization
// (TFLite's CalculateActivationRangeQuantized).
struct ActivationRange {
    int32_t min = 0;
    int32_t max = 0;
};
ActivationRange quantized_activation_range(tflite::ActivationFunctionType activation, DType type,
                                           const QuantParams& output);
// The float range of a fused activation (TFLite's CalculateActivationRange).
struct FloatRange {
    float min = std::numeric_limits<float>::lowest();
    float max = std::numeric_limits<float>::max();
};
FloatRange float_activation_range(tflite::ActivationFunctionType activation);

// The representable range of an integer tensor type.
ActivationRange integer_type_range(DType type);

// Affine quantization of one value, rounding half away from zero like TFLite, then clamping.
int32_t quantize_value(float value, float scale, int32_t zero_point, ActivationRange range);

}  // namespace litelab
