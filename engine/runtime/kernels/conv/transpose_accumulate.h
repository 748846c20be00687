// TRANSPOSE_CONV's accumulation for one output pixel, all its channels: TFLite's reference
// scatters every input value into the outputs it touches; we gather instead, visiting the
// contributing inputs in the same (in_y, in_x, in_channel) order, so float sums are identical
// and outputs can be split between threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "runtime/kernels/conv/conv_accumulate.h"

namespace litelab::conv {

// Where weight (tap = filter_y * filter_w + filter_x, in_channel, out_channel) lives: the model's
// [out, h, w, in] order, or the [h, w, in, out] copy made for constant weights.
struct WeightLayout {
    int64_t tap = 0;
    int64_t in_channel = 0;
    int64_t out_channel = 0;
};

inline int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// ConvShape here describes the transposed direction: in_* is the operator's input, out_* its
// output, stride / pad as TFLite computes them for TRANSPOSE_CONV (dilation 1).
template <class In, class W, class Acc>
void transpose_accumulate(const ConvShape& s, const In* input, const W* weights, WeightLayout layout,
                          InputOffset input_offset, int32_t filter_offset, int64_t pixel, Acc* acc) {
    const PixelPosition at = pixel_position(s, pixel);
    const In* in_batch = input + at.batch * (int64_t{s.in_h} * s.in_w * s.in_c);
    [[maybe_unused]] const int32_t in_offset = input_offset.at(at.batch);
    std::fill(acc, acc + s.out_c, Acc{0});
    // Inputs y with 0 <= out_y + pad - y * stride < filter_h.
    const int ty = at.y + s.pad_h;
    const int tx = at.x + s.pad_w;
    const int y_first = std::max(0, floor_div(ty - s.filter_h, s.stride_h) + 1);
    const int y_last = std::min(s.in_h - 1, floor_div(ty, s.stride_h));
    const int x_first = std::max(0, floor_div(tx - s.filter_w, s.stride_w) + 1);
    const int x_last = std::min(s.in_w - 1, floor_div(tx, s.stride_w));
    for (int y = y_first; y <= y_last; ++y) {
        const int fy = ty - y * s.stride_h;
        for (int x = x_first; x <= x_last; ++x) {
            const int fx = tx - x * s.stride_w;
            const In* in = in_batch + (int64_t{y} * s.in_w + x) * s.in_c;
            const W* w_tap = weights + (int64_t{fy} * s.filter_w + fx) * layout.tap;
            for (int ic = 0; ic < s.in_c; ++ic) {
                const W* w = w_tap + ic * layout.in_channel;
                if constexpr (std::is_floating_point_v<Acc>) {
                    const Acc value = in[ic];
                    for (int oc = 0; oc < s.out_c; ++oc) acc[oc] += value * w[oc * layout.out_channel];
                } else {
                    const int32_t value = int32_t{in[ic]} + in_offset;
                    for (int oc = 0; oc < s.out_c; ++oc)
                        acc[oc] += value * (int32_t{w[oc * layout.out_channel]} + filter_offset);
                }
            }
        }
    }
}

}  // namespace litelab::conv
