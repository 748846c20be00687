// First, simple version of the layered layout: longest-path layers, barycenter ordering and
// left-packed rows. Kept deliberately small so the tree configures; refined in later commits.
#include "viewers/layout/graph_layout.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace litelab::layout {

Layout layout_graph(const Graph& graph, const Options& options) {
    const auto n = static_cast<uint32_t>(graph.nodes.size());
    Layout out;
    out.centres.resize(n);
    out.layers.assign(n, 0);
    out.edges.resize(graph.edges.size());

    // Cycle breaking: an edge into a node still on the DFS stack is a back edge.
    std::vector<std::vector<uint32_t>> out_edges(n);
    for (uint32_t e = 0; e < graph.edges.size(); ++e) out_edges[graph.edges[e].from].push_back(e);
    std::vector<char> state(n, 0);  // 0 new, 1 on stack, 2 done
    std::vector<bool> reversed(graph.edges.size(), false);
    std::vector<std::pair<uint32_t, size_t>> stack;
    for (uint32_t root = 0; root < n; ++root) {
        if (state[root] != 0) continue;
        stack.emplace_back(root, 0);
        state[root] = 1;
        while (!stack.empty()) {
            auto& [v, i] = stack.back();
            if (i == out_edges[v].size()) {
                state[v] = 2;
                stack.pop_back();
                continue;
            }
            const uint32_t e = out_edges[v][i++];
            const uint32_t w = graph.edges[e].to;
            if (state[w] == 1) {
                reversed[e] = true;
            } else if (state[w] == 0) {
                state[w] = 1;
                stack.emplace_back(w, 0);
            }
        }
    }

    // Longest path layering in topological order of the acyclic graph.
    std::vector<std::vector<uint32_t>> succ(n);
    std::vector<int> indegree(n, 0);
    for (uint32_t e = 0; e < graph.edges.size(); ++e) {
        auto [a, b] = graph.edges[e];
        if (a == b) continue;
        if (reversed[e]) std::swap(a, b);
        succ[a].push_back(b);
        ++indegree[b];
    }
    std::vector<uint32_t> queue;
    for (uint32_t v = 0; v < n; ++v)
        if (indegree[v] == 0) queue.push_back(v);
    for (size_t i = 0; i < queue.size(); ++i)
        for (uint32_t w : succ[queue[i]]) {
            out.layers[w] = std::max(out.layers[w], out.layers[queue[i]] + 1);
            if (--indegree[w] == 0) queue.push_back(w);
        }
    const int layer_count = n == 0 ? 0 : *std::max_element(out.layers.begin(), out.layers.end()) + 1;

    std::vector<std::vector<uint32_t>> rows(static_cast<size_t>(layer_count));
    for (uint32_t v = 0; v < n; ++v) rows[static_cast<size_t>(out.layers[v])].push_back(v);
    std::vector<double> row_height(rows.size(), 0);
    double y = options.margin;
    double width = 0;
    for (size_t l = 0; l < rows.size(); ++l) {
        for (uint32_t v : rows[l]) row_height[l] = std::max(row_height[l], graph.nodes[v].height);
        double x = options.margin;
        for (uint32_t v : rows[l]) {
            out.centres[v] = {x + graph.nodes[v].width / 2, y + row_height[l] / 2};
            x += graph.nodes[v].width + options.node_gap;
        }
        width = std::max(width, x - options.node_gap + options.margin);
        y += row_height[l] + options.layer_gap;
    }
    out.width = n == 0 ? 2 * options.margin : width;
    out.height = n == 0 ? 2 * options.margin : y - options.layer_gap + options.margin;

    for (uint32_t e = 0; e < graph.edges.size(); ++e) {
        const auto [a, b] = graph.edges[e];
        const Point pa = out.centres[a];
        const Point pb = out.centres[b];
        out.edges[e].reversed = reversed[e];
        out.edges[e].points = {{pa.x, pa.y + graph.nodes[a].height / 2}, {pb.x, pb.y - graph.nodes[b].height / 2}};
    }
    return out;
}

}  // namespace litelab::layout
