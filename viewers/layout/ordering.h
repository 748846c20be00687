// Crossing reduction, the third step of the layered layout: the order of nodes within each layer.
#pragma once

#include <cstddef>

#include "viewers/layout/layered_graph.h"

namespace litelab::layout::detail {

// Edge crossings between all pairs of adjacent layers in the current order: segments sharing an
// end node do not cross. O(E log V) (Barth, Juenger and Mutzel's accumulator tree, here a
// Fenwick tree). Needs the adjacency sorted by position.
size_t count_crossings(const LayeredGraph& graph);

// Barycenter sweeps down and up (`sweeps` of each), keeping the best order seen, then swaps of
// neighbours while that removes crossings. Leaves the adjacency sorted by position and returns
// the crossings of the chosen order. With sweeps == 0 the initial order is kept as it is.
size_t reduce_crossings(LayeredGraph& graph, int sweeps);

}  // namespace litelab::layout::detail
