#include "runtime/kernels/quantize/quantize_common.h"

namespace litelab::quantize {

Status prepare_one_to_one(PrepareContext& ctx) {
    if (ctx.num_inputs() != 1 || !ctx.has_input(0) || ctx.num_outputs() != 1)
        return ctx.invalid("needs one input and one output");
    ctx.output(0).shape = ctx.input(0).shape;
    return {};
}

Status require_quantized(const PrepareContext& ctx, const TensorInfo& tensor, const char* role, bool per_channel_ok) {
    const QuantParams& q = tensor.quant;
    if (q.empty()) return ctx.invalid(std::string(role) + " has no quantization parameters");
    for (float s : q.scale)
        if (!(s > 0.0f)) return ctx.invalid(std::string(role) + " scale is not positive");
    if (!q.per_axis()) return {};
    if (!per_channel_ok) return ctx.unsupported(std::string(role) + " quantized per channel");
    if (q.axis < 0 || q.axis >= tensor.rank())
        return ctx.invalid(std::string(role) + " quantized along dimension " + std::to_string(q.axis) + " of " +
                           std::to_string(tensor.rank()));
    if (static_cast<int64_t>(q.scale.size()) != tensor.dim(q.axis) || q.zero_point.size() != q.scale.size())
        return ctx.invalid(std::string(role) + " has " + std::to_string(q.scale.size()) + " scales for " +
                           std::to_string(tensor.dim(q.axis)) + " channels");
    return {};
}

std::string pair_message(DType from, DType to) {
    return std::string(dtype_name(from)) + " to " + std::string(dtype_name(to));
}

ChannelLayout channel_layout(const TensorInfo& tensor) {
    ChannelLayout layout;
    if (!tensor.quant.per_axis()) return layout;
    const int axis = tensor.quant.axis;
    layout.channels = tensor.dim(axis);
    for (int d = axis + 1; d < tensor.rank(); ++d) layout.inner *= tensor.dim(d);
    return layout;
}

}  // namespace litelab::quantize
