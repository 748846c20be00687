// Integer vector arithmetic of TFLite's 8x8_16 LSTM (portable_tensor_utils): int8 x int8
// products requantised into int16 gates, int16 peephole products, the integer layer norm, the
// gemmlowp sigmoid and tanh on int16 fixed point, and the element-wise products that update the
// 16-bit cell. Each function computes the integers TFLite computes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "runtime/quant/fixed_point.h"

namespace litelab::recurrent::lstm_int {

template <class T>
T saturate(int64_t v) {
    return static_cast<T>(std::clamp<int64_t>(v, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
}

// output[b][r] = saturate(output[b][r] + requantise(bias[r] + input[b] . weights[r]) + zero_point).
template <class T>
void matmul_accumulate(const int8_t* input, const int32_t* bias, const int8_t* weights, QuantizedMultiplier m,
                       int n_batch, int n_input, int n_output, int32_t output_zero_point, T* output) {
    for (int b = 0; b < n_batch; ++b) {
        const int8_t* x = input + static_cast<ptrdiff_t>(b) * n_input;
        for (int r = 0; r < n_output; ++r) {
            const int8_t* row = weights + static_cast<ptrdiff_t>(r) * n_input;
            int32_t acc = bias[r];
            for (int c = 0; c < n_input; ++c) acc += int32_t{x[c]} * int32_t{row[c]};
            acc = multiply_by_quantized_multiplier(acc, m) + output_zero_point;
            T& out = output[static_cast<ptrdiff_t>(b) * n_output + r];
            out = saturate<T>(int64_t{acc} + out);
        }
    }
}

// gate[b][i] = saturate(gate[b][i] + requantise(weights[i] * cell[b][i])): the peephole term.
inline void peephole_accumulate(const int16_t* weights, int n_cell, const int16_t* cell, int n_batch,
                                QuantizedMultiplier m, int16_t* gate) {
    for (ptrdiff_t i = 0; i < static_cast<ptrdiff_t>(n_batch) * n_cell; ++i) {
        const int32_t product = int32_t{weights[i % n_cell]} * int32_t{cell[i]};
        gate[i] = saturate<int16_t>(int64_t{multiply_by_quantized_multiplier(product, m)} + gate[i]);
    }
}

// TFLite's GetInvSqrtQuantizedMultiplierExp: 1 / sqrt(input) as a multiplier and a shift (times
// reverse_shift), by five Newton-Raphson steps in Q3.28.
inline QuantizedMultiplier inverse_sqrt_multiplier(int32_t input, int reverse_shift) {
    if (input <= 1) return {std::numeric_limits<int32_t>::max(), 0};
    int shift = 11;
    while (input >= (1 << 29)) {
        input /= 4;
        ++shift;
    }
    const auto max_left_shift_bits = static_cast<unsigned>(__builtin_clz(static_cast<uint32_t>(input)) - 1);
    const unsigned left_shift_bit_pairs = max_left_shift_bits / 2 - 1;
    shift -= static_cast<int>(left_shift_bit_pairs);
    input <<= 2 * left_shift_bit_pairs;
    using F3 = gemmlowp::FixedPoint<int32_t, 3>;
    using F0 = gemmlowp::FixedPoint<int32_t, 0>;
    const F3 fixed_input = F3::FromRaw(input >> 1);
    const F3 half_input = gemmlowp::SaturatingRoundingMultiplyByPOT<-1>(fixed_input);
    const F3 half_three = F3::FromRaw((1 << 28) + (1 << 27));
    F3 x = F3::One();
    for (int i = 0; i < 5; ++i) {
        const F3 x3 = gemmlowp::Rescale<3>(x * x * x);
        x = gemmlowp::Rescale<3>(half_three * x - half_input * x3);
    }
    x = x * F0::FromRaw(1518500250);  // sqrt(2) / 2
    QuantizedMultiplier out{x.raw(), shift};
    if (out.shift < 0) {
        out.multiplier = static_cast<int32_t>(static_cast<uint32_t>(out.multiplier) << -out.shift);
        out.shift = 0;
    }
    out.shift *= reverse_shift;
    return out;
}

// TFLite's integer layer norm (PortableApplyLayerNorm): mean and variance in 64-bit integers with
// 10 extra fraction bits, the inverse standard deviation as a fixed-point multiplier, then the
// coefficients, the bias and the layer norm scale; the result in Q3.12.
inline void layer_norm(const int16_t* input, const int16_t* weights, const int32_t* bias, QuantizedMultiplier scale,
                       int32_t variance_limit, int n_batch, int n_input, int16_t* output) {
    constexpr int kTwoToPower20 = 1 << 20;
    for (int b = 0; b < n_batch; ++b) {
        const int16_t* in = input + static_cast<ptrdiff_t>(b) * n_input;
        int16_t* out = output + static_cast<ptrdiff_t>(b) * n_input;
        int64_t sum = 0;
        int64_t sum_sq = 0;
        for (int j = 0; j < n_input; ++j) {
            const int32_t v = in[j];
            sum += v;
            sum_sq += v * v;
        }
        const auto mean = static_cast<int32_t>(sum * 1024 / n_input);
        const int32_t temp = kTwoToPower20 / n_input;  // exact only for power-of-two sizes, as in TFLite
        const int64_t variance = sum_sq * temp - int64_t{mean} * int64_t{mean};
        auto variance2 = static_cast<int32_t>(variance / kTwoToPower20);
        if (variance2 < 1) variance2 = variance_limit;
        const QuantizedMultiplier inverse_stddev = inverse_sqrt_multiplier(variance2, -1);
        for (int j = 0; j < n_input; ++j) {
            const int32_t shifted = 1024 * int32_t{in[j]} - mean;
            const int32_t rescaled = multiply_by_quantized_multiplier(shifted, inverse_stddev);
            // TFLite forms this sum in 32 bits before widening it: wrap the same way.
            const int64_t weighted =
                static_cast<int32_t>(static_cast<uint32_t>(rescaled) * static_cast<uint32_t>(int32_t{weights[j]}) +
                                     static_cast<uint32_t>(bias[j]));
            const auto rounded = static_cast<int32_t>((weighted > 0 ? weighted + 512 : weighted - 512) / 1024);
            const int32_t scaled = multiply_by_quantized_multiplier(rounded, scale.multiplier, scale.shift + 12);
            out[j] = saturate<int16_t>(scaled);
        }
    }
}

// Q3.12 -> Q0.15 logistic (gemmlowp).
inline void sigmoid(const int16_t* input, size_t n, int16_t* output) {
    using F3 = gemmlowp::FixedPoint<int16_t, 3>;
    for (size_t i = 0; i < n; ++i) output[i] = gemmlowp::logistic(F3::FromRaw(input[i])).raw();
}

template <int IntegerBits>
void tanh_fixed(const int16_t* input, size_t n, int16_t* output) {
    using FX = gemmlowp::FixedPoint<int16_t, IntegerBits>;
    for (size_t i = 0; i < n; ++i) output[i] = gemmlowp::tanh(FX::FromRaw(input[i])).raw();
}

// Q<integer_bits>.<15 - integer_bits> -> Q0.15 tanh; integer_bits in [0, 6] (checked when preparing).
inline void tanh(int integer_bits, const int16_t* input, size_t n, int16_t* output) {
    switch (integer_bits) {
        case 0:
            return tanh_fixed<0>(input, n, output);
        case 1:
            return tanh_fixed<1>(input, n, output);
        case 2:
            return tanh_fixed<2>(input, n, output);
        case 3:
            return tanh_fixed<3>(input, n, output);
        case 4:
            return tanh_fixed<4>(input, n, output);
        case 5:
            return tanh_fixed<5>(input, n, output);
        case 6:
            return tanh_fixed<6>(input, n, output);
        default:
            return;
    }
}

// a * b / 2^shift, rounded; truncated to int16 as TFLite's CwiseMul does.
inline int16_t multiply_shift(int16_t a, int16_t b, int shift) {
    return static_cast<int16_t>(rounding_divide_by_pot(int32_t{a} * int32_t{b}, shift));
}

// requantise(a * b) - zero_point into int8: TFLite subtracts the hidden zero point here and adds
// it back through the projection's effective bias.
inline int8_t multiply_requantize(int16_t a, int16_t b, QuantizedMultiplier m, int32_t zero_point) {
    const int32_t v = multiply_by_quantized_multiplier(int32_t{a} * int32_t{b}, m) - zero_point;
    return static_cast<int8_t>(std::clamp(v, -128, 127));
}

}  // namespace litelab::recurrent::lstm_int
