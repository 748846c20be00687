// The "proper" layered graph the ordering and placement steps work on: every edge joins two
// adjacent layers, because edges spanning several layers are split by virtual nodes (one per
// layer crossed). Parallel edges, and an edge with its reversed twin, share one chain of
// virtual nodes, so they are drawn along the same polyline.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "viewers/layout/adjacency.h"
#include "viewers/layout/graph_layout.h"
#include "viewers/layout/layering.h"

namespace litelab::layout::detail {

inline constexpr uint32_t kNoChain = std::numeric_limits<uint32_t>::max();

struct LayeredGraph {
    uint32_t real_count = 0;                   // nodes [0, real_count) are the graph's own
    std::vector<int> layer;                    // per node, virtual nodes included
    std::vector<uint32_t> segment_from;        // per segment: its upper node
    std::vector<uint32_t> segment_to;          // per segment: its lower node
    Adjacency up;                              // per node: segments ending at it
    Adjacency down;                            // per node: segments starting at it
    std::vector<std::vector<uint32_t>> order;  // per layer: nodes left to right
    std::vector<uint32_t> position;            // per node: its index in order[layer]
    Adjacency chains;                          // per chain: its virtual nodes, top to bottom
    std::vector<uint32_t> chain_of_edge;       // per input edge: its chain, or kNoChain if not layered

    uint32_t node_count() const { return static_cast<uint32_t>(layer.size()); }
    bool is_virtual(uint32_t v) const { return v >= real_count; }
    // Recomputes `position` from `order`.
    void index_positions();
    // Sorts every up and down list by the position of the node at the other end.
    void sort_adjacency_by_position();
};

// Builds the proper layered graph with an initial order from a depth-first search from the
// sources (in id order), which already keeps most tree-like parts free of crossings.
LayeredGraph make_layered_graph(const Graph& graph, const Layering& layering);

}  // namespace litelab::layout::detail
