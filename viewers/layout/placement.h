// Horizontal coordinates, the fourth step of the layered layout (after layering and ordering).
#pragma once

#include <vector>

#include "viewers/layout/layered_graph.h"

namespace litelab::layout::detail {

// Brandes and Koepf's placement: four vertical alignments (up/down x left/right) join nodes into
// straight blocks with a median neighbour, each alignment is compacted as far as the node widths
// and gaps allow, and every node takes the average of its two median candidate positions. Long
// edges' inner segments win conflicts, so long edges run straight; a chain is one straight column.
// `width` is per node (virtual nodes too, usually 0). Returns the centre x of every node. O(V + E).
std::vector<double> place_horizontally(const LayeredGraph& graph, const std::vector<double>& width, double node_gap);

}  // namespace litelab::layout::detail
