// SLICE: a box of the input, from `begin`, `size` elements per dimension (-1: to the end).
#include "model/graph.h"
#include "runtime/kernels/layout/layout_common.h"
#include "runtime/kernels/layout/layout_kernels.h"
#include "runtime/kernels/layout/strided_copy.h"

namespace litelab::layout {

Result<std::unique_ptr<OpKernel>> prepare_slice(PrepareContext& ctx) {
    auto element_size = movable_element_bytes(ctx);
    if (!element_size) return element_size.error();
    auto begin = constant_ints(ctx, 1, "the begin input");
    if (!begin) return begin.error();
    auto size = constant_ints(ctx, 2, "the size input");
    if (!size) return size.error();
    const std::vector<int32_t>& in = ctx.input(0).shape;
    if (begin->size() != in.size() || size->size() != in.size())
        return ctx.invalid("begin and size must have one value per dimension of " + format_dims(in));
    const auto strides = dense_strides(in);
    std::vector<int64_t> shape;
    std::vector<int32_t> out_shape;
    int64_t offset = 0;
    for (size_t d = 0; d < in.size(); ++d) {
        const int64_t b = (*begin)[d];
        const int64_t n = (*size)[d] == -1 ? in[d] - b : (*size)[d];
        if (b < 0 || n < 0 || b + n > in[d])
            return ctx.invalid("slice [" + std::to_string(b) + ", +" + std::to_string((*size)[d]) + ") of dimension " +
                               std::to_string(d) + " of " + format_dims(in));
        shape.push_back(n);
        out_shape.push_back(static_cast<int32_t>(n));
        offset += b * strides[d];
    }
    ctx.output(0).shape = out_shape;
    const StridedCopy copy(shape, strides, offset, dense_strides(out_shape), 0, *element_size);
    return make_kernel([copy](const OpContext& c) -> Status {
        copy.run(c.input<uint8_t>(0), c.output<uint8_t>(0));
        return {};
    });
}

}  // namespace litelab::layout
