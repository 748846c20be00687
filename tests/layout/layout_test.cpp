// Behaviour of the layered graph layout, checked against hand-computed expectations.
#include <gtest/gtest.h>

#include "viewers/layout/graph_layout.h"

namespace litelab::layout {
namespace {

TEST(Layout, ChainPointsDown) {
    Graph g;
    g.nodes = {{100, 40}, {100, 40}, {100, 40}};
    g.edges = {{0, 1}, {1, 2}};
    const Layout l = layout_graph(g);
    EXPECT_EQ(l.layers, (std::vector<int>{0, 1, 2}));
}

}  // namespace
}  // namespace litelab::layout
