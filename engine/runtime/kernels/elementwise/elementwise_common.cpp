#include "runtime/kernels/elementwise/elementwise_common.h"

#include "model/graph.h"

namespace litelab::elementwise {

std::string type_message(const char* what, DType type) { return std::string(what) + " " + std::string(dtype_name(type)); }

Result<BroadcastPlan> prepare_binary(PrepareContext& ctx) {
    if (ctx.num_inputs() != 2 || ctx.num_outputs() != 1 || !ctx.has_input(0) || !ctx.has_input(1))
        return ctx.invalid("needs 2 inputs and 1 output");
    const TensorInfo& a = ctx.input(0);
    const TensorInfo& b = ctx.input(1);
    if (a.type != b.type)
        return ctx.invalid("inputs of different types (" + std::string(dtype_name(a.type)) + ", " +
                           std::string(dtype_name(b.type)) + ")");
    if (ctx.output(0).type != a.type) return ctx.unsupported(type_message("output of type", ctx.output(0).type));
    const auto plan = plan_broadcast(a.shape, b.shape);
    if (!plan) return ctx.invalid("shapes " + format_dims(a.shape) + " and " + format_dims(b.shape) + " do not broadcast");
    ctx.output(0).shape = *broadcast_shapes(a.shape, b.shape);
    return *plan;
}

Status prepare_unary(PrepareContext& ctx) {
    if (ctx.num_inputs() != 1 || ctx.num_outputs() != 1 || !ctx.has_input(0))
        return ctx.invalid("needs 1 input and 1 output");
    if (ctx.output(0).type != ctx.input(0).type)
        return ctx.unsupported(type_message("output of type", ctx.output(0).type));
    ctx.output(0).shape = ctx.input(0).shape;
    return {};
}

Status require_per_tensor(const PrepareContext& ctx, const TensorInfo& tensor, const char* role) {
    if (tensor.quant.empty()) return ctx.unsupported(std::string(role) + " of type " + std::string(dtype_name(tensor.type)) + " without quantization");
    if (tensor.quant.per_axis()) return ctx.unsupported(std::string(role) + " quantized per axis");
    if (!(tensor.quant.scale0() > 0.0f)) return ctx.invalid(std::string(role) + " has a scale that is not positive");
    return {};
}

Status check_activation(const PrepareContext& ctx, tflite::ActivationFunctionType activation) {
    if (activation == tflite::ActivationFunctionType_TANH || activation == tflite::ActivationFunctionType_SIGN_BIT)
        return ctx.unsupported(std::string("fused activation ") + tflite::EnumNameActivationFunctionType(activation));
    return {};
}

}  // namespace litelab::elementwise
