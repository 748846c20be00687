#include "runtime/kernels/softmax/softmax_math.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace litelab::softmax {

namespace {

using F0 = gemmlowp::FixedPoint<int32_t, 0>;

int leading_zeros(int32_t x) {
    return std::countl_zero(static_cast<uint32_t>(x));
}

int32_t shift_left(int32_t x, int exponent) {
    return static_cast<int32_t>(static_cast<uint32_t>(x) << exponent);
}

// x * 2^exponent (exponent >= 0), saturating to the int32 range (TFLite's
// SaturatingRoundingMultiplyByPOTParam; only left shifts occur here).
int32_t saturating_shift_left(int32_t x, int exponent) {
    if (exponent == 0) return x;
    const int32_t threshold = static_cast<int32_t>((int64_t{1} << (31 - exponent)) - 1);
    if (x > threshold) return std::numeric_limits<int32_t>::max();
    if (x < -threshold) return std::numeric_limits<int32_t>::min();
    return shift_left(x, exponent);
}

int32_t saturating_add(int32_t a, int32_t b) {
    return static_cast<int32_t>(
        std::clamp<int64_t>(int64_t{a} + b, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()));
}
int32_t saturating_sub(int32_t a, int32_t b) {
    return static_cast<int32_t>(
        std::clamp<int64_t>(int64_t{a} - b, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()));
}

}  // namespace

QuantizedMultiplier softmax_input_scaling(double beta, double input_scale) {
    const double real = std::min(beta * input_scale * static_cast<double>(1 << (31 - kSoftmaxDiffIntegerBits)),
                                 static_cast<double>((int64_t{1} << 31) - 1));
    return quantize_multiplier(real);
}

QuantizedMultiplier log_softmax_reverse_scaling(QuantizedMultiplier input_scaling) {
    const double real =
        static_cast<double>(int64_t{1} << (31 - input_scaling.shift)) / static_cast<double>(input_scaling.multiplier);
    return quantize_multiplier(real);
}

int32_t softmax_diff_min(int input_left_shift) {
    const double radius = 1.0 * ((1 << kSoftmaxDiffIntegerBits) - 1) *
                          static_cast<double>(int64_t{1} << (31 - kSoftmaxDiffIntegerBits)) /
                          static_cast<double>(int64_t{1} << input_left_shift);
    return -static_cast<int32_t>(std::floor(radius));
}

int32_t fixed_point_reciprocal(int32_t x, int x_integer_digits, int* num_bits_over_unit) {
    const int headroom_plus_one = leading_zeros(x);
    // Bits of x above 1.0: x = 1.25 needs none, the reciprocal 0.8 then needs no adjustment.
    *num_bits_over_unit = x_integer_digits - headroom_plus_one;
    const auto shifted_minus_one =
        static_cast<int32_t>((static_cast<uint32_t>(x) << headroom_plus_one) - (uint32_t{1} << 31));
    return gemmlowp::one_over_one_plus_x_for_x_in_0_1(F0::FromRaw(shifted_minus_one)).raw();
}

int32_t fixed_point_log_q12_to_q5(int32_t sum_of_exps_q12) {
    constexpr int kInputIntegerBits = kSoftmaxAccumIntegerBits;
    constexpr int kOutputIntegerBits = kSoftmaxDiffIntegerBits;
    // One more integer bit than the output while accumulating: z_pow_2_adj * log(2) can
    // saturate, and the correction term added to it must not be lost.
    constexpr int kAccumBits = kOutputIntegerBits + 1;
    using FAccum = gemmlowp::FixedPoint<int32_t, kAccumBits>;

    const F0 log_2 = F0::FromRaw(1488522236);           // log(2)
    const F0 sqrt_sqrt_half = F0::FromRaw(1805811301);  // 0.5^(1/4)
    const F0 sqrt_half = F0::FromRaw(1518500250);       // sqrt(0.5)
    const F0 one_quarter = F0::FromRaw(536870912);
    // Coefficients of the rational approximation of log around 2^(-1/4).
    const F0 alpha_n = F0::FromRaw(117049297);
    const F0 alpha_d = F0::FromRaw(127690142);
    const F0 alpha_i = F0::FromRaw(1057819769);
    const F0 alpha_f = F0::FromRaw(638450708);
    const FAccum shifted_quarter = gemmlowp::Rescale<kAccumBits>(one_quarter);

    // The input read as Q0.31: its power of two is worked out from the headroom instead.
    const F0 z_a = F0::FromRaw(sum_of_exps_q12);
    const int z_a_headroom_plus_1 = leading_zeros(z_a.raw());
    const F0 r_a_tmp = F0::FromRaw(saturating_shift_left(z_a.raw(), z_a_headroom_plus_1 - 1));
    const int32_t r_a_raw = saturating_shift_left((r_a_tmp * sqrt_half).raw(), 1);
    const FAccum z_a_pow_2_adj = FAccum::FromRaw(saturating_add(
        saturating_shift_left(kInputIntegerBits - z_a_headroom_plus_1, 31 - kAccumBits), shifted_quarter.raw()));

    // The same with the input premultiplied by sqrt(0.5).
    const F0 z_b = z_a * sqrt_half;
    const int z_b_headroom = leading_zeros(z_b.raw()) - 1;
    const int32_t r_b_raw = saturating_shift_left(z_a.raw(), z_b_headroom);
    const FAccum z_b_pow_2_adj = FAccum::FromRaw(saturating_sub(
        saturating_shift_left(kInputIntegerBits - z_b_headroom, 31 - kAccumBits), shifted_quarter.raw()));

    const F0 r = F0::FromRaw(std::min(r_a_raw, r_b_raw));
    const FAccum z_pow_2_adj = FAccum::FromRaw(std::max(z_a_pow_2_adj.raw(), z_b_pow_2_adj.raw()));

    const F0 p = gemmlowp::RoundingHalfSum(r, sqrt_sqrt_half);
    F0 q = r - sqrt_sqrt_half;
    q = q + q;
    const F0 common_sq = q * q;
    const F0 num = q * r + q * common_sq * alpha_n;
    const F0 denom_minus_one = p * (alpha_i + q + alpha_d * common_sq) + alpha_f * q;
    const F0 recip_denom = gemmlowp::one_over_one_plus_x_for_x_in_0_1(denom_minus_one);
    const FAccum num_scaled = gemmlowp::Rescale<kAccumBits>(num);
    return gemmlowp::Rescale<kOutputIntegerBits>(z_pow_2_adj * log_2 + num_scaled * recip_denom).raw();
}

}  // namespace litelab::softmax
