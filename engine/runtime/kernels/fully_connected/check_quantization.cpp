#include "runtime/kernels/fully_connected/matmul_kernels.h"

namespace litelab {

Status check_quantization(const PrepareContext& ctx, const TensorInfo& tensor, const std::string& what,
                          int per_channel_dim) {
    const QuantParams& q = tensor.quant;
    const std::string name = std::string(dtype_name(tensor.type)) + " " + what;
    if (q.empty()) return ctx.invalid(name + " has no quantization parameters");
    for (float scale : q.scale)
        if (!(scale > 0.0f)) return ctx.invalid(name + " has a scale that is not positive");
    if (!q.per_axis()) return {};
    if (per_channel_dim < 0) return ctx.unsupported(name + " quantized per channel");
    if (q.axis != per_channel_dim)
        return ctx.unsupported(name + " quantized per channel along dimension " + std::to_string(q.axis));
    if (static_cast<int64_t>(q.scale.size()) != tensor.dim(per_channel_dim))
        return ctx.invalid(name + " has " + std::to_string(q.scale.size()) + " scales for " +
                           std::to_string(tensor.dim(per_channel_dim)) + " channels");
    return {};
}

}  // namespace litelab
