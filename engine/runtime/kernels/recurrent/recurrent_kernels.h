// The recurrent kernels' factories. UNIDIRECTIONAL_SEQUENCE_LSTM has one kernel per arithmetic:
// float, hybrid (float activations and int8 weights) and integer (int8 activations and weights,
// 16-bit cell); lstm_prepare.cpp picks one from the types of the operator's tensors.
#pragma once

#include <memory>

#include "lstm_layout.h"
#include "runtime/kernel.h"

namespace litelab::recurrent {

Result<std::unique_ptr<OpKernel>> make_lstm_float_kernel(PrepareContext& ctx, const LstmLayout& layout,
                                                         const tflite::UnidirectionalSequenceLSTMOptionsT& options);
Result<std::unique_ptr<OpKernel>> make_lstm_hybrid_kernel(PrepareContext& ctx, const LstmLayout& layout,
                                                          const tflite::UnidirectionalSequenceLSTMOptionsT& options);
Result<std::unique_ptr<OpKernel>> make_lstm_integer_kernel(PrepareContext& ctx, const LstmLayout& layout,
                                                           const tflite::UnidirectionalSequenceLSTMOptionsT& options);

Result<std::unique_ptr<OpKernel>> prepare_unidirectional_sequence_lstm(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_svdf(PrepareContext& ctx);

}  // namespace litelab::recurrent
