// SOFTMAX, LOG_SOFTMAX and L2_NORMALIZATION all normalise along the last dimension: the tensor
// is a stack of rows, each computed on its own (rows are split over threads).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "runtime/kernel.h"

namespace litelab::softmax {

struct SoftmaxRows {
    int64_t count = 0;  // product of every dimension but the last
    int32_t depth = 0;  // the last dimension
};

// Checks one input and one output of rank >= 1 and gives the output the input's shape.
inline Result<SoftmaxRows> prepare_rows(PrepareContext& ctx, const std::string& op) {
    if (ctx.num_inputs() != 1 || ctx.num_outputs() != 1 || !ctx.has_input(0))
        return ctx.invalid(op + " needs one input and one output");
    const TensorInfo& in = ctx.input(0);
    if (in.rank() < 1) return ctx.invalid(op + " of a scalar");
    ctx.output(0).shape = in.shape;
    SoftmaxRows rows;
    rows.depth = in.dim(in.rank() - 1);
    rows.count = rows.depth == 0 ? 0 : in.elements() / rows.depth;
    return rows;
}

template <class Fn>
void for_each_row(const SoftmaxRows& rows, const ThreadPool& pool, Fn&& fn) {
    const int64_t min_rows = std::max<int64_t>(1, 4096 / std::max<int32_t>(rows.depth, 1));
    pool.parallel_for(rows.count, min_rows, [&](int64_t begin, int64_t end) {
        for (int64_t r = begin; r < end; ++r) fn(r);
    });
}

}  // namespace litelab::softmax
