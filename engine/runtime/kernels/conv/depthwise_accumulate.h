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
                for (int ic = 0; ic < s.in_c; ++ic)
                    for (int m = 0; m < multiplier; ++m) acc[ic * multiplier + m] += in[ic] * w[ic * multiplier + m];
            } else if (multiplier == 1) {
                for (int c = 0; c < s.in_c; ++c)
                    acc[c] += (int32_t{w[c]} + filter_offset) * (int32_t{in[c]} + in_offset);
            } else {
                for (int ic = 0; ic < s.in_c; ++ic) {
                    const int32_t value = int32_t{in[ic]} + in_offset;
                    for (int m = 0; m < multiplier; ++m) {
                        const int oc = ic * multiplier + m;
                        acc[oc] += (int32_t{w[oc]} + filter_offset) * value;
                    }
                }
            }
        }
    }
}

}  // namespace litelab::conv
