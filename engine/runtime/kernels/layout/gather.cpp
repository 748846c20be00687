// GATHER: slices of `params` along `axis` picked by `indices` (INT32 or INT64), with TFLite's
// batch_dims: the first batch_dims dimensions of params and indices are matched, not gathered.
// Output shape: params[:axis] + indices[batch_dims:] + params[axis + 1:]. An index outside the
// axis is an error when the model runs, as in TFLite.
#include <cstring>

#include "model/graph.h"
#include "runtime/kernels/layout/layout_common.h"
#include "runtime/kernels/layout/layout_kernels.h"

namespace litelab::layout {

namespace {

struct GatherPlan {
    int64_t batches = 1;      // params[:batch_dims]
    int64_t outer = 1;        // params[batch_dims:axis]
    int64_t axis_size = 1;    // params[axis]
    int64_t inner_bytes = 0;  // params[axis + 1:] times the element size
    int64_t picks = 1;        // indices[batch_dims:]
};

template <class Index>
Status gather(const GatherPlan& p, const uint8_t* params, const Index* indices, uint8_t* out) {
    const auto inner = static_cast<size_t>(p.inner_bytes);
    for (int64_t b = 0; b < p.batches; ++b) {
        const Index* batch_indices = indices + b * p.picks;
        for (int64_t o = 0; o < p.outer; ++o) {
            const uint8_t* base = params + ((b * p.outer + o) * p.axis_size) * p.inner_bytes;
            for (int64_t i = 0; i < p.picks; ++i) {
                const auto index = static_cast<int64_t>(batch_indices[i]);
                if (index < 0 || index >= p.axis_size)
                    return make_error(ErrorCode::kInvalid, "index " + std::to_string(index) +
                                                               " outside [0, " + std::to_string(p.axis_size) + ")");
                if (inner) std::memcpy(out, base + index * p.inner_bytes, inner);
                out += inner;
            }
        }
    }
    return {};
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_gather(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::GatherOptionsT>();
    auto size = movable_element_bytes(ctx);
    if (!size) return size.error();
    const TensorInfo& params = ctx.input(0);
    const TensorInfo& indices = ctx.input(1);
    if (indices.type != DType::kInt32 && indices.type != DType::kInt64)
        return ctx.unsupported("indices of type " + std::string(dtype_name(indices.type)));
    const int axis = normalized_axis(options.axis, params.rank());
    if (axis < 0) return ctx.invalid("axis " + std::to_string(options.axis) + " of " + format_dims(params.shape));
    int batch_dims = options.batch_dims < 0 ? options.batch_dims + indices.rank() : options.batch_dims;
    if (batch_dims < 0 || batch_dims > axis || batch_dims > indices.rank())
        return ctx.invalid("batch_dims " + std::to_string(options.batch_dims) + " with axis " + std::to_string(axis) +
                           " and indices " + format_dims(indices.shape));
    for (int d = 0; d < batch_dims; ++d)
        if (params.dim(d) != indices.dim(d))
            return ctx.invalid("params " + format_dims(params.shape) + " and indices " + format_dims(indices.shape) +
                               " differ in batch dimension " + std::to_string(d));

    std::vector<int32_t> out_shape(params.shape.begin(), params.shape.begin() + axis);
    out_shape.insert(out_shape.end(), indices.shape.begin() + batch_dims, indices.shape.end());
    out_shape.insert(out_shape.end(), params.shape.begin() + axis + 1, params.shape.end());
    ctx.output(0).shape = out_shape;

    const GatherPlan plan{dims_product(params.shape, 0, batch_dims), dims_product(params.shape, batch_dims, axis),
                          params.dim(axis),
                          dims_product(params.shape, axis + 1, params.rank()) * static_cast<int64_t>(*size),
                          dims_product(indices.shape, batch_dims, indices.rank())};
    if (indices.type == DType::kInt32)
        return make_kernel([plan](const OpContext& c) -> Status {
            return gather(plan, c.input<uint8_t>(0), c.input<int32_t>(1), c.output<uint8_t>(0));
        });
    return make_kernel([plan](const OpContext& c) -> Status {
        return gather(plan, c.input<uint8_t>(0), c.input<int64_t>(1), c.output<uint8_t>(0));
    });
}

}  // namespace litelab::layout
