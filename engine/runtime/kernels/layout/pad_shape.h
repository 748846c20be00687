// The paddings input of PAD, PADV2 and MIRROR_PAD: a constant [rank, 2] tensor of elements
// added before and after each dimension.
#pragma once

#include <vector>

#include "model/graph.h"
#include "runtime/kernels/layout/layout_common.h"

namespace litelab::layout {

struct DimPadding {
    int64_t before = 0;
    int64_t after = 0;
};

inline Result<std::vector<DimPadding>> paddings(const PrepareContext& ctx, int input) {
    auto values = constant_ints(ctx, input, "the paddings input");
    if (!values) return values.error();
    const std::vector<int32_t>& shape = ctx.input(0).shape;
    if (values->size() != 2 * shape.size())
        return ctx.invalid(std::to_string(values->size()) + " padding values for shape " + format_dims(shape));
    std::vector<DimPadding> pads;
    for (size_t d = 0; d < shape.size(); ++d) {
        const DimPadding p{(*values)[2 * d], (*values)[2 * d + 1]};
        if (p.before < 0 || p.after < 0 || shape[d] + p.before + p.after > INT32_MAX)
            return ctx.invalid("padding [" + std::to_string(p.before) + ", " + std::to_string(p.after) + "] of dimension " +
                               std::to_string(d));
        pads.push_back(p);
    }
    return pads;
}

inline std::vector<int32_t> padded_shape(const std::vector<int32_t>& shape, const std::vector<DimPadding>& pads) {
    std::vector<int32_t> out;
    for (size_t d = 0; d < shape.size(); ++d) out.push_back(static_cast<int32_t>(shape[d] + pads[d].before + pads[d].after));
    return out;
}

}  // namespace litelab::layout
