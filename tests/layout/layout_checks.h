// Independent checks of a layout for the tests: geometry invariants and a brute-force crossing
// counter that looks only at the routes, not at the layout's internal order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

#include "viewers/layout/graph_layout.h"

namespace litelab::layout::testing {

// Adds GoogleTest failures for every broken invariant: edges point down (or up when reversed),
// routes start and end on the right borders, nodes of a layer share a middle line, keep the
// node gap and layer gap, and everything lies inside the bounding box minus the margin.
void expect_sane(const Graph& graph, const Layout& layout, const Options& options);

// Crossings of route segments between adjacent layers, O(E^2) over all pairs of segments in the
// same band. Parallel edges (and an edge with its reversed twin) are counted once.
size_t brute_force_crossings(const Graph& graph, const Layout& layout);

// A random DAG: `n` nodes of text-box sizes, `m` distinct edges from lower to higher ids.
Graph random_dag(uint32_t n, uint32_t m, uint32_t seed);

}  // namespace litelab::layout::testing
