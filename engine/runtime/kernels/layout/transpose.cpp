// TRANSPOSE: output dimension i is input dimension perm[i] (any rank; TFLite goes up to 6).
#include "model/graph.h"
#include "runtime/kernels/layout/layout_common.h"
#include "runtime/kernels/layout/layout_kernels.h"
#include "runtime/kernels/layout/strided_copy.h"

namespace litelab::layout {

Result<std::unique_ptr<OpKernel>> prepare_transpose(PrepareContext& ctx) {
    auto size = movable_element_bytes(ctx);
    if (!size) return size.error();
    auto perm = constant_ints(ctx, 1, "the permutation");
    if (!perm) return perm.error();
    const std::vector<int32_t>& in = ctx.input(0).shape;
    const int rank = static_cast<int>(in.size());
    if (static_cast<int>(perm->size()) != rank)
        return ctx.invalid("a permutation of " + std::to_string(perm->size()) + " for shape " + format_dims(in));
    const auto in_strides = dense_strides(in);
    std::vector<bool> used(in.size(), false);
    std::vector<int32_t> out_shape;
    std::vector<int64_t> shape, src_strides;
    for (int64_t p : *perm) {
        const int d = normalized_axis(p, rank);
        if (d < 0 || used[static_cast<size_t>(d)]) return ctx.invalid("the permutation is not one");
        used[static_cast<size_t>(d)] = true;
        out_shape.push_back(in[static_cast<size_t>(d)]);
        shape.push_back(in[static_cast<size_t>(d)]);
        src_strides.push_back(in_strides[static_cast<size_t>(d)]);
    }
    ctx.output(0).shape = out_shape;
    const StridedCopy copy(shape, src_strides, 0, dense_strides(out_shape), 0, *size);
    return make_kernel([copy](const OpContext& c) -> Status {
        copy.run(c.input<uint8_t>(0), c.output<uint8_t>(0));
        return {};
    });
}

}  // namespace litelab::layout
