// Splitting long edges into chains of virtual nodes, and the initial order of each layer.
#include "viewers/layout/layered_graph.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace litelab::layout::detail {

void LayeredGraph::index_positions() {
    position.resize(layer.size());
    for (const auto& row : order)
        for (uint32_t i = 0; i < row.size(); ++i) position[row[i]] = i;
}

void LayeredGraph::sort_adjacency_by_position() {
    for (uint32_t v = 0; v < node_count(); ++v) {
        std::sort(up.begin(v), up.end(v),
                  [&](uint32_t a, uint32_t b) { return position[segment_from[a]] < position[segment_from[b]]; });
        std::sort(down.begin(v), down.end(v),
                  [&](uint32_t a, uint32_t b) { return position[segment_to[a]] < position[segment_to[b]]; });
    }
}

LayeredGraph make_layered_graph(const Graph& graph, const Layering& layering) {
    LayeredGraph lg;
    lg.real_count = static_cast<uint32_t>(graph.nodes.size());
    lg.layer = layering.layer;

    // One chain per distinct (upper, lower) pair; sorting the pairs finds the parallel edges.
    struct Oriented {
        uint32_t upper, lower, edge;
    };
    std::vector<Oriented> oriented;
    for (uint32_t e = 0; e < graph.edges.size(); ++e) {
        if (!is_layered_edge(graph, graph.edges[e])) continue;
        auto [a, b] = graph.edges[e];
        if (layering.reversed[e]) std::swap(a, b);
        oriented.push_back({a, b, e});
    }
    std::sort(oriented.begin(), oriented.end(), [](const Oriented& x, const Oriented& y) {
        return std::tie(x.upper, x.lower, x.edge) < std::tie(y.upper, y.lower, y.edge);
    });

    lg.chain_of_edge.assign(graph.edges.size(), kNoChain);
    lg.chains.start.push_back(0);
    auto add_segment = [&](uint32_t from, uint32_t to) {
        lg.segment_from.push_back(from);
        lg.segment_to.push_back(to);
    };
    for (size_t i = 0; i < oriented.size(); ++i) {
        const uint32_t chain = static_cast<uint32_t>(lg.chains.start.size() - 1);
        lg.chain_of_edge[oriented[i].edge] = chain;
        if (i + 1 < oriented.size() && oriented[i + 1].upper == oriented[i].upper &&
            oriented[i + 1].lower == oriented[i].lower)
            continue;  // the last of the parallel edges creates their shared chain
        uint32_t previous = oriented[i].upper;
        for (int l = lg.layer[oriented[i].upper] + 1; l < lg.layer[oriented[i].lower]; ++l) {
            const uint32_t v = static_cast<uint32_t>(lg.layer.size());
            lg.layer.push_back(l);
            lg.chains.items.push_back(v);
            add_segment(previous, v);
            previous = v;
        }
        add_segment(previous, oriented[i].lower);
        lg.chains.start.push_back(static_cast<uint32_t>(lg.chains.items.size()));
    }

    std::vector<std::pair<uint32_t, uint32_t>> up_pairs;
    std::vector<std::pair<uint32_t, uint32_t>> down_pairs;
    up_pairs.reserve(lg.segment_from.size());
    down_pairs.reserve(lg.segment_from.size());
    for (uint32_t s = 0; s < lg.segment_from.size(); ++s) {
        up_pairs.emplace_back(lg.segment_to[s], s);
        down_pairs.emplace_back(lg.segment_from[s], s);
    }
    lg.up = group_by(lg.node_count(), up_pairs);
    lg.down = group_by(lg.node_count(), down_pairs);

    // Initial order: the order of first visits of a depth-first search down from the sources.
    lg.order.assign(static_cast<size_t>(layering.layer_count), {});
    std::vector<bool> visited(lg.node_count(), false);
    std::vector<std::pair<uint32_t, uint32_t>> stack;  // node, index of its next segment in `down`
    for (uint32_t root = 0; root < lg.real_count; ++root) {
        if (lg.up.size(root) != 0) continue;
        visited[root] = true;
        lg.order[static_cast<size_t>(lg.layer[root])].push_back(root);
        stack.emplace_back(root, lg.down.start[root]);
        while (!stack.empty()) {
            const uint32_t v = stack.back().first;
            if (stack.back().second == lg.down.start[v + 1]) {
                stack.pop_back();
                continue;
            }
            const uint32_t w = lg.segment_to[lg.down.items[stack.back().second++]];
            if (visited[w]) continue;
            visited[w] = true;
            lg.order[static_cast<size_t>(lg.layer[w])].push_back(w);
            stack.emplace_back(w, lg.down.start[w]);
        }
    }
    lg.index_positions();
    return lg;
}

}  // namespace litelab::layout::detail
