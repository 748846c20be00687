// Which function lowers which ONNX operator. Each family file registers its operators.
#pragma once

#include "import/onnx/lowering.h"

namespace litelab::onnx {

const LoweringTable& lowering_table();

void register_elementwise_lowerings(LoweringTable& table);  // Add, Mul, Pow, Max, Sum, ...
void register_activation_lowerings(LoweringTable& table);   // Relu, Clip, Selu, Erf, ...
void register_conv_lowerings(LoweringTable& table);         // Conv
void register_conv_transpose_lowerings(LoweringTable& table);
void register_matmul_lowerings(LoweringTable& table);  // Gemm, MatMul
void register_normalization_lowerings(LoweringTable& table);
void register_pooling_lowerings(LoweringTable& table);
void register_reshape_lowerings(LoweringTable& table);    // Reshape, Flatten, Squeeze, Transpose, ...
void register_slicing_lowerings(LoweringTable& table);    // Concat, Split, Slice, Gather, Tile, Pad
void register_reduce_lowerings(LoweringTable& table);     // ReduceMean, ReduceSum, Softmax, LogSoftmax
void register_resize_lowerings(LoweringTable& table);     // Resize, Upsample
void register_recurrent_lowerings(LoweringTable& table);  // LSTM, GRU

}  // namespace litelab::onnx
