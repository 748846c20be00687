// DEPTHWISE_CONV_2D's accumulation for one output pixel, all its channels at once: TFLite's
// reference sums (over filter_y, filter_x for each output channel, positions outside the input
// skipped), with the channel loop innermost so that it vectorises. Output channel
// oc = in_channel * depth_multiplier + m reads input channel in_channel.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

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
    for (int c = 0; c < channels; ++c) acc[c] += (Acc{w[c]} + filter_offset) * (Acc{in[c]} + in_offset);
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

template <class In, class W, class Acc>
void depthwise_accumulate(const ConvShape& s, const In* input, const W* filter, InputOffset input_offset,
                          int32_t filter_offset, int64_t pixel, Acc* acc) {
    const PixelPosition at = pixel_position(s, pixel);
    const int multiplier = s.out_c / s.in_c;
    const In* in_batch = input + at.batch * (int64_t{s.in_h} * s.in_w * s.in_c);
    [[maybe_unused]] const int32_t in_offset = input_offset.at(at.batch);
    const int y_origin = at.y * s.stride_h - s.pad_h;
    const int x_origin = at.x * s.stride_w - s.pad_w;
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
                multiply_add_multiplied_channels(in, w, static_cast<Acc>(in_offset), static_cast<Acc>(filter_offset), acc,
                                                 s.in_c, multiplier);
            }
        }
    }
}

}  // namespace litelab::conv
