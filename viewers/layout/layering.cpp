// Cycle breaking by depth-first search and longest-path layering, followed by a pass that pulls
// nodes down towards their consumers: longest path alone puts every source on the top row, so a
// weight or constant feeding a late operator would hang from a long edge across the drawing.
#include "viewers/layout/layering.h"

#include <algorithm>
#include <utility>

#include "viewers/layout/adjacency.h"

namespace litelab::layout::detail {
namespace {

// Marks the back edges of a depth-first search: reversing exactly those leaves the graph acyclic.
// The search starts at the sources, so in a graph with a loop the model inputs stay on top and the
// edge that closes the loop is the one drawn upwards.
std::vector<bool> find_back_edges(const Graph& graph) {
    const size_t n = graph.nodes.size();
    std::vector<std::pair<uint32_t, uint32_t>> from_edge;
    std::vector<bool> has_input(n, false);
    for (uint32_t e = 0; e < graph.edges.size(); ++e) {
        if (!is_layered_edge(graph, graph.edges[e])) continue;
        from_edge.emplace_back(graph.edges[e].from, e);
        has_input[graph.edges[e].to] = true;
    }
    const Adjacency out = group_by(n, from_edge);

    enum : uint8_t { kNew, kOnStack, kDone };
    std::vector<uint8_t> state(n, kNew);
    std::vector<bool> back(graph.edges.size(), false);
    std::vector<std::pair<uint32_t, uint32_t>> stack;  // node, index of its next edge in `out`
    auto search_from = [&](uint32_t root) {
        if (state[root] != kNew) return;
        state[root] = kOnStack;
        stack.emplace_back(root, out.start[root]);
        while (!stack.empty()) {
            const uint32_t v = stack.back().first;
            if (stack.back().second == out.start[v + 1]) {
                state[v] = kDone;
                stack.pop_back();
                continue;
            }
            const uint32_t e = out.items[stack.back().second++];
            const uint32_t w = graph.edges[e].to;
            if (state[w] == kOnStack) {
                back[e] = true;
            } else if (state[w] == kNew) {
                state[w] = kOnStack;
                stack.emplace_back(w, out.start[w]);
            }
        }
    };
    for (uint32_t v = 0; v < n; ++v)
        if (!has_input[v]) search_from(v);
    for (uint32_t v = 0; v < n; ++v) search_from(v);
    return back;
}

}  // namespace

Layering assign_layers(const Graph& graph) {
    const size_t n = graph.nodes.size();
    Layering result;
    result.reversed = find_back_edges(graph);
    result.layer.assign(n, 0);

    std::vector<std::pair<uint32_t, uint32_t>> down_pairs;
    std::vector<std::pair<uint32_t, uint32_t>> up_pairs;
    for (uint32_t e = 0; e < graph.edges.size(); ++e) {
        if (!is_layered_edge(graph, graph.edges[e])) continue;
        auto [a, b] = graph.edges[e];
        if (result.reversed[e]) std::swap(a, b);
        down_pairs.emplace_back(a, b);
        up_pairs.emplace_back(b, a);
    }
    const Adjacency down = group_by(n, down_pairs);
    const Adjacency up = group_by(n, up_pairs);

    // Kahn's algorithm gives a topological order; longest path from the sources along it.
    std::vector<uint32_t> missing_inputs(n);
    std::vector<uint32_t> topological;
    topological.reserve(n);
    for (uint32_t v = 0; v < n; ++v) {
        missing_inputs[v] = up.size(v);
        if (missing_inputs[v] == 0) topological.push_back(v);
    }
    for (size_t i = 0; i < topological.size(); ++i) {
        const uint32_t v = topological[i];
        for (const uint32_t* w = down.begin(v); w != down.end(v); ++w) {
            result.layer[*w] = std::max(result.layer[*w], result.layer[v] + 1);
            if (--missing_inputs[*w] == 0) topological.push_back(*w);
        }
    }

    // Pull a node down to just above its highest consumer when it has more outputs than inputs:
    // each step down then shortens more edges than it lengthens. Consumers are final by the time
    // a node is visited (reverse topological order), so one pass suffices.
    for (auto it = topological.rbegin(); it != topological.rend(); ++it) {
        const uint32_t v = *it;
        if (down.size(v) <= up.size(v)) continue;
        int highest_consumer = result.layer[*down.begin(v)];
        for (const uint32_t* w = down.begin(v); w != down.end(v); ++w)
            highest_consumer = std::min(highest_consumer, result.layer[*w]);
        result.layer[v] = std::max(result.layer[v], highest_consumer - 1);
    }

    // Moving nodes down can empty a layer; renumber the used ones (edges keep pointing down).
    const int max_layer = n == 0 ? -1 : *std::max_element(result.layer.begin(), result.layer.end());
    std::vector<int> renumbered(static_cast<size_t>(max_layer + 1), 0);
    for (int l : result.layer) renumbered[static_cast<size_t>(l)] = 1;
    for (int& used : renumbered) {
        const int is_used = used;
        used = result.layer_count;
        result.layer_count += is_used;
    }
    for (int& l : result.layer) l = renumbered[static_cast<size_t>(l)];
    return result;
}

}  // namespace litelab::layout::detail
