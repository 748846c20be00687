// FILL (a tensor of the given dimensions holding one value) and ZEROS_LIKE.
#include <cstring>

#include "runtime/kernels/shape/control_inputs.h"
#include "runtime/kernels/shape/shape_kernels.h"

namespace litelab::shape {

Result<std::unique_ptr<OpKernel>> prepare_fill(PrepareContext& ctx) {
    auto dims = constant_ints(ctx, 0, "the dims input");
    if (!dims) return dims.error();
    const TensorInfo& value = ctx.input(1);
    TensorInfo& out = ctx.output(0);
    const size_t size = element_bytes(value.type);
    if (size == 0) return ctx.unsupported("value of type " + std::string(dtype_name(value.type)));
    if (value.elements() != 1) return ctx.invalid("the value must be a scalar");
    if (out.type != value.type)
        return ctx.invalid("output type " + std::string(dtype_name(out.type)) + " differs from the value's");
    std::vector<int32_t> shape;
    for (int64_t d : *dims) {
        if (d < 0 || d > INT32_MAX) return ctx.invalid("dimension " + std::to_string(d));
        shape.push_back(static_cast<int32_t>(d));
    }
    out.shape = std::move(shape);
    return make_kernel([size](const OpContext& c) -> Status {
        const uint8_t* value_bytes = c.input<uint8_t>(1);
        const auto out_bytes = c.output_bytes(0);
        for (size_t at = 0; at < out_bytes.size(); at += size) std::memcpy(out_bytes.data() + at, value_bytes, size);
        return {};
    });
}

// TFLite's types: the zero of each is all zero bytes.
Result<std::unique_ptr<OpKernel>> prepare_zeros_like(PrepareContext& ctx) {
    const DType type = ctx.input(0).type;
    if (type != DType::kFloat32 && type != DType::kInt32 && type != DType::kInt64)
        return ctx.unsupported("input of type " + std::string(dtype_name(type)));
    if (ctx.output(0).type != type) return ctx.invalid("output type differs from the input's");
    ctx.output(0).shape = ctx.input(0).shape;
    return make_kernel([](const OpContext& c) -> Status {
        const auto out = c.output_bytes(0);
        std::memset(out.data(), 0, out.size());
        return {};
    });
}

}  // namespace litelab::shape
