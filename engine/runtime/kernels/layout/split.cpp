// SPLIT (equal parts), SPLIT_V (given sizes, one may be -1) and UNPACK (one output per index
// of the axis, which disappears): the input cut along an axis.
#include "model/graph.h"
#include "runtime/kernels/layout/axis_copy.h"
#include "runtime/kernels/layout/layout_common.h"
#include "runtime/kernels/layout/layout_kernels.h"

namespace litelab::layout {

namespace {

std::unique_ptr<OpKernel> split_kernel(AxisParts parts, int input) {
    return make_kernel([parts = std::move(parts), input](const OpContext& c) -> Status {
        std::vector<uint8_t*> outputs;
        for (int o = 0; o < c.num_outputs(); ++o) outputs.push_back(c.output<uint8_t>(o));
        split_along_axis(parts, c.input<uint8_t>(input), outputs);
        return {};
    });
}

// Sets the outputs' shapes for parts of `sizes` along `axis` of input `input`.
Result<std::unique_ptr<OpKernel>> split_into(PrepareContext& ctx, int input, int axis, std::vector<int64_t> sizes) {
    auto size = movable_element_bytes(ctx, input);
    if (!size) return size.error();
    const TensorInfo& in = ctx.input(input);
    if (static_cast<int>(sizes.size()) != ctx.num_outputs())
        return ctx.invalid(std::to_string(sizes.size()) + " parts for " + std::to_string(ctx.num_outputs()) + " outputs");
    for (int o = 0; o < ctx.num_outputs(); ++o) {
        std::vector<int32_t> shape = in.shape;
        shape[static_cast<size_t>(axis)] = static_cast<int32_t>(sizes[static_cast<size_t>(o)]);
        ctx.output(o).shape = shape;
    }
    return split_kernel({dims_product(in.shape, 0, axis), dims_product(in.shape, axis + 1, in.rank()), std::move(sizes), *size},
                        input);
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_split(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::SplitOptionsT>();
    auto axis_value = constant_scalar(ctx, 0, "the axis");
    if (!axis_value) return axis_value.error();
    const TensorInfo& in = ctx.input(1);
    const int axis = normalized_axis(*axis_value, in.rank());
    if (axis < 0) return ctx.invalid("axis " + std::to_string(*axis_value) + " of " + format_dims(in.shape));
    const int parts = options.num_splits > 0 ? options.num_splits : ctx.num_outputs();
    if (parts != ctx.num_outputs() || in.dim(axis) % parts != 0)
        return ctx.invalid("cannot split " + format_dims(in.shape) + " into " + std::to_string(parts) +
                           " equal parts along axis " + std::to_string(axis));
    return split_into(ctx, 1, axis, std::vector<int64_t>(static_cast<size_t>(parts), in.dim(axis) / parts));
}

Result<std::unique_ptr<OpKernel>> prepare_split_v(PrepareContext& ctx) {
    auto sizes = constant_ints(ctx, 1, "the size_splits input");
    if (!sizes) return sizes.error();
    auto axis_value = constant_scalar(ctx, 2, "the axis");
    if (!axis_value) return axis_value.error();
    const TensorInfo& in = ctx.input(0);
    const int axis = normalized_axis(*axis_value, in.rank());
    if (axis < 0) return ctx.invalid("axis " + std::to_string(*axis_value) + " of " + format_dims(in.shape));
    int64_t known = 0;
    int unknown = -1;
    for (size_t i = 0; i < sizes->size(); ++i) {
        const int64_t s = (*sizes)[i];
        if (s == -1 && unknown < 0) unknown = static_cast<int>(i);
        else if (s < 0) return ctx.invalid("part size " + std::to_string(s));
        else known += s;
    }
    if (unknown >= 0 && known <= in.dim(axis)) (*sizes)[static_cast<size_t>(unknown)] = in.dim(axis) - known;
    else if (known != in.dim(axis))
        return ctx.invalid("parts of " + std::to_string(known) + " for dimension " + std::to_string(axis) + " of " +
                           format_dims(in.shape));
    return split_into(ctx, 0, axis, std::move(*sizes));
}

Result<std::unique_ptr<OpKernel>> prepare_unpack(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::UnpackOptionsT>();
    auto size = movable_element_bytes(ctx);
    if (!size) return size.error();
    const TensorInfo& in = ctx.input(0);
    const int axis = normalized_axis(options.axis, in.rank());
    if (axis < 0) return ctx.invalid("axis " + std::to_string(options.axis) + " of " + format_dims(in.shape));
    if (in.dim(axis) != ctx.num_outputs() || (options.num != 0 && options.num != ctx.num_outputs()))
        return ctx.invalid("cannot unpack dimension " + std::to_string(axis) + " of " + format_dims(in.shape) + " into " +
                           std::to_string(ctx.num_outputs()) + " outputs");
    std::vector<int32_t> shape = in.shape;
    shape.erase(shape.begin() + axis);
    for (int o = 0; o < ctx.num_outputs(); ++o) ctx.output(o).shape = shape;
    return split_kernel({dims_product(in.shape, 0, axis), dims_product(in.shape, axis + 1, in.rank()),
                         std::vector<int64_t>(static_cast<size_t>(ctx.num_outputs()), 1), *size},
                        0);
}

}  // namespace litelab::layout
