// MIRROR_PAD: padding made of the input's own elements mirrored at each border; REFLECT leaves
// the border element out (padding [1, 2, 3] by 2 gives 3 2 | 1 2 3 | 2 1), SYMMETRIC repeats it
// (2 1 | 1 2 3 | 3 2). Each output coordinate maps to an input coordinate, dimension by
// dimension; the maps are built when the model is compiled.
#include <cstring>

#include "runtime/kernels/layout/layout_common.h"
#include "runtime/kernels/layout/layout_kernels.h"
#include "runtime/kernels/layout/pad_shape.h"

namespace litelab::layout {

namespace {

// The input index read for output index `o` of a dimension of `size` padded by `p`.
int64_t mirrored(int64_t o, int64_t size, DimPadding p, bool reflect) {
    const int64_t i = o - p.before;
    const int64_t skip = reflect ? 1 : 0;
    if (i < 0) return -i - 1 + skip;
    if (i >= size) return 2 * size - i - 1 - skip;
    return i;
}

struct MirrorPlan {
    std::vector<std::vector<int64_t>> maps;  // per dimension: output index -> input offset in bytes
    size_t element_bytes = 1;
};

void mirror_pad(const MirrorPlan& p, const uint8_t* in, uint8_t* out) {
    const size_t rank = p.maps.size();
    if (rank == 0) {
        std::memcpy(out, in, p.element_bytes);
        return;
    }
    const std::vector<int64_t>& last = p.maps.back();
    std::vector<size_t> index(rank - 1, 0);
    for (size_t d = 0; d + 1 < rank; ++d)
        if (p.maps[d].empty()) return;
    for (;;) {
        int64_t row = 0;
        for (size_t d = 0; d + 1 < rank; ++d) row += p.maps[d][index[d]];
        for (int64_t offset : last) {
            std::memcpy(out, in + row + offset, p.element_bytes);
            out += p.element_bytes;
        }
        size_t d = rank - 1;
        for (; d-- > 0;) {
            if (++index[d] < p.maps[d].size()) break;
            index[d] = 0;
        }
        if (d == static_cast<size_t>(-1)) return;
    }
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_mirror_pad(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::MirrorPadOptionsT>();
    const TensorInfo& in = ctx.input(0);
    if (in.type == DType::kBool) return ctx.unsupported("input of type BOOL");
    auto size = movable_element_bytes(ctx);
    if (!size) return size.error();
    auto padding = paddings(ctx, 1);
    if (!padding) return padding.error();
    const bool reflect = options.mode == tflite::MirrorPadMode_REFLECT;
    const auto strides = dense_strides(in.shape);
    MirrorPlan plan{{}, *size};
    for (size_t d = 0; d < in.shape.size(); ++d) {
        const DimPadding p = (*padding)[d];
        const int64_t limit = in.shape[d] - (reflect ? 1 : 0);
        if (p.before > limit || p.after > limit)
            return ctx.invalid("padding [" + std::to_string(p.before) + ", " + std::to_string(p.after) + "] of dimension " +
                               std::to_string(d) + " exceeds " + std::to_string(limit) + " for " +
                               (reflect ? "REFLECT" : "SYMMETRIC"));
        std::vector<int64_t> map;
        for (int64_t o = 0; o < in.shape[d] + p.before + p.after; ++o)
            map.push_back(mirrored(o, in.shape[d], p, reflect) * strides[d] * static_cast<int64_t>(*size));
        plan.maps.push_back(std::move(map));
    }
    ctx.output(0).shape = padded_shape(in.shape, *padding);
    return make_kernel([plan](const OpContext& c) -> Status {
        mirror_pad(plan, c.input<uint8_t>(0), c.output<uint8_t>(0));
        return {};
    });
}

}  // namespace litelab::layout
