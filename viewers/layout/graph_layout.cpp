// The layered layout's pipeline (layering, virtual nodes, ordering, placement), then the
// vertical coordinates, the edge routes and the bounding box.
#include "viewers/layout/graph_layout.h"

#include <algorithm>
#include <limits>

#include "viewers/layout/layered_graph.h"
#include "viewers/layout/layering.h"
#include "viewers/layout/ordering.h"
#include "viewers/layout/placement.h"

namespace litelab::layout {
namespace {

// How far a self-loop reaches out to the right of its node; such nodes reserve that much room
// on both sides so the centre stays the node's centre.
constexpr double kSelfLoopReach = 16;

Size clamped(const Size& size) {
    return {std::max(0.0, size.width), std::max(0.0, size.height)};
}

// Moves everything so the drawing starts at the margin and sets the bounding box.
void fit_bounding_box(const Graph& graph, const Options& options, Layout& out) {
    if (graph.nodes.empty()) {
        out.width = out.height = 2 * options.margin;
        return;
    }
    double left = std::numeric_limits<double>::max();
    double top = left;
    double right = std::numeric_limits<double>::lowest();
    double bottom = right;
    auto include = [&](double x, double y) {
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
    };
    for (size_t v = 0; v < graph.nodes.size(); ++v) {
        const Size size = clamped(graph.nodes[v]);
        include(out.centres[v].x - size.width / 2, out.centres[v].y - size.height / 2);
        include(out.centres[v].x + size.width / 2, out.centres[v].y + size.height / 2);
    }
    for (const EdgeRoute& route : out.edges)
        for (const Point& p : route.points) include(p.x, p.y);
    const double dx = options.margin - left;
    const double dy = options.margin - top;
    for (Point& p : out.centres) p = {p.x + dx, p.y + dy};
    for (EdgeRoute& route : out.edges)
        for (Point& p : route.points) p = {p.x + dx, p.y + dy};
    out.width = right - left + 2 * options.margin;
    out.height = bottom - top + 2 * options.margin;
}

}  // namespace

Layout layout_graph(const Graph& graph, const Options& options) {
    const size_t n = graph.nodes.size();
    const detail::Layering layering = detail::assign_layers(graph);
    detail::LayeredGraph lg = detail::make_layered_graph(graph, layering);
    Layout out;
    out.crossings = detail::reduce_crossings(lg, options.crossing_sweeps);

    std::vector<bool> has_self_loop(n, false);
    for (const Edge& edge : graph.edges)
        if (edge.from == edge.to && edge.from < n) has_self_loop[edge.from] = true;
    std::vector<double> width(lg.node_count(), 0);
    for (size_t v = 0; v < n; ++v)
        width[v] = clamped(graph.nodes[v]).width + (has_self_loop[v] ? 2 * kSelfLoopReach : 0);
    const std::vector<double> x = detail::place_horizontally(lg, width, options.node_gap);

    // Each layer is as tall as its tallest node; nodes are centred on the layer's middle line,
    // where the virtual nodes (bends of long edges) sit too.
    std::vector<double> middle(lg.order.size(), 0);
    double top = 0;
    for (size_t l = 0; l < lg.order.size(); ++l) {
        double height = 0;
        for (uint32_t v : lg.order[l])
            if (!lg.is_virtual(v)) height = std::max(height, clamped(graph.nodes[v]).height);
        middle[l] = top + height / 2;
        top += height + options.layer_gap;
    }
    auto centre = [&](uint32_t v) { return Point{x[v], middle[static_cast<size_t>(lg.layer[v])]}; };

    out.layers = layering.layer;
    out.centres.resize(n);
    for (uint32_t v = 0; v < n; ++v) out.centres[v] = centre(v);

    out.edges.resize(graph.edges.size());
    for (size_t e = 0; e < graph.edges.size(); ++e) {
        const Edge& edge = graph.edges[e];
        EdgeRoute& route = out.edges[e];
        if (edge.from == edge.to && edge.from < n) {
            const Point c = out.centres[edge.from];
            const Size size = clamped(graph.nodes[edge.from]);
            const double side = c.x + size.width / 2;
            route.points = {{side, c.y - size.height / 4},
                            {side + kSelfLoopReach, c.y - size.height / 4},
                            {side + kSelfLoopReach, c.y + size.height / 4},
                            {side, c.y + size.height / 4}};
            continue;
        }
        const uint32_t chain = lg.chain_of_edge[e];
        if (chain == detail::kNoChain) continue;
        route.reversed = layering.reversed[e];
        const uint32_t upper = route.reversed ? edge.to : edge.from;
        const uint32_t lower = route.reversed ? edge.from : edge.to;
        const Point start = centre(upper);
        const Point end = centre(lower);
        route.points.reserve(lg.chains.size(chain) + 2);
        route.points.push_back({start.x, start.y + clamped(graph.nodes[upper]).height / 2});
        for (const uint32_t* v = lg.chains.begin(chain); v != lg.chains.end(chain); ++v)
            route.points.push_back(centre(*v));
        route.points.push_back({end.x, end.y - clamped(graph.nodes[lower]).height / 2});
        if (route.reversed) std::reverse(route.points.begin(), route.points.end());
    }
    fit_bounding_box(graph, options, out);
    return out;
}

}  // namespace litelab::layout
