// RESHAPE, SQUEEZE and EXPAND_DIMS: the output holds the input's bytes under another shape. The
// arena planner usually gives both tensors the same memory, so the kernel copies only when it
// did not (a model input or output, a folded constant).
#include <cstring>

#include "model/graph.h"
#include "runtime/kernels/shape/control_inputs.h"
#include "runtime/kernels/shape/shape_kernels.h"

namespace litelab::shape {

namespace {

Status copy_unless_shared(const OpContext& c) {
    const auto in = c.input_bytes(0);
    const auto out = c.output_bytes(0);
    if (out.data() != in.data() && !in.empty()) std::memcpy(out.data(), in.data(), in.size());
    return {};
}

// Checks what every view operator needs, then sets the output shape and returns the copy kernel.
Result<std::unique_ptr<OpKernel>> view_kernel(PrepareContext& ctx, std::vector<int32_t> shape) {
    const TensorInfo& in = ctx.input(0);
    if (dtype_bits(in.type) == 0)
        return ctx.unsupported("input of type " + std::string(dtype_name(in.type)));
    if (ctx.output(0).type != in.type)
        return ctx.invalid("output type " + std::string(dtype_name(ctx.output(0).type)) + " differs from the input's");
    ctx.output(0).shape = std::move(shape);
    if (ctx.output(0).bytes() != in.bytes()) return ctx.invalid("the output does not hold the input's bytes");
    return make_kernel(copy_unless_shared);
}

// The requested shape: TFLite takes a 1-D INT32 second input when there is one, else the
// options (where legacy files write [0] for a scalar).
Result<std::vector<int64_t>> requested_shape(const PrepareContext& ctx) {
    const bool shape_tensor = ctx.has_input(1) && ctx.input(1).rank() == 1 &&
                              (ctx.input(1).type == DType::kInt32 || ctx.input(1).type == DType::kInt64);
    const auto* options = ctx.options<tflite::ReshapeOptionsT>();
    if (shape_tensor && (ctx.input(1).type == DType::kInt32 || !options))
        return constant_ints(ctx, 1, "the new shape");
    if (options) {
        std::vector<int64_t> dims(options->new_shape.begin(), options->new_shape.end());
        if (dims.size() == 1 && dims[0] == 0) dims.clear();
        return dims;
    }
    if (ctx.has_input(1)) return constant_ints(ctx, 1, "the new shape");
    return ctx.invalid("no new shape (neither a shape input nor options)");
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_reshape(PrepareContext& ctx) {
    auto dims = requested_shape(ctx);
    if (!dims) return dims.error();
    const int64_t elements = ctx.input(0).elements();
    int unknown = -1;
    int64_t known = 1;
    for (size_t i = 0; i < dims->size(); ++i) {
        const int64_t d = (*dims)[i];
        if (d == -1) {
            if (unknown >= 0) return ctx.invalid("the new shape has more than one -1");
            unknown = static_cast<int>(i);
        } else if (d < 0 || d > INT32_MAX) {
            return ctx.invalid("the new shape has dimension " + std::to_string(d));
        } else {
            known *= d;
        }
    }
    if (unknown >= 0) {
        if (known == 0 || elements % known != 0)
            return ctx.invalid("cannot infer the -1 of the new shape for " + std::to_string(elements) + " elements");
        (*dims)[static_cast<size_t>(unknown)] = elements / known;
    } else if (known != elements) {
        return ctx.invalid("the new shape holds " + std::to_string(known) + " elements, the input " +
                           std::to_string(elements));
    }
    return view_kernel(ctx, std::vector<int32_t>(dims->begin(), dims->end()));
}

Result<std::unique_ptr<OpKernel>> prepare_squeeze(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::SqueezeOptionsT>();
    const std::vector<int32_t>& in = ctx.input(0).shape;
    const int rank = static_cast<int>(in.size());
    std::vector<bool> drop(in.size(), false);
    if (options.squeeze_dims.empty()) {
        for (int d = 0; d < rank; ++d) drop[static_cast<size_t>(d)] = in[static_cast<size_t>(d)] == 1;
    }
    for (int32_t requested : options.squeeze_dims) {
        const int d = normalized_axis(requested, rank);
        if (d < 0) return ctx.invalid("squeeze dimension " + std::to_string(requested) + " of a rank-" +
                                      std::to_string(rank) + " input");
        if (in[static_cast<size_t>(d)] != 1)
            return ctx.invalid("cannot squeeze dimension " + std::to_string(d) + " of shape " + format_dims(in));
        drop[static_cast<size_t>(d)] = true;
    }
    std::vector<int32_t> shape;
    for (size_t d = 0; d < in.size(); ++d)
        if (!drop[d]) shape.push_back(in[d]);
    return view_kernel(ctx, std::move(shape));
}

Result<std::unique_ptr<OpKernel>> prepare_expand_dims(PrepareContext& ctx) {
    auto axis = constant_scalar(ctx, 1, "the axis");
    if (!axis) return axis.error();
    std::vector<int32_t> shape = ctx.input(0).shape;
    const int rank = static_cast<int>(shape.size());
    const int at = normalized_axis(*axis, rank + 1);
    if (at < 0) return ctx.invalid("axis " + std::to_string(*axis) + " for a rank-" + std::to_string(rank) + " input");
    shape.insert(shape.begin() + at, 1);
    return view_kernel(ctx, std::move(shape));
}

}  // namespace litelab::shape
