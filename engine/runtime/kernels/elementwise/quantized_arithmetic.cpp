#include "runtime/kernels/elementwise/quantized_arithmetic.h"

#include <bit>
#include <cmath>

namespace litelab {

AddSubParams make_add_sub_params(const QuantParams& input1, const QuantParams& input2, const QuantParams& output,
                                 int left_shift, ActivationRange range) {
    const float s1 = input1.scale0();
    const float s2 = input2.scale0();
    AddSubParams p;
    p.input1_offset = -input1.zero_point0();
    p.input2_offset = -input2.zero_point0();
    p.output_offset = output.zero_point0();
    p.left_shift = left_shift;
    // TFLite's expressions, float where TFLite computes in float.
    const double twice_max_input_scale = 2 * std::max(s1, s2);
    p.input1 = quantize_multiplier(s1 / twice_max_input_scale);
    p.input2 = quantize_multiplier(s2 / twice_max_input_scale);
    p.output = quantize_multiplier(twice_max_input_scale /
                                   (static_cast<float>(1 << left_shift) * output.scale0()));
    p.range = range;
    return p;
}

AddSubParams make_squared_difference_params(const QuantParams& input1, const QuantParams& input2,
                                            const QuantParams& output, ActivationRange range) {
    AddSubParams p = make_add_sub_params(input1, input2, output, 7, range);
    const double twice_max_input_scale = 2 * std::max(input1.scale0(), input2.scale0());
    // The squared difference carries the left shift twice.
    p.output = quantize_multiplier(twice_max_input_scale * twice_max_input_scale /
                                   (static_cast<float>(1 << 14) * output.scale0()));
    return p;
}

bool checked_log2(float scale, int* log2_rounded) {
    const float x_log2 = std::log(scale) * (1.0f / std::log(2.0f));
    const float rounded = std::round(x_log2);
    *log2_rounded = static_cast<int>(rounded);
    return std::abs(x_log2 - rounded) < 1e-3f;
}

MulParams make_mul_params(const QuantParams& input1, const QuantParams& input2, const QuantParams& output,
                          ActivationRange range) {
    MulParams p;
    p.input1_offset = -input1.zero_point0();
    p.input2_offset = -input2.zero_point0();
    p.output_offset = output.zero_point0();
    const float real = input1.scale0() * input2.scale0() / output.scale0();
    p.output = quantize_multiplier(real);
    p.range = range;
    return p;
}

DivParams make_div_params(const QuantParams& input1, const QuantParams& input2, const QuantParams& output,
                          ActivationRange range) {
    DivParams p;
    p.input1_offset = -input1.zero_point0();
    p.input2_offset = -input2.zero_point0();
    p.output_offset = output.zero_point0();
    const float real = input1.scale0() / (input2.scale0() * output.scale0());
    p.output = quantize_multiplier(real);
    p.range = range;
    return p;
}

int count_leading_sign_bits(int32_t x) {
    const auto u = static_cast<uint32_t>(x);
    return std::countl_zero(x < 0 ? ~u : u) - 1;
}

int32_t reciprocal(int32_t x, int x_integer_digits, int* num_bits_over_unit) {
    const int headroom_plus_one = std::countl_zero(static_cast<uint32_t>(x));
    *num_bits_over_unit = x_integer_digits - headroom_plus_one;
    // x scaled into [1, 2), minus one, as a Q0.31 value.
    const auto shifted_minus_one =
        static_cast<int32_t>((static_cast<uint32_t>(x) << headroom_plus_one) - (uint32_t{1} << 31));
    using F0 = gemmlowp::FixedPoint<int32_t, 0>;
    return gemmlowp::one_over_one_plus_x_for_x_in_0_1(F0::FromRaw(shifted_minus_one)).raw();
}

int32_t rounding_divide_by_pot_as_built(int32_t x, int exponent) {
    const auto mask = static_cast<int32_t>(static_cast<uint32_t>((uint64_t{1} << (exponent & 63)) - 1));
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> (exponent & 31)) + (remainder > threshold ? 1 : 0);
}

int32_t quantized_div(int32_t a, int32_t b, const DivParams& p) {
    int32_t dividend = p.input1_offset + a;
    int32_t divisor = p.input2_offset + b;
    // The reciprocal is computed for positive divisors only.
    if (divisor < 0) {
        dividend = -dividend;
        divisor = -divisor;
    }
    int reciprocal_shift = 0;
    const int32_t inverse = reciprocal(divisor, 31, &reciprocal_shift);
    const int headroom = count_leading_sign_bits(dividend);
    const int32_t unscaled = multiply_by_quantized_multiplier_greater_than_one(dividend, inverse, headroom);
    const int total_shift = p.output.shift - reciprocal_shift - headroom;
    const int32_t quotient =
        total_shift > 0 ? multiply_by_quantized_multiplier(unscaled, p.output.multiplier, total_shift)
                        : rounding_divide_by_pot_as_built(
                              saturating_rounding_doubling_high_mul(unscaled, p.output.multiplier), -total_shift);
    return std::clamp(p.output_offset + quotient, p.range.min, p.range.max);
}

}  // namespace litelab
