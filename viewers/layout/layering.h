// Layer assignment, the first step of the layered layout: which edges to reverse so the graph
// becomes acyclic, and which row (layer) each node goes on so that every other edge points down.
#pragma once

#include <cstdint>
#include <vector>

#include "viewers/layout/graph_layout.h"

namespace litelab::layout::detail {

struct Layering {
    std::vector<int> layer;      // per node: 0 at the top; every layer in [0, layer_count) is used
    std::vector<bool> reversed;  // per input edge: turned around to break a cycle
    int layer_count = 0;
};

// True for edges the layout can draw between nodes (ids in range, not self-loops).
inline bool is_layered_edge(const Graph& graph, const Edge& edge) {
    return edge.from != edge.to && edge.from < graph.nodes.size() && edge.to < graph.nodes.size();
}

Layering assign_layers(const Graph& graph);

}  // namespace litelab::layout::detail
