// Typed helpers over TfliteEmitter::op for the operators importers write: each fills the
// operator's options table and constant operands (axes, shapes, paddings) so that lowerings read
// as what they mean. Every helper returns the new tensor (or tensors), or the emitter's error.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "import/common/tflite_emitter.h"

namespace litelab::emit {

using Activation = tflite::ActivationFunctionType;
constexpr Activation kNoActivation = tflite::ActivationFunctionType_NONE;

// Convolutions -----------------------------------------------------------------------------------

struct ConvParams {
    tflite::Padding padding = tflite::Padding_VALID;
    int stride_h = 1, stride_w = 1;
    int dilation_h = 1, dilation_w = 1;
    Activation activation = kNoActivation;
};

// CONV_2D: input NHWC, filter [out, kh, kw, in] (in may divide the input's channels: groups),
// bias [out] or -1.
Result<int32_t> conv_2d(TfliteEmitter& e, int32_t input, int32_t filter, int32_t bias, const ConvParams& p,
                        const std::string& name);
// DEPTHWISE_CONV_2D: filter [1, kh, kw, in * multiplier], bias [in * multiplier] or -1.
Result<int32_t> depthwise_conv_2d(TfliteEmitter& e, int32_t input, int32_t filter, int32_t bias, int multiplier,
                                  const ConvParams& p, const std::string& name);
// TRANSPOSE_CONV: filter [out, kh, kw, in], bias [out] or -1. The output is [batch, out_h,
// out_w, out]; with a dynamic batch the output-shape operand is computed from the input's
// SHAPE, as TensorFlow's converter writes it.
Result<int32_t> transpose_conv(TfliteEmitter& e, int32_t input, int32_t filter, int32_t bias, int32_t out_h,
                               int32_t out_w, const ConvParams& p, const std::string& name);

// Matrix products --------------------------------------------------------------------------------

// FULLY_CONNECTED: weights [units, in], bias [units] or -1. keep_num_dims keeps the leading
// dimensions of an input of rank > 2 ([b, t, in] -> [b, t, units]).
Result<int32_t> fully_connected(TfliteEmitter& e, int32_t input, int32_t weights, int32_t bias, bool keep_num_dims,
                                Activation activation, const std::string& name);
Result<int32_t> batch_matmul(TfliteEmitter& e, int32_t a, int32_t b, bool adj_x, bool adj_y, const std::string& name);

// Elementwise ------------------------------------------------------------------------------------

// ADD, SUB, MUL, DIV (with a fused activation), POW, MAXIMUM, MINIMUM, SQUARED_DIFFERENCE.
Result<int32_t> binary(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t a, int32_t b, const std::string& name,
                       Activation activation = kNoActivation);
// Operators of one input and no options: RELU, RELU6, RELU_N1_TO_1, LOGISTIC, TANH, EXP, LOG,
// SQRT, RSQRT, ABS, NEG, HARD_SWISH, ELU, SIN, COS, FLOOR, CEIL, ...
Result<int32_t> unary(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, const std::string& name);
Result<int32_t> leaky_relu(TfliteEmitter& e, int32_t x, float alpha, const std::string& name);
// PRELU: alpha broadcasts against x (e.g. [1, 1, C] for NHWC channels).
Result<int32_t> prelu(TfliteEmitter& e, int32_t x, int32_t alpha, const std::string& name);
Result<int32_t> gelu(TfliteEmitter& e, int32_t x, bool approximate, const std::string& name);
Result<int32_t> softmax(TfliteEmitter& e, int32_t x, float beta, const std::string& name);
Result<int32_t> log_softmax(TfliteEmitter& e, int32_t x, const std::string& name);
Result<int32_t> cast(TfliteEmitter& e, int32_t x, DType to, const std::string& name);

// Pooling and reductions -------------------------------------------------------------------------

struct PoolParams {
    tflite::Padding padding = tflite::Padding_VALID;
    int stride_h = 1, stride_w = 1;
    int filter_h = 1, filter_w = 1;
    Activation activation = kNoActivation;
};

// MAX_POOL_2D or AVERAGE_POOL_2D over NHWC ('same' averages exclude the padding, as TF does).
Result<int32_t> pool_2d(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, const PoolParams& p,
                        const std::string& name);
// MEAN, SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD over `axes`.
Result<int32_t> reduce(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, const std::vector<int32_t>& axes,
                       bool keep_dims, const std::string& name);

// Shapes and layout ------------------------------------------------------------------------------

// RESHAPE to `new_shape`, which may hold one -1 (the batch, for a dynamic batch).
Result<int32_t> reshape(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& new_shape, const std::string& name);
Result<int32_t> transpose(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& perm, const std::string& name);
Result<int32_t> squeeze(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& axes, const std::string& name);
Result<int32_t> expand_dims(TfliteEmitter& e, int32_t x, int32_t axis, const std::string& name);
Result<int32_t> concatenation(TfliteEmitter& e, const std::vector<int32_t>& inputs, int32_t axis, const std::string& name,
                              Activation activation = kNoActivation);
// SPLIT into `parts` equal pieces along `axis`.
Result<std::vector<int32_t>> split(TfliteEmitter& e, int32_t x, int32_t axis, int parts, const std::string& name);
// SPLIT_V into pieces of `sizes` along `axis`.
Result<std::vector<int32_t>> split_v(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& sizes, int32_t axis,
                                     const std::string& name);
// UNPACK along `axis` into as many tensors as the axis is long.
Result<std::vector<int32_t>> unpack(TfliteEmitter& e, int32_t x, int32_t axis, const std::string& name);
// PACK along a new `axis`.
Result<int32_t> pack(TfliteEmitter& e, const std::vector<int32_t>& inputs, int32_t axis, const std::string& name);
// SLICE: `size` may hold -1 ("to the end", e.g. for a dynamic batch).
Result<int32_t> slice(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& begin, const std::vector<int32_t>& size,
                      const std::string& name);

struct StridedSliceMasks {
    int32_t begin_mask = 0, end_mask = 0, ellipsis_mask = 0, new_axis_mask = 0, shrink_axis_mask = 0;
};
Result<int32_t> strided_slice(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& begin,
                              const std::vector<int32_t>& end, const std::vector<int32_t>& strides,
                              const StridedSliceMasks& masks, const std::string& name);
// GATHER of `params` at int32 `indices` along `axis`.
Result<int32_t> gather(TfliteEmitter& e, int32_t params, int32_t indices, int32_t axis, const std::string& name);
Result<int32_t> tile(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& multiples, const std::string& name);
// PAD with zeros (before, after per dimension); PADV2 with `value`.
Result<int32_t> pad(TfliteEmitter& e, int32_t x, const std::vector<std::array<int32_t, 2>>& paddings,
                    const std::string& name);
Result<int32_t> pad_with(TfliteEmitter& e, int32_t x, const std::vector<std::array<int32_t, 2>>& paddings, float value,
                         const std::string& name);

struct ResizeParams {
    bool align_corners = false;
    bool half_pixel_centers = false;
};
// RESIZE_BILINEAR or RESIZE_NEAREST_NEIGHBOR of NHWC `x` to [out_h, out_w].
Result<int32_t> resize(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, int32_t out_h, int32_t out_w,
                       const ResizeParams& p, const std::string& name);

// Recurrent --------------------------------------------------------------------------------------

// The float weights of UNIDIRECTIONAL_SEQUENCE_LSTM, per gate in TFLite's order (input, forget,
// cell, output): input weights [units, in], recurrent weights [units, units], biases [units].
struct LstmWeights {
    std::array<int32_t, 4> input_weights{};
    std::array<int32_t, 4> recurrent_weights{};
    std::array<int32_t, 4> biases{};
};

struct LstmParams {
    Activation activation = tflite::ActivationFunctionType_TANH;  // of the cell and the output
    float cell_clip = 0.0f;
    bool time_major = false;
};

// UNIDIRECTIONAL_SEQUENCE_LSTM over `input` [batch, time, in] (or time-major), with its output
// and cell state as zero-initialised variables; the output is the whole sequence of outputs.
Result<int32_t> unidirectional_lstm(TfliteEmitter& e, int32_t input, const LstmWeights& weights, int32_t units,
                                    const LstmParams& p, const std::string& name);

}  // namespace litelab::emit
