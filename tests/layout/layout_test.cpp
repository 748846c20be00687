// Behaviour of the layered graph layout on small graphs whose right answer is known by hand,
// and on generated ones checked by the independent checks of layout_checks.h.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "layout_checks.h"
#include "viewers/layout/graph_layout.h"

namespace litelab::layout {
namespace {

using testing::brute_force_crossings;
using testing::expect_sane;
using testing::random_dag;

Graph nodes_of_size(uint32_t n, Size size = {120, 40}) {
    Graph g;
    g.nodes.assign(n, size);
    return g;
}

// The chain 0 -> 1 -> ... -> n-1, with node widths that vary so centring matters.
Graph chain(uint32_t n) {
    Graph g;
    for (uint32_t v = 0; v < n; ++v) g.nodes.push_back({80.0 + 13 * (v % 7), 36.0 + 2 * (v % 5)});
    for (uint32_t v = 0; v + 1 < n; ++v) g.edges.push_back({v, v + 1});
    return g;
}

void expect_one_column(const Layout& layout, const std::vector<uint32_t>& nodes) {
    for (uint32_t v : nodes) EXPECT_DOUBLE_EQ(layout.centres[v].x, layout.centres[nodes[0]].x) << "node " << v;
}

TEST(Layout, EmptyGraph) {
    const Options options;
    const Layout layout = layout_graph({}, options);
    EXPECT_TRUE(layout.centres.empty());
    EXPECT_TRUE(layout.edges.empty());
    EXPECT_DOUBLE_EQ(layout.width, 2 * options.margin);
    EXPECT_DOUBLE_EQ(layout.height, 2 * options.margin);
}

TEST(Layout, SingleNodeSitsInsideTheMargin) {
    Options options;
    options.margin = 10;
    const Graph g = nodes_of_size(1, {100, 40});
    const Layout layout = layout_graph(g, options);
    EXPECT_EQ(layout.layers, std::vector<int>{0});
    EXPECT_DOUBLE_EQ(layout.centres[0].x, 60);
    EXPECT_DOUBLE_EQ(layout.centres[0].y, 30);
    EXPECT_DOUBLE_EQ(layout.width, 120);
    EXPECT_DOUBLE_EQ(layout.height, 60);
}

TEST(Layout, ChainIsOneStraightColumn) {
    const Graph g = chain(30);
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    std::vector<uint32_t> all(30);
    for (uint32_t v = 0; v < 30; ++v) {
        all[v] = v;
        EXPECT_EQ(layout.layers[v], static_cast<int>(v));
    }
    expect_one_column(layout, all);
    // The widest node (80 + 13 * 6) decides the drawing's width.
    EXPECT_DOUBLE_EQ(layout.width, 158 + 2 * options.margin);
    EXPECT_EQ(layout.crossings, 0u);
}

// Convolutions in a chain, each with a weight node as its second input (as the GUI shows
// constant tensors): the weights sit right above their convolution, the convolutions in a column.
TEST(Layout, PlainCnnWithWeightsKeepsItsMainPathStraight) {
    Graph g = chain(12);
    std::vector<uint32_t> ops(12);
    for (uint32_t v = 0; v < 12; ++v) ops[v] = v;
    for (uint32_t v = 1; v < 12; ++v) {
        const auto weight = static_cast<uint32_t>(g.nodes.size());
        g.nodes.push_back({90, 36});
        g.edges.push_back({weight, v});
    }
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    expect_one_column(layout, ops);
    for (uint32_t v = 1; v < 12; ++v) EXPECT_EQ(layout.layers[11 + v], layout.layers[v] - 1) << "weight of " << v;
    EXPECT_EQ(brute_force_crossings(g, layout), 0u);
}

TEST(Layout, ConstantSourceSitsDirectlyAboveItsConsumer) {
    Graph g = chain(10);
    g.nodes.push_back({100, 40});
    g.edges.push_back({10, 8});
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_EQ(layout.layers[10], 7);
    EXPECT_EQ(layout.edges.back().points.size(), 2u) << "no virtual node: the edge spans one layer";
}

// Residual blocks: x -> conv -> conv -> add, x -> add. A planar drawing exists.
TEST(Layout, ResidualBlocksHaveNoCrossingsAndStraightMainPath) {
    Graph g = nodes_of_size(1);
    std::vector<uint32_t> main_path = {0};
    uint32_t x = 0;
    for (int block = 0; block < 8; ++block) {
        const auto conv1 = static_cast<uint32_t>(g.nodes.size());
        g.nodes.insert(g.nodes.end(), 3, Size{140, 44});
        g.edges.insert(g.edges.end(), {{x, conv1}, {conv1, conv1 + 1}, {conv1 + 1, conv1 + 2}, {x, conv1 + 2}});
        main_path.insert(main_path.end(), {conv1, conv1 + 1, conv1 + 2});
        x = conv1 + 2;
    }
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_EQ(brute_force_crossings(g, layout), 0u);
    EXPECT_EQ(layout.crossings, 0u);
    expect_one_column(layout, main_path);
}

TEST(Layout, TreesHaveNoCrossings) {
    // A complete binary out-tree whose edges are listed in an order that interleaves subtrees.
    Graph g = nodes_of_size(63, {90, 40});
    for (uint32_t v = 62; v >= 1; --v) g.edges.push_back({(v - 1) / 2, v});
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_EQ(brute_force_crossings(g, layout), 0u);
    EXPECT_EQ(layout.crossings, 0u);
}

TEST(Layout, PlanarLadderEndsWithoutCrossings) {
    // Two chains with rungs, the second chain's ids shuffled so the input order is poor.
    const uint32_t n = 20;
    Graph g = nodes_of_size(2 * n, {100, 40});
    std::vector<uint32_t> right(n);
    for (uint32_t i = 0; i < n; ++i) right[i] = n + (i * 7) % n;
    for (uint32_t i = 0; i + 1 < n; ++i) g.edges.insert(g.edges.end(), {{i, i + 1}, {right[i], right[i + 1]}});
    for (uint32_t i = 0; i + 1 < n; i += 2) g.edges.push_back({right[i], i + 1});
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_EQ(brute_force_crossings(g, layout), 0u);
}

TEST(Layout, RandomDagGetsFewerCrossingsThanItsInitialOrder) {
    const Graph g = random_dag(80, 150, 7);
    Options unordered;
    unordered.crossing_sweeps = 0;
    const Layout before = layout_graph(g, unordered);
    const Options options;
    const Layout after = layout_graph(g, options);
    expect_sane(g, before, unordered);
    expect_sane(g, after, options);
    const size_t crossings_before = brute_force_crossings(g, before);
    const size_t crossings_after = brute_force_crossings(g, after);
    EXPECT_EQ(before.crossings, crossings_before) << "the layout's own count agrees with the brute force";
    EXPECT_EQ(after.crossings, crossings_after);
    EXPECT_LT(crossings_after, crossings_before);
    EXPECT_GT(crossings_before, 0u);
}

TEST(Layout, CycleIsBrokenByOneReversedEdge) {
    Graph g = nodes_of_size(4);
    g.edges = {{0, 1}, {1, 2}, {2, 3}, {3, 1}};
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_EQ(layout.layers, (std::vector<int>{0, 1, 2, 3}));
    EXPECT_FALSE(layout.edges[0].reversed);
    EXPECT_FALSE(layout.edges[1].reversed);
    EXPECT_FALSE(layout.edges[2].reversed);
    EXPECT_TRUE(layout.edges[3].reversed) << "the edge closing the loop is drawn upwards";
    EXPECT_EQ(layout.edges[3].points.size(), 3u);
}

TEST(Layout, TwoCycleSharesOnePolyline) {
    Graph g = nodes_of_size(2);
    g.edges = {{0, 1}, {1, 0}};
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_NE(layout.edges[0].reversed, layout.edges[1].reversed);
    std::vector<Point> back = layout.edges[1].points;
    std::reverse(back.begin(), back.end());
    ASSERT_EQ(back.size(), layout.edges[0].points.size());
    for (size_t i = 0; i < back.size(); ++i) {
        EXPECT_DOUBLE_EQ(back[i].x, layout.edges[0].points[i].x);
        EXPECT_DOUBLE_EQ(back[i].y, layout.edges[0].points[i].y);
    }
}

TEST(Layout, SelfLoopIsDrawnBesideItsNode) {
    Graph g = nodes_of_size(3);
    g.edges = {{0, 1}, {1, 1}, {1, 2}};
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_EQ(layout.layers, (std::vector<int>{0, 1, 2}));
    const auto& loop = layout.edges[1].points;
    ASSERT_GE(loop.size(), 3u);
    const double right = layout.centres[1].x + 60;
    EXPECT_GT(std::max_element(loop.begin(), loop.end(), [](Point a, Point b) { return a.x < b.x; })->x, right);
}

TEST(Layout, ParallelEdgesShareTheirRoute) {
    Graph g = nodes_of_size(4);
    g.edges = {{0, 1}, {1, 2}, {2, 3}, {0, 3}, {0, 3}, {0, 1}};
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    ASSERT_EQ(layout.edges[3].points.size(), 4u);
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_DOUBLE_EQ(layout.edges[3].points[i].x, layout.edges[4].points[i].x);
        EXPECT_DOUBLE_EQ(layout.edges[3].points[i].y, layout.edges[4].points[i].y);
    }
    EXPECT_DOUBLE_EQ(layout.edges[0].points[0].x, layout.edges[5].points[0].x);
}

TEST(Layout, DisconnectedComponentsDoNotOverlap) {
    Graph g = chain(6);
    for (uint32_t v = 0; v < 6; ++v) g.nodes.push_back({150, 50});
    for (uint32_t v = 6; v + 1 < 12; ++v) g.edges.push_back({v, v + 1});
    g.nodes.push_back({60, 30});  // isolated
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    expect_one_column(layout, {0, 1, 2, 3, 4, 5});
    expect_one_column(layout, {6, 7, 8, 9, 10, 11});
}

TEST(Layout, EdgeToMissingNodeIsNotDrawn) {
    Graph g = nodes_of_size(2);
    g.edges = {{0, 1}, {0, 7}, {9, 9}};
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_TRUE(layout.edges[1].points.empty());
    EXPECT_TRUE(layout.edges[2].points.empty());
}

TEST(Layout, GapsAndMarginFollowTheOptions) {
    Graph g = nodes_of_size(3, {100, 40});
    g.edges = {{0, 1}, {0, 2}};
    Options options;
    options.node_gap = 50;
    options.layer_gap = 70;
    options.margin = 5;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_DOUBLE_EQ(layout.width, 100 + 50 + 100 + 2 * 5);
    EXPECT_DOUBLE_EQ(layout.height, 40 + 70 + 40 + 2 * 5);
    EXPECT_DOUBLE_EQ(layout.centres[0].x, (layout.centres[1].x + layout.centres[2].x) / 2)
        << "a parent centred over its two children";
}

TEST(Layout, SameGraphGivesTheSameLayout) {
    const Graph g = random_dag(300, 500, 11);
    const Layout a = layout_graph(g);
    const Layout b = layout_graph(g);
    EXPECT_EQ(a.layers, b.layers);
    EXPECT_EQ(a.crossings, b.crossings);
    EXPECT_EQ(a.width, b.width);
    EXPECT_EQ(a.height, b.height);
    for (size_t v = 0; v < g.nodes.size(); ++v) {
        EXPECT_EQ(a.centres[v].x, b.centres[v].x);
        EXPECT_EQ(a.centres[v].y, b.centres[v].y);
    }
    for (size_t e = 0; e < g.edges.size(); ++e) {
        ASSERT_EQ(a.edges[e].points.size(), b.edges[e].points.size());
        for (size_t i = 0; i < a.edges[e].points.size(); ++i) {
            EXPECT_EQ(a.edges[e].points[i].x, b.edges[e].points[i].x);
            EXPECT_EQ(a.edges[e].points[i].y, b.edges[e].points[i].y);
        }
    }
}

// A 10,000-node model-like graph: residual blocks, some with 2-4 parallel branches, some long
// skips. Only sanity here; speed is measured in bench/layout_bench.cpp.
TEST(Layout, TenThousandNodeGraphIsSane) {
    std::mt19937 rng(3);
    Graph g = nodes_of_size(1, {160, 44});
    uint32_t x = 0;
    std::vector<uint32_t> block_outputs;
    auto add_node = [&](uint32_t input) {
        const auto v = static_cast<uint32_t>(g.nodes.size());
        g.nodes.push_back({80.0 + static_cast<double>(rng() % 141), 36.0 + static_cast<double>(rng() % 17)});
        g.edges.push_back({input, v});
        return v;
    };
    while (g.nodes.size() < 10000) {
        const uint32_t branches = 1 + rng() % 4;
        std::vector<uint32_t> ends;
        for (uint32_t b = 0; b < branches; ++b) {
            uint32_t v = x;
            for (uint32_t depth = 1 + rng() % 3; depth > 0; --depth) v = add_node(v);
            ends.push_back(v);
        }
        const auto merge = static_cast<uint32_t>(g.nodes.size());
        g.nodes.push_back({120, 40});
        for (uint32_t e : ends) g.edges.push_back({e, merge});
        if (branches == 1) g.edges.push_back({x, merge});
        if (block_outputs.size() > 20 && rng() % 50 == 0)
            g.edges.push_back({block_outputs[rng() % block_outputs.size()], merge});
        block_outputs.push_back(merge);
        x = merge;
    }
    const Options options;
    const Layout layout = layout_graph(g, options);
    expect_sane(g, layout, options);
    EXPECT_EQ(layout.crossings, brute_force_crossings(g, layout));
}

}  // namespace
}  // namespace litelab::layout
