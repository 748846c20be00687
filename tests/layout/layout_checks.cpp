// Checks computed from the layout's output alone, so they can catch mistakes in any stage.
#include "layout_checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace litelab::layout::testing {
namespace {

constexpr double kEps = 1e-6;

bool is_self_loop(const Edge& e) {
    return e.from == e.to;
}

}  // namespace

void expect_sane(const Graph& graph, const Layout& layout, const Options& options) {
    const size_t n = graph.nodes.size();
    ASSERT_EQ(layout.centres.size(), n);
    ASSERT_EQ(layout.layers.size(), n);
    ASSERT_EQ(layout.edges.size(), graph.edges.size());

    for (size_t e = 0; e < graph.edges.size(); ++e) {
        const Edge& edge = graph.edges[e];
        const EdgeRoute& route = layout.edges[e];
        if (edge.from >= n || edge.to >= n) {
            EXPECT_TRUE(route.points.empty()) << "edge " << e;
            continue;
        }
        ASSERT_GE(route.points.size(), 2u) << "edge " << e;
        const Point a = layout.centres[edge.from];
        const Point b = layout.centres[edge.to];
        const Size sa = graph.nodes[edge.from];
        const Size sb = graph.nodes[edge.to];
        const Point first = route.points.front();
        const Point last = route.points.back();
        if (is_self_loop(edge)) {
            EXPECT_FALSE(route.reversed);
            EXPECT_NEAR(first.x, a.x + sa.width / 2, kEps) << "self-loop leaves from the right side";
            EXPECT_NEAR(last.x, a.x + sa.width / 2, kEps);
            EXPECT_LT(std::abs(first.y - a.y), sa.height / 2 + kEps);
            EXPECT_LT(std::abs(last.y - a.y), sa.height / 2 + kEps);
            continue;
        }
        const int down = route.reversed ? -1 : 1;
        EXPECT_GT(down * (layout.layers[edge.to] - layout.layers[edge.from]), 0) << "edge " << e;
        EXPECT_EQ(route.points.size(),
                  static_cast<size_t>(std::abs(layout.layers[edge.to] - layout.layers[edge.from]) + 1))
            << "one bend per layer crossed, edge " << e;
        EXPECT_NEAR(first.x, a.x, kEps) << "edge " << e;
        EXPECT_NEAR(first.y, a.y + down * sa.height / 2, kEps) << "edge " << e;
        EXPECT_NEAR(last.x, b.x, kEps) << "edge " << e;
        EXPECT_NEAR(last.y, b.y - down * sb.height / 2, kEps) << "edge " << e;
        for (size_t i = 1; i < route.points.size(); ++i)
            EXPECT_GT(down * (route.points[i].y - route.points[i - 1].y), 0) << "edge " << e;
    }

    // Per layer: one middle line, and no two nodes closer than the node gap.
    std::map<int, std::vector<size_t>> by_layer;
    for (size_t v = 0; v < n; ++v) by_layer[layout.layers[v]].push_back(v);
    double previous_bottom = -1e300;
    int expected_layer = 0;
    for (auto& [layer, nodes] : by_layer) {
        EXPECT_EQ(layer, expected_layer++) << "layers are numbered without gaps";
        std::sort(nodes.begin(), nodes.end(),
                  [&](size_t a, size_t b) { return layout.centres[a].x < layout.centres[b].x; });
        double top = 1e300;
        double bottom = -1e300;
        for (size_t i = 0; i < nodes.size(); ++i) {
            const size_t v = nodes[i];
            EXPECT_NEAR(layout.centres[v].y, layout.centres[nodes[0]].y, kEps) << "node " << v;
            top = std::min(top, layout.centres[v].y - graph.nodes[v].height / 2);
            bottom = std::max(bottom, layout.centres[v].y + graph.nodes[v].height / 2);
            if (i == 0) continue;
            const size_t u = nodes[i - 1];
            const double space =
                (layout.centres[v].x - graph.nodes[v].width / 2) - (layout.centres[u].x + graph.nodes[u].width / 2);
            EXPECT_GE(space, options.node_gap - kEps) << "nodes " << u << " and " << v << " on layer " << layer;
        }
        EXPECT_GE(top - previous_bottom, options.layer_gap - kEps) << "layer " << layer;
        previous_bottom = bottom;
    }

    // Everything inside the bounding box, with the margin.
    auto inside = [&](double x, double y) {
        EXPECT_GE(x, options.margin - kEps);
        EXPECT_LE(x, layout.width - options.margin + kEps);
        EXPECT_GE(y, options.margin - kEps);
        EXPECT_LE(y, layout.height - options.margin + kEps);
    };
    for (size_t v = 0; v < n; ++v) {
        inside(layout.centres[v].x - graph.nodes[v].width / 2, layout.centres[v].y - graph.nodes[v].height / 2);
        inside(layout.centres[v].x + graph.nodes[v].width / 2, layout.centres[v].y + graph.nodes[v].height / 2);
    }
    for (const EdgeRoute& route : layout.edges)
        for (const Point& p : route.points) inside(p.x, p.y);
    EXPECT_GE(layout.width, 2 * options.margin);
    EXPECT_GE(layout.height, 2 * options.margin);
}

size_t brute_force_crossings(const Graph& graph, const Layout& layout) {
    struct Segment {
        double top_x, bottom_x;
    };
    std::map<int, std::vector<Segment>> bands;  // by the layer of the upper end
    std::set<std::pair<uint32_t, uint32_t>> drawn;
    for (size_t e = 0; e < graph.edges.size(); ++e) {
        const Edge& edge = graph.edges[e];
        if (is_self_loop(edge) || layout.edges[e].points.empty()) continue;
        std::vector<Point> points = layout.edges[e].points;
        uint32_t upper = edge.from;
        uint32_t lower = edge.to;
        if (layout.edges[e].reversed) {
            std::reverse(points.begin(), points.end());
            std::swap(upper, lower);
        }
        if (!drawn.insert({upper, lower}).second) continue;
        for (size_t i = 0; i + 1 < points.size(); ++i)
            bands[layout.layers[upper] + static_cast<int>(i)].push_back({points[i].x, points[i + 1].x});
    }
    size_t crossings = 0;
    for (const auto& [layer, segments] : bands)
        for (size_t i = 0; i < segments.size(); ++i)
            for (size_t j = i + 1; j < segments.size(); ++j) {
                const Segment& s = segments[i];
                const Segment& t = segments[j];
                crossings +=
                    (s.top_x < t.top_x && s.bottom_x > t.bottom_x) || (s.top_x > t.top_x && s.bottom_x < t.bottom_x);
            }
    return crossings;
}

Graph random_dag(uint32_t n, uint32_t m, uint32_t seed) {
    std::mt19937 rng(seed);
    Graph g;
    std::uniform_int_distribution<int> width(80, 220);
    std::uniform_int_distribution<int> height(36, 52);
    for (uint32_t v = 0; v < n; ++v)
        g.nodes.push_back({static_cast<double>(width(rng)), static_cast<double>(height(rng))});
    std::set<std::pair<uint32_t, uint32_t>> seen;
    std::uniform_int_distribution<uint32_t> node(0, n - 1);
    while (g.edges.size() < m) {
        uint32_t a = node(rng);
        uint32_t b = node(rng);
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        if (seen.insert({a, b}).second) g.edges.push_back({a, b});
    }
    return g;
}

}  // namespace litelab::layout::testing
