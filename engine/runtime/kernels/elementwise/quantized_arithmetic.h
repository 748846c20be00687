// TFLite's integer arithmetic for the quantized elementwise operators, one small function per
// operator so that the kernels and the unit tests share it. Parameters are computed once per
// operator with TFLite's own (float, then double) expressions, since the multipliers they give
// decide the integers.
#pragma once

#include <algorithm>
#include <cstdint>

#include "runtime/quant/fixed_point.h"

namespace litelab {

// ADD, SUB and SQUARED_DIFFERENCE round twice, as TFLite's reference (and LiteRT) do.
//
// ADD and SUB (TFLite's general 8-bit and 16-bit path): each input is shifted left by
// `left_shift` (20 for 8-bit, 15 for 16-bit) and scaled to half the larger input scale, the two
// are added, and the sum is scaled to the output.
struct AddSubParams {
    int32_t input1_offset = 0;  // minus the zero points
    int32_t input2_offset = 0;
    int32_t output_offset = 0;  // the output zero point
    int left_shift = 20;
    QuantizedMultiplier input1;
    QuantizedMultiplier input2;
    QuantizedMultiplier output;
    ActivationRange range;
};
AddSubParams make_add_sub_params(const QuantParams& input1, const QuantParams& input2, const QuantParams& output,
                                 int left_shift, ActivationRange range);

inline int32_t add_sub_scaled_input(int32_t value, int32_t offset, int left_shift, QuantizedMultiplier m) {
    const int32_t shifted = (offset + value) * (int32_t{1} << left_shift);
    return multiply_by_quantized_multiplier(shifted, m);
}
inline int32_t quantized_add(int32_t a, int32_t b, const AddSubParams& p) {
    const int32_t sum = add_sub_scaled_input(a, p.input1_offset, p.left_shift, p.input1) +
                        add_sub_scaled_input(b, p.input2_offset, p.left_shift, p.input2);
    return std::clamp(multiply_by_quantized_multiplier(sum, p.output) + p.output_offset, p.range.min, p.range.max);
}
inline int32_t quantized_sub(int32_t a, int32_t b, const AddSubParams& p) {
    const int32_t difference = add_sub_scaled_input(a, p.input1_offset, p.left_shift, p.input1) -
                               add_sub_scaled_input(b, p.input2_offset, p.left_shift, p.input2);
    return std::clamp(multiply_by_quantized_multiplier(difference, p.output) + p.output_offset, p.range.min,
                      p.range.max);
}

// int16 ADD/SUB with power-of-two scales and zero points of 0 (TFLite's LSTM path): one input
// is rounded down to the output's scale by a right shift, the other is already at it.
struct PowerOfTwoAddSubParams {
    int input1_right_shift = 0;
    int input2_right_shift = 0;
    ActivationRange range;
};
inline int32_t pot_add(int32_t a, int32_t b, const PowerOfTwoAddSubParams& p) {
    return std::clamp(rounding_divide_by_pot(a, p.input1_right_shift) + rounding_divide_by_pot(b, p.input2_right_shift),
                      p.range.min, p.range.max);
}
inline int32_t pot_sub(int32_t a, int32_t b, const PowerOfTwoAddSubParams& p) {
    return std::clamp(rounding_divide_by_pot(a, p.input1_right_shift) - rounding_divide_by_pot(b, p.input2_right_shift),
                      p.range.min, p.range.max);
}
// TFLite's CheckedLog2: the rounded log2 of a scale, and whether the scale is a power of two.
bool checked_log2(float scale, int* log2_rounded);

// MUL: the product of the offset inputs, scaled by s1 * s2 / s_out. 8-bit products are rounded
// once, as LiteRT (XNNPACK) and Arm NN do; TFLite's reference rounds twice, which for such small
// products is off by one in a few percent of the outputs. int16 keeps TFLite's two roundings
// (XNNPACK has no int16 kernel, so LiteRT runs TFLite's).
struct MulParams {
    int32_t input1_offset = 0;
    int32_t input2_offset = 0;
    int32_t output_offset = 0;
    QuantizedMultiplier output;
    ActivationRange range;
    bool round_once = true;
};
MulParams make_mul_params(const QuantParams& input1, const QuantParams& input2, const QuantParams& output,
                          ActivationRange range);
inline int32_t quantized_mul(int32_t a, int32_t b, const MulParams& p) {
    const int32_t product = (p.input1_offset + a) * (p.input2_offset + b);
    const int32_t scaled = p.round_once
                               ? multiply_by_quantized_multiplier_single_rounding(product, p.output.multiplier, p.output.shift)
                               : multiply_by_quantized_multiplier(product, p.output);
    return std::clamp(p.output_offset + scaled, p.range.min, p.range.max);
}

// DIV: the dividend times a fixed-point reciprocal of the divisor, scaled by s1 / (s2 * s_out).
// The divisor must not equal its zero point. LiteRT runs DIV with TFLite's own kernel, whose
// last step rounds twice (doubling high multiply, then rounding shift): so does ours.
struct DivParams {
    int32_t input1_offset = 0;
    int32_t input2_offset = 0;
    int32_t output_offset = 0;
    QuantizedMultiplier output;
    ActivationRange range;
};
DivParams make_div_params(const QuantParams& input1, const QuantParams& input2, const QuantParams& output,
                          ActivationRange range);
int32_t quantized_div(int32_t a, int32_t b, const DivParams& p);
// gemmlowp's RoundingDivideByPOT as TFLite builds run it for any exponent. A small dividend over
// a large divisor makes DIV shift right by 32 bits or more, which C++ leaves undefined; every
// TFLite build (x86, ARM, WebAssembly) takes shift counts modulo the register width there, so
// devices answer such quotients with the extremes of the range, and so do we.
int32_t rounding_divide_by_pot_as_built(int32_t x, int exponent);

// TFLite's CountLeadingSignBits: how far x can be shifted left without overflowing (31 for 0).
int count_leading_sign_bits(int32_t x);
// TFLite's GetReciprocal: 1/x as a Q0.31 value and the power of two it is scaled by.
int32_t reciprocal(int32_t x, int x_integer_digits, int* num_bits_over_unit);

// SQUARED_DIFFERENCE (int8): inputs scaled like ADD with a left shift of 7, the difference
// squared, then scaled to the output.
AddSubParams make_squared_difference_params(const QuantParams& input1, const QuantParams& input2,
                                            const QuantParams& output, ActivationRange range);
inline int32_t quantized_squared_difference(int32_t a, int32_t b, const AddSubParams& p) {
    const int32_t difference = add_sub_scaled_input(a, p.input1_offset, p.left_shift, p.input1) -
                               add_sub_scaled_input(b, p.input2_offset, p.left_shift, p.input2);
    return std::clamp(multiply_by_quantized_multiplier(difference * difference, p.output) + p.output_offset,
                      p.range.min, p.range.max);
}

}  // namespace litelab
