// Prepare-time checks and geometry shared by CONV_2D, DEPTHWISE_CONV_2D and TRANSPOSE_CONV:
// one wording for every refusal, whichever convolution meets it.
#pragma once

#include <string>

#include "runtime/kernel.h"
#include "runtime/kernels/conv/conv_shape.h"

namespace litelab::conv {

inline std::string type_name(DType type) { return std::string(dtype_name(type)); }

// Fills out_h/out_w and pad_h/pad_w of a forward convolution (CONV_2D, DEPTHWISE_CONV_2D) from
// its input size, filter, strides, dilations and padding.
Status set_output_geometry(ConvShape& s, tflite::Padding padding);

// The bias type TFLite reads for `input_type`: float for float, int32 for 8-bit, int64 for
// int16 unless the model declares an int32 bias (quantized_bias_type, TFLite v8+).
DType expected_bias_type(DType input_type, tflite::TensorType quantized_bias_type);

// The optional bias at `index`: `channels` values of the expected type.
Status check_bias(const PrepareContext& ctx, int index, DType expected, int channels);

// Quantized input (int8, int16, uint8): weights of the matching 8-bit type with valid scales
// along `channel_axis` (symmetric unless uint8), no per-channel uint8, scales on input and
// output, and zero points of 0 for int16 activations.
Status check_quantized_operands(const PrepareContext& ctx, const TensorInfo& input, const TensorInfo& filter,
                                const TensorInfo& output, int channel_axis, int channels);

}  // namespace litelab::conv
