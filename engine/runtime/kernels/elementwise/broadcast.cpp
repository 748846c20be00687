#include "runtime/kernels/elementwise/broadcast.h"

#include <algorithm>

namespace litelab {

std::optional<std::vector<int32_t>> broadcast_shapes(std::span<const int32_t> a, std::span<const int32_t> b) {
    const size_t rank = std::max(a.size(), b.size());
    std::vector<int32_t> out(rank);
    for (size_t i = 0; i < rank; ++i) {
        // Counted from the last dimension; missing leading dimensions are 1.
        const int32_t da = i < a.size() ? a[a.size() - 1 - i] : 1;
        const int32_t db = i < b.size() ? b[b.size() - 1 - i] : 1;
        if (da != db && da != 1 && db != 1) return std::nullopt;
        out[rank - 1 - i] = da == 1 ? db : da;
    }
    return out;
}

std::optional<BroadcastPlan> plan_broadcast(std::span<const int32_t> a, std::span<const int32_t> b) {
    const auto out = broadcast_shapes(a, b);
    if (!out) return std::nullopt;
    const size_t rank = out->size();

    BroadcastPlan plan;
    plan.elements = 1;
    for (int32_t d : *out) plan.elements *= d;
    if (plan.elements == 0) {
        plan.dims[0] = 0;
        return plan;
    }

    // Dimensions of extent > 1, each with which operand repeats along it; neighbours that
    // repeat the same operands merge into one.
    struct Run {
        int64_t extent;
        bool a_repeats;
        bool b_repeats;
    };
    std::vector<Run> runs;
    for (size_t i = 0; i < rank; ++i) {
        const int32_t extent = (*out)[i];
        if (extent == 1) continue;
        const size_t lead_a = rank - a.size();
        const size_t lead_b = rank - b.size();
        const bool a_repeats = i < lead_a || a[i - lead_a] == 1;
        const bool b_repeats = i < lead_b || b[i - lead_b] == 1;
        if (!runs.empty() && runs.back().a_repeats == a_repeats && runs.back().b_repeats == b_repeats)
            runs.back().extent *= extent;
        else
            runs.push_back({extent, a_repeats, b_repeats});
    }
    if (runs.empty()) runs.push_back({1, false, false});
    if (runs.size() > static_cast<size_t>(kMaxBroadcastRank)) return std::nullopt;

    plan.rank = static_cast<int>(runs.size());
    int64_t a_stride = 1;
    int64_t b_stride = 1;
    for (size_t d = runs.size(); d-- > 0;) {
        plan.dims[d] = runs[d].extent;
        plan.a_strides[d] = runs[d].a_repeats ? 0 : a_stride;
        plan.b_strides[d] = runs[d].b_repeats ? 0 : b_stride;
        if (!runs[d].a_repeats) a_stride *= runs[d].extent;
        if (!runs[d].b_repeats) b_stride *= runs[d].extent;
    }
    return plan;
}

}  // namespace litelab
