// Compressed adjacency lists (one flat array plus offsets): the layout's graphs reach hundreds of
// thousands of nodes with virtual ones, and a vector per node would cost an allocation each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace litelab::layout::detail {

// The items of node v are items[start[v]] .. items[start[v + 1] - 1].
struct Adjacency {
    std::vector<uint32_t> start;
    std::vector<uint32_t> items;

    uint32_t* begin(uint32_t v) { return items.data() + start[v]; }
    uint32_t* end(uint32_t v) { return items.data() + start[v + 1]; }
    const uint32_t* begin(uint32_t v) const { return items.data() + start[v]; }
    const uint32_t* end(uint32_t v) const { return items.data() + start[v + 1]; }
    uint32_t size(uint32_t v) const { return start[v + 1] - start[v]; }
};

// Groups (key, value) pairs by key with a counting sort; values keep their order within a key.
inline Adjacency group_by(size_t key_count, const std::vector<std::pair<uint32_t, uint32_t>>& key_value) {
    Adjacency adjacency;
    adjacency.start.assign(key_count + 1, 0);
    for (const auto& kv : key_value) ++adjacency.start[kv.first + 1];
    for (size_t v = 0; v < key_count; ++v) adjacency.start[v + 1] += adjacency.start[v];
    adjacency.items.resize(key_value.size());
    std::vector<uint32_t> fill(adjacency.start.begin(), adjacency.start.end() - 1);
    for (const auto& kv : key_value) adjacency.items[fill[kv.first]++] = kv.second;
    return adjacency;
}

}  // namespace litelab::layout::detail
