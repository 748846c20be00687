// The two ways CONV_2D computes its accumulators for a tile of output pixels [begin, end):
// TFLite's reference loops (accumulate_direct), and im2col + GEMM (im2col, then gemm_nt in
// conv_gemm.h for float, int16_gemm_packed.h for 8-bit). Both write acc[(p - begin) * out_c +
// oc]. Integer accumulators are exact sums, so both paths give the same integers; float sums
// differ only in their order.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "runtime/kernels/conv/conv_shape.h"

namespace litelab::conv {

// What an integer input adds to each value before multiplying (minus its zero point): fixed,
// or per batch item for hybrid kernels that quantize each item with its own zero point.
struct InputOffset {
    int32_t value = 0;
    const int32_t* per_batch = nullptr;
    int32_t at(int batch) const { return per_batch ? per_batch[batch] : value; }
};

struct PixelPosition {
    int batch, y, x;
};
inline PixelPosition pixel_position(const ConvShape& s, int64_t pixel) {
    const auto x = static_cast<int>(pixel % s.out_w);
    const int64_t rows = pixel / s.out_w;
    return {static_cast<int>(rows / s.out_h), static_cast<int>(rows % s.out_h), x};
}

// TFLite's reference ConvPerChannel / Conv / HybridConvPerChannel accumulation: positions
// outside the input are skipped (zero padding), sums run over (filter_y, filter_x, in_channel).
// Integer products are (filter + filter_offset) * (input + input_offset) in int32.
template <class In, class W, class Acc>
void accumulate_direct(const ConvShape& s, const In* input, const W* filter, InputOffset input_offset,
                       int32_t filter_offset, int64_t begin, int64_t end, Acc* acc) {
    const int filters_per_group = s.filters_per_group();
    const int64_t image = int64_t{s.in_h} * s.in_w * s.in_c;
    const int64_t patch = s.patch();
    for (int64_t p = begin; p < end; ++p) {
        const PixelPosition at = pixel_position(s, p);
        const In* in_batch = input + at.batch * image;
        [[maybe_unused]] const int32_t in_offset = input_offset.at(at.batch);
        const int y_origin = at.y * s.stride_h - s.pad_h;
        const int x_origin = at.x * s.stride_w - s.pad_w;
        Acc* out = acc + (p - begin) * s.out_c;
        for (int oc = 0; oc < s.out_c; ++oc) {
            const int group = oc / filters_per_group;
            const W* f = filter + oc * patch;
            Acc total = 0;
            for (int fy = 0; fy < s.filter_h; ++fy) {
                const int y = y_origin + s.dilation_h * fy;
                if (y < 0 || y >= s.in_h) continue;
                for (int fx = 0; fx < s.filter_w; ++fx) {
                    const int x = x_origin + s.dilation_w * fx;
                    if (x < 0 || x >= s.in_w) continue;
                    const In* in = in_batch + (int64_t{y} * s.in_w + x) * s.in_c + group * s.filter_in_c;
                    const W* w = f + (int64_t{fy} * s.filter_w + fx) * s.filter_in_c;
                    for (int ic = 0; ic < s.filter_in_c; ++ic) {
                        if constexpr (std::is_floating_point_v<Acc>) {
                            total += in[ic] * w[ic];
                        } else {
                            total += (int32_t{w[ic]} + filter_offset) * (int32_t{in[ic]} + in_offset);
                        }
                    }
                }
            }
            out[oc] = total;
        }
    }
}

// One row per output pixel of (filter_y, filter_x, in_channel) patch values, as T: input plus
// its offset, and 0 (a value that adds nothing) outside the input; rows are `row_stride` long,
// zero-padded after the patch. Only for groups == 1.
template <class In, class T>
void im2col(const ConvShape& s, const In* input, InputOffset input_offset, int64_t begin, int64_t end, T* cols,
            int64_t row_stride) {
    const int64_t image = int64_t{s.in_h} * s.in_w * s.in_c;
    const int64_t patch = s.patch();
    const int64_t row_bytes = int64_t{s.in_c} * static_cast<int64_t>(sizeof(T));
    for (int64_t p = begin; p < end; ++p) {
        const PixelPosition at = pixel_position(s, p);
        const In* in_batch = input + at.batch * image;
        [[maybe_unused]] const int32_t in_offset = input_offset.at(at.batch);
        const int y_origin = at.y * s.stride_h - s.pad_h;
        const int x_origin = at.x * s.stride_w - s.pad_w;
        T* row = cols + (p - begin) * row_stride;
        std::fill(row + patch, row + row_stride, T{0});
        for (int fy = 0; fy < s.filter_h; ++fy) {
            const int y = y_origin + s.dilation_h * fy;
            for (int fx = 0; fx < s.filter_w; ++fx) {
                const int x = x_origin + s.dilation_w * fx;
                T* dst = row + (int64_t{fy} * s.filter_w + fx) * s.in_c;
                if (y < 0 || y >= s.in_h || x < 0 || x >= s.in_w) {
                    std::memset(dst, 0, static_cast<size_t>(row_bytes));
                    continue;
                }
                const In* src = in_batch + (int64_t{y} * s.in_w + x) * s.in_c;
                if constexpr (std::is_same_v<In, T>) {
                    std::memcpy(dst, src, static_cast<size_t>(row_bytes));
                } else {
                    for (int ic = 0; ic < s.in_c; ++ic) dst[ic] = static_cast<T>(int32_t{src[ic]} + in_offset);
                }
            }
        }
    }
}

// True when every patch is one input pixel (1x1 filter, stride 1, no padding): the input rows
// themselves are the im2col matrix.
inline bool patches_are_input_rows(const ConvShape& s) {
    return s.filter_h == 1 && s.filter_w == 1 && s.stride_h == 1 && s.stride_w == 1 && s.pad_h == 0 &&
           s.pad_w == 0 && s.out_h == s.in_h && s.out_w == s.in_w && s.groups() == 1;
}

}  // namespace litelab::conv
