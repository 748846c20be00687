// NumPy-style broadcasting of two operands, as TFLite's binary operators do it: shapes are
// aligned at their last dimension, and each pair of dimensions must be equal or contain a 1.
//
// plan_broadcast merges neighbouring dimensions that broadcast the same way (TFLite's
// ReduceDimensionsForBroadcast does the same), so a [1,8,8,32] + [32] add runs as one loop of 32
// over 64 rows. for_each_broadcast walks any contiguous range of the output, so kernels can
// split the output between threads. Other families may use these helpers (SELECT, comparisons).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace litelab {

// TFLite's binary operators broadcast up to rank 6.
constexpr int kMaxBroadcastRank = 6;

// The broadcast shape of `a` and `b`; nullopt when they are incompatible.
std::optional<std::vector<int32_t>> broadcast_shapes(std::span<const int32_t> a, std::span<const int32_t> b);

struct BroadcastPlan {
    int rank = 1;  // merged dimensions, outermost first; the last one is the inner loop
    std::array<int64_t, kMaxBroadcastRank> dims{};
    // Element strides of each operand over the merged dimensions; 0 where it is broadcast.
    std::array<int64_t, kMaxBroadcastRank> a_strides{};
    std::array<int64_t, kMaxBroadcastRank> b_strides{};
    int64_t elements = 0;  // of the output
};

// The merged loops that broadcast `a` and `b` to `out` (their broadcast shape). Returns nullopt
// when the shapes do not broadcast, or need more than kMaxBroadcastRank dimensions to do so.
std::optional<BroadcastPlan> plan_broadcast(std::span<const int32_t> a, std::span<const int32_t> b);

// Calls out[i] = fn(a[ia], b[ib]) for the output elements i in [begin, end).
template <class A, class B, class Out, class Fn>
void for_each_broadcast(const BroadcastPlan& plan, const A* a, const B* b, Out* out, int64_t begin, int64_t end,
                        Fn&& fn) {
    const int last = plan.rank - 1;
    const int64_t inner = plan.dims[static_cast<size_t>(last)];
    const int64_t sa = plan.a_strides[static_cast<size_t>(last)];
    const int64_t sb = plan.b_strides[static_cast<size_t>(last)];
    for (int64_t i = begin; i < end;) {
        // Offsets of the row holding element i, from its index in the outer dimensions.
        int64_t row = i / inner;
        const int64_t column = i % inner;
        int64_t ia = column * sa;
        int64_t ib = column * sb;
        for (int d = last - 1; d >= 0 && row > 0; --d) {
            const auto du = static_cast<size_t>(d);
            const int64_t index = row % plan.dims[du];
            row /= plan.dims[du];
            ia += index * plan.a_strides[du];
            ib += index * plan.b_strides[du];
        }
        const int64_t n = std::min(inner - column, end - i);
        const A* pa = a + ia;
        const B* pb = b + ib;
        Out* po = out + i;
        // Separate loops for the three layouts so the compiler can vectorise each.
        if (sa == 1 && sb == 1) {
            for (int64_t k = 0; k < n; ++k) po[k] = fn(pa[k], pb[k]);
        } else if (sa == 0 && sb == 1) {
            const A va = *pa;
            for (int64_t k = 0; k < n; ++k) po[k] = fn(va, pb[k]);
        } else if (sa == 1 && sb == 0) {
            const B vb = *pb;
            for (int64_t k = 0; k < n; ++k) po[k] = fn(pa[k], vb);
        } else {
            for (int64_t k = 0; k < n; ++k) po[k] = fn(pa[k * sa], pb[k * sb]);
        }
        i += n;
    }
}

}  // namespace litelab
