// Where each output pixel of a 2-D pooling window reads from: output size and padding as
// TFLite computes them (ComputeOutSize / ComputePaddingHeightWidth with dilation 1), and the
// window clipped to the input, so that averages count only the elements that exist.
#pragma once

#include <algorithm>
#include <cstdint>

#include "tflite/schema/tflite_generated.h"

namespace litelab::pooling {

// NHWC pooling over height and width.
struct PoolGeometry {
    int32_t batches = 0;
    int32_t in_height = 0;
    int32_t in_width = 0;
    int32_t channels = 0;
    int32_t out_height = 0;
    int32_t out_width = 0;
    int32_t stride_height = 1;
    int32_t stride_width = 1;
    int32_t filter_height = 1;
    int32_t filter_width = 1;
    int32_t pad_top = 0;   // rows of implicit padding before the first input row
    int32_t pad_left = 0;  // columns before the first input column
};

// One output pixel's window, in input coordinates, already clipped to the input.
struct PoolWindow {
    int32_t y_begin = 0;
    int32_t y_end = 0;
    int32_t x_begin = 0;
    int32_t x_end = 0;
    int32_t count() const { return (y_end - y_begin) * (x_end - x_begin); }
};

// Output extent of one spatial dimension (TFLite's ComputeOutSize, dilation 1); 0 when the
// filter does not fit a VALID window.
int32_t pool_output_size(tflite::Padding padding, int32_t input, int32_t filter, int32_t stride);

// Padding before the first element: half of the total TFLite pads (the odd one goes after).
int32_t pool_padding_before(int32_t input, int32_t filter, int32_t stride, int32_t output);

inline PoolWindow pool_window(const PoolGeometry& g, int32_t out_y, int32_t out_x) {
    const int32_t origin_y = out_y * g.stride_height - g.pad_top;
    const int32_t origin_x = out_x * g.stride_width - g.pad_left;
    PoolWindow w;
    w.y_begin = std::max(origin_y, 0);
    w.y_end = std::min(origin_y + g.filter_height, g.in_height);
    w.x_begin = std::max(origin_x, 0);
    w.x_end = std::min(origin_x + g.filter_width, g.in_width);
    return w;
}

}  // namespace litelab::pooling
