// DEPTHWISE_CONV_2D's accumulation for one output pixel, all its channels at once: TFLite's
// reference sums (over filter_y, filter_x for each output channel, positions outside the input
// skipped), with the channel loop innermost so that it vectorises. Output channel
// oc = in_channel * depth_multiplier + m reads input channel in_channel.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "runtime/kernels/conv/conv_accumulate.h"

namespace litelab::conv {

// acc[c] += in[c] * w[c]: the common depth multiplier of 1. The restrict qualifiers tell the
// compiler the accumulators alias neither operand, so the loop vectorises; each channel still
// sums its taps in the reference order, so the results are unchanged.
template <class T>
inline void multiply_add_channels(const T* __restrict in, const T* __restrict w, T* __restrict acc, int channels) {
    for (int c = 0; c < channels; ++c) acc[c] += in[c] * w[c];
}

// The integer form: acc[c] += (w[c] + filter_offset) * (in[c] + input_offset). 8-bit operands
// may alias anything in C++, so without restrict the compiler reloads and cannot vectorise.
template <class In, class W, class Acc>
inline void multiply_add_offset_channels(const In* __restrict in, const W* __restrict w, int32_t in_offset,
                                         int32_t filter_offset, Acc* __restrict acc, int channels) {
    if constexpr (sizeof(In) == 1 && sizeof(W) == 1 && sizeof(Acc) == 4) {
        // 8-bit values with their offsets lie in [-255, 255]: int16 operands whose products the
        // compiler forms with 16-bit multiplies (pmullw/pmulhw or pmaddwd) instead of the slow
        // 32-bit pmulld. The same integers.
        for (int c = 0; c < channels; ++c) {
            const auto weight = static_cast<int16_t>(w[c] + filter_offset);
            const auto value = static_cast<int16_t>(in[c] + in_offset);
            acc[c] += int32_t{weight} * int32_t{value};
        }
    } else {
        for (int c = 0; c < channels; ++c) acc[c] += (Acc{w[c]} + filter_offset) * (Acc{in[c]} + in_offset);
    }
}

// A depth multiplier above 1: output channel ic * multiplier + m reads input channel ic
// (micro_speech has one input channel and 8 filters). Offsets are 0 for float.
template <class In, class W, class Acc>
inline void multiply_add_multiplied_channels(const In* __restrict in, const W* __restrict w, Acc in_offset,
                                             Acc filter_offset, Acc* __restrict acc, int in_channels, int multiplier) {
    for (int ic = 0; ic < in_channels; ++ic) {
        const Acc value = static_cast<Acc>(in[ic]) + in_offset;
        const W* wc = w + ic * multiplier;
        Acc* ac = acc + ic * multiplier;
        for (int m = 0; m < multiplier; ++m) ac[m] += (static_cast<Acc>(wc[m]) + filter_offset) * value;
    }
}

// 8-bit, depth multiplier 1: the taps inside the image are listed first, then each block of 16
// channels sums all its taps in registers before its accumulators are stored once (rather than
// loaded and stored again for every tap). Each channel still adds its taps in the reference
// order (fy, then fx), and integer sums are exact anyway.
constexpr int kMaxBlockedTaps = 128;

// The filter taps that fall inside the image, in the reference order (fy, then fx): where each
// reads its input pixel and its weights. At most kMaxBlockedTaps.
template <class In, class W>
int gather_taps(const ConvShape& s, const In* in_batch, const W* filter, int y_origin, int x_origin, const In** tap_in,
                const W** tap_w) {
    int taps = 0;
    for (int fy = 0; fy < s.filter_h; ++fy) {
        const int y = y_origin + s.dilation_h * fy;
        if (y < 0 || y >= s.in_h) continue;
        for (int fx = 0; fx < s.filter_w; ++fx) {
            const int x = x_origin + s.dilation_w * fx;
            if (x < 0 || x >= s.in_w) continue;
            tap_in[taps] = in_batch + (int64_t{y} * s.in_w + x) * s.in_c;
            tap_w[taps] = filter + (int64_t{fy} * s.filter_w + fx) * s.out_c;
            ++taps;
        }
    }
    return taps;
}

// 8-bit, one input channel and several filters (micro_speech: 8 filters over a spectrogram):
// each tap's single input value times its row of weights, summed over all taps in registers.
template <class In, class W>
void accumulate_single_input_channel(const ConvShape& s, const In* in_batch, const W* filter, int32_t in_offset,
                                     int32_t filter_offset, int y_origin, int x_origin, int32_t* __restrict acc) {
    const In* tap_in[kMaxBlockedTaps];
    const W* tap_w[kMaxBlockedTaps];
    const int taps = gather_taps(s, in_batch, filter, y_origin, x_origin, tap_in, tap_w);
    // Blocks of 8 filters with a fixed trip count, so the compiler keeps them in one register.
    constexpr int kBlock = 8;
    int c0 = 0;
    for (; c0 + kBlock <= s.out_c; c0 += kBlock) {
        int32_t block[kBlock] = {};
        for (int t = 0; t < taps; ++t) {
            const int32_t value = int32_t{*tap_in[t]} + in_offset;
            const W* __restrict w = tap_w[t] + c0;
            for (int j = 0; j < kBlock; ++j) block[j] += (int32_t{w[j]} + filter_offset) * value;
        }
        std::copy(block, block + kBlock, acc + c0);
    }
    for (int c = c0; c < s.out_c; ++c) {
        int32_t sum = 0;
        for (int t = 0; t < taps; ++t)
            sum += (int32_t{tap_w[t][c]} + filter_offset) * (int32_t{*tap_in[t]} + in_offset);
        acc[c] = sum;
    }
}

#if defined(__SSE2__) && !defined(__AVX2__)
// Bytes 0-7 (half 0) or 8-15 (half 1) of `v` as eight int16, sign- or zero-extended per T.
template <class T>
inline __m128i widen_half(__m128i v, int half) {
    const __m128i bytes = half == 0 ? v : _mm_srli_si128(v, 8);
    if constexpr (std::is_signed_v<T>) return _mm_srai_epi16(_mm_unpacklo_epi8(bytes, bytes), 8);
    return _mm_unpacklo_epi8(bytes, _mm_setzero_si128());
}
#endif

template <class In, class W>
void accumulate_channel_blocks(const ConvShape& s, const In* in_batch, const W* filter, int32_t in_offset,
                               int32_t filter_offset, int y_origin, int x_origin, int32_t* __restrict acc) {
    const In* tap_in[kMaxBlockedTaps];
    const W* tap_w[kMaxBlockedTaps];
    const int taps = gather_taps(s, in_batch, filter, y_origin, x_origin, tap_in, tap_w);
    constexpr int kBlock = 16;
    int c0 = 0;
    for (; c0 + kBlock <= s.in_c; c0 += kBlock) {
#if defined(__SSE2__) && !defined(__AVX2__)
        // Baseline x86-64: GCC does not vectorise the loop below without pmovsx, so by hand:
        // widen to int16, add the offsets, multiply into int32 (low and high halves).
        const __m128i input_offset = _mm_set1_epi16(static_cast<int16_t>(in_offset));
        const __m128i weight_offset = _mm_set1_epi16(static_cast<int16_t>(filter_offset));
        __m128i sums[4] = {_mm_setzero_si128(), _mm_setzero_si128(), _mm_setzero_si128(), _mm_setzero_si128()};
        for (int t = 0; t < taps; ++t) {
            const __m128i in =
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(static_cast<const void*>(tap_in[t] + c0)));
            const __m128i w =
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(static_cast<const void*>(tap_w[t] + c0)));
            for (int half = 0; half < 2; ++half) {
                const __m128i x = _mm_add_epi16(widen_half<In>(in, half), input_offset);
                const __m128i f = _mm_add_epi16(widen_half<W>(w, half), weight_offset);
                const __m128i low = _mm_mullo_epi16(x, f), high = _mm_mulhi_epi16(x, f);
                sums[2 * half] = _mm_add_epi32(sums[2 * half], _mm_unpacklo_epi16(low, high));
                sums[2 * half + 1] = _mm_add_epi32(sums[2 * half + 1], _mm_unpackhi_epi16(low, high));
            }
        }
        for (int q = 0; q < 4; ++q)
            _mm_storeu_si128(reinterpret_cast<__m128i*>(static_cast<void*>(acc + c0 + 4 * q)), sums[q]);
#else
        int32_t block[kBlock] = {};
        for (int t = 0; t < taps; ++t) {
            const In* __restrict in = tap_in[t] + c0;
            const W* __restrict w = tap_w[t] + c0;
            for (int c = 0; c < kBlock; ++c)
                block[c] += int32_t{static_cast<int16_t>(w[c] + filter_offset)} *
                            int32_t{static_cast<int16_t>(in[c] + in_offset)};
        }
        std::copy(block, block + kBlock, acc + c0);
#endif
    }
    for (int c = c0; c < s.in_c; ++c) {
        int32_t sum = 0;
        for (int t = 0; t < taps; ++t)
            sum += (int32_t{tap_w[t][c]} + filter_offset) * (int32_t{tap_in[t][c]} + in_offset);
        acc[c] = sum;
    }
}

template <class In, class W, class Acc>
void depthwise_accumulate(const ConvShape& s, const In* input, const W* filter, InputOffset input_offset,
                          int32_t filter_offset, int64_t pixel, Acc* acc) {
    const PixelPosition at = pixel_position(s, pixel);
    const int multiplier = s.out_c / s.in_c;
    const In* in_batch = input + at.batch * (int64_t{s.in_h} * s.in_w * s.in_c);
    [[maybe_unused]] const int32_t in_offset = input_offset.at(at.batch);
    const int y_origin = at.y * s.stride_h - s.pad_h;
    const int x_origin = at.x * s.stride_w - s.pad_w;
    if constexpr (sizeof(In) == 1 && sizeof(W) == 1 && sizeof(Acc) == 4) {
        if (s.filter_h * s.filter_w <= kMaxBlockedTaps) {
            if (multiplier == 1) {
                accumulate_channel_blocks(s, in_batch, filter, in_offset, filter_offset, y_origin, x_origin, acc);
                return;
            }
            if (s.in_c == 1) {
                accumulate_single_input_channel(s, in_batch, filter, in_offset, filter_offset, y_origin, x_origin, acc);
                return;
            }
        }
    }
    std::fill(acc, acc + s.out_c, Acc{0});
    for (int fy = 0; fy < s.filter_h; ++fy) {
        const int y = y_origin + s.dilation_h * fy;
        if (y < 0 || y >= s.in_h) continue;
        for (int fx = 0; fx < s.filter_w; ++fx) {
            const int x = x_origin + s.dilation_w * fx;
            if (x < 0 || x >= s.in_w) continue;
            const In* in = in_batch + (int64_t{y} * s.in_w + x) * s.in_c;
            const W* w = filter + (int64_t{fy} * s.filter_w + fx) * s.out_c;
            if constexpr (std::is_floating_point_v<Acc>) {
                if (multiplier == 1) {
                    multiply_add_channels(in, w, acc, s.in_c);
                } else {
                    multiply_add_multiplied_channels(in, w, Acc{0}, Acc{0}, acc, s.in_c, multiplier);
                }
            } else if (multiplier == 1) {
                multiply_add_offset_channels(in, w, in_offset, filter_offset, acc, s.in_c);
            } else {
                multiply_add_multiplied_channels(in, w, static_cast<Acc>(in_offset), static_cast<Acc>(filter_offset),
                                                 acc, s.in_c, multiplier);
            }
        }
    }
}

}  // namespace litelab::conv
