// UNIDIRECTIONAL_SEQUENCE_LSTM: checks the operator and picks the kernel for its types.
#include <string>

#include "recurrent_kernels.h"

namespace litelab::recurrent {

Result<std::unique_ptr<OpKernel>> prepare_unidirectional_sequence_lstm(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::UnidirectionalSequenceLSTMOptionsT>();
    if (options.diagonal_recurrent_tensors) return ctx.unsupported("diagonal recurrent weights");
    auto layout = lstm_layout(ctx, options.time_major);
    if (!layout) return layout.error();
    const DType input = ctx.input(kLstmInput).type;
    const DType weights = ctx.input(input_weights_of(kOutputGate)).type;
    if (input == DType::kFloat32 && weights == DType::kFloat32) return make_lstm_float_kernel(ctx, *layout, options);
    if (input == DType::kFloat32 && weights == DType::kInt8) return make_lstm_hybrid_kernel(ctx, *layout, options);
    if (input == DType::kInt8 && weights == DType::kInt8) return make_lstm_integer_kernel(ctx, *layout, options);
    return ctx.unsupported("input of type " + std::string(dtype_name(input)) + " with weights of type " +
                           std::string(dtype_name(weights)));
}

}  // namespace litelab::recurrent
