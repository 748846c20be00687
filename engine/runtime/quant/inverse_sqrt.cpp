#include "runtime/quant/inverse_sqrt.h"

#include <bit>
#include <limits>

namespace litelab {

QuantizedMultiplier inverse_sqrt_multiplier(int32_t x) {
    // 0 and 1 would overflow the iteration below; TFLite answers both with the largest multiplier.
    if (x <= 1) return {std::numeric_limits<int32_t>::max(), 0};
    int shift = 11;
    while (x >= (1 << 29)) {
        x /= 4;
        ++shift;
    }
    // Normalise x into [2^27, 2^29) by an even shift, keeping track of the square root's exponent.
    const int max_left_shift_bits = std::countl_zero(static_cast<uint32_t>(x)) - 1;
    const int left_shift_bit_pairs = max_left_shift_bits / 2 - 1;
    shift -= left_shift_bit_pairs;
    x <<= 2 * left_shift_bit_pairs;

    using F3 = gemmlowp::FixedPoint<int32_t, 3>;
    using F0 = gemmlowp::FixedPoint<int32_t, 0>;
    const F3 input = F3::FromRaw(x >> 1);
    const F3 half_input = gemmlowp::SaturatingRoundingMultiplyByPOT<-1>(input);
    const F3 three_halves = F3::FromRaw((1 << 28) + (1 << 27));
    // Newton-Raphson from 1, five steps, as TFLite does.
    F3 y = F3::One();
    for (int i = 0; i < 5; ++i) {
        const F3 y3 = gemmlowp::Rescale<3>(y * y * y);
        y = gemmlowp::Rescale<3>(three_halves * y - half_input * y3);
    }
    const F0 half_sqrt_2 = F0::FromRaw(1518500250);
    y = y * half_sqrt_2;
    int32_t multiplier = y.raw();
    if (shift < 0) {
        multiplier = static_cast<int32_t>(static_cast<uint32_t>(multiplier) << -shift);
        shift = 0;
    }
    // TFLite computes a right shift here; RSQRT asks for it reversed, as a left shift.
    return {multiplier, -shift};
}

}  // namespace litelab
