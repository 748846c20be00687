#include "runtime/arena_planner.h"

#include <algorithm>
#include <numeric>

namespace litelab {

namespace {

size_t align_up(size_t value, size_t alignment) { return (value + alignment - 1) / alignment * alignment; }

bool lifetimes_overlap(const BufferRequest& a, const BufferRequest& b) {
    return a.first_use <= b.last_use && b.first_use <= a.last_use;
}

}  // namespace

ArenaPlan plan_arena(std::span<const BufferRequest> requests, size_t alignment) {
    ArenaPlan plan;
    plan.offsets.assign(requests.size(), 0);

    std::vector<size_t> order(requests.size());
    std::iota(order.begin(), order.end(), size_t{0});
    // Largest first; ties by first use so equal-sized activations stack in execution order.
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (requests[a].bytes != requests[b].bytes) return requests[a].bytes > requests[b].bytes;
        return requests[a].first_use < requests[b].first_use;
    });

    std::vector<size_t> placed;  // request indices, kept sorted by offset
    for (size_t r : order) {
        const BufferRequest& request = requests[r];
        if (request.bytes == 0) continue;
        size_t offset = 0;
        for (size_t p : placed) {
            if (!lifetimes_overlap(request, requests[p])) continue;
            if (offset + request.bytes <= plan.offsets[p]) break;  // fits in the gap below p
            offset = std::max(offset, align_up(plan.offsets[p] + requests[p].bytes, alignment));
        }
        plan.offsets[r] = offset;
        plan.arena_bytes = std::max(plan.arena_bytes, align_up(offset + request.bytes, alignment));
        const auto at = std::upper_bound(placed.begin(), placed.end(), offset,
                                         [&](size_t value, size_t p) { return value < plan.offsets[p]; });
        placed.insert(at, r);
    }
    return plan;
}

}  // namespace litelab
