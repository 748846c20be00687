// Greedy-by-size arena planning, as TensorFlow Lite Micro's GreedyMemoryPlanner does it: the
// largest buffers are placed first, each at the lowest offset that does not overlap a buffer
// already placed whose lifetime (first to last node that touches it) overlaps its own.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace litelab {

struct BufferRequest {
    size_t bytes = 0;
    int first_use = 0;  // node index, inclusive
    int last_use = 0;   // node index, inclusive
};

struct ArenaPlan {
    std::vector<size_t> offsets;  // one per request
    size_t arena_bytes = 0;
};

ArenaPlan plan_arena(std::span<const BufferRequest> requests, size_t alignment = 16);

}  // namespace litelab
