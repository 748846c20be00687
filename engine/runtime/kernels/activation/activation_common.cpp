#include "runtime/kernels/activation/activation_common.h"

namespace litelab::activation {

Status prepare_unary(PrepareContext& ctx) {
    if (ctx.num_inputs() != 1 || !ctx.has_input(0) || ctx.num_outputs() != 1)
        return ctx.invalid("needs one input and one output");
    if (ctx.output(0).type != ctx.input(0).type)
        return ctx.invalid("output type " + std::string(dtype_name(ctx.output(0).type)) + " differs from input type " +
                           std::string(dtype_name(ctx.input(0).type)));
    ctx.output(0).shape = ctx.input(0).shape;
    return {};
}

Status require_per_tensor(const PrepareContext& ctx, const TensorInfo& tensor, const char* role) {
    if (tensor.quant.empty()) return ctx.invalid(std::string(role) + " has no quantization parameters");
    if (tensor.quant.per_axis()) return ctx.unsupported(std::string(role) + " quantized per channel");
    if (!(tensor.quant.scale0() > 0.0f)) return ctx.invalid(std::string(role) + " scale is not positive");
    return {};
}

std::string type_message(const char* role, DType type) { return std::string(role) + " type " + std::string(dtype_name(type)); }

}  // namespace litelab::activation
