// The geometry of a 2-D convolution in NHWC layout (CONV_2D, DEPTHWISE_CONV_2D and the gather
// form of TRANSPOSE_CONV share it), and TFLite's padding arithmetic for it.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "tflite/schema/tflite_generated.h"

namespace litelab::conv {

struct ConvShape {
    int batches = 1;
    int in_h = 1, in_w = 1, in_c = 1;
    int out_h = 1, out_w = 1, out_c = 1;
    int filter_h = 1, filter_w = 1;
    int filter_in_c = 1;  // in_c / groups for CONV_2D
    int stride_h = 1, stride_w = 1;
    int dilation_h = 1, dilation_w = 1;
    int pad_h = 0, pad_w = 0;  // before the first row / column (TFLite's padding_values)

    int groups() const { return in_c / filter_in_c; }
    int filters_per_group() const { return out_c / groups(); }
    // Length of one filter row: the im2col patch size.
    int64_t patch() const { return int64_t{filter_h} * filter_w * filter_in_c; }
    int64_t out_pixels() const { return int64_t{batches} * out_h * out_w; }
};

// TFLite's ComputeOutSize + ComputePaddingWithOffset for one spatial dimension: the output size
// (SAME: ceil(in / stride); VALID: (in - effective_filter) / stride + 1) and the padding before
// the first element. Fails on a non-positive stride, dilation or output.
struct PaddedSize {
    int out = 0;
    int pad = 0;
};
Result<PaddedSize> padded_size(tflite::Padding padding, int in, int filter, int stride, int dilation);

// NONE, RELU, RELU6 and RELU_N1_TO_1: the activations TFLite applies as a clamp after a
// convolution. Others (TANH, SIGN_BIT) TFLite silently ignores there; we refuse them.
bool is_fusable_activation(tflite::ActivationFunctionType activation);

}  // namespace litelab::conv
