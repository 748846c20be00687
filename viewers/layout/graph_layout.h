// Layered (Sugiyama-style) layout of a directed graph, drawn top to bottom: nodes are put on
// layers so that edges point down, long edges are split by virtual nodes, node order within each
// layer is chosen to reduce edge crossings, and nodes get coordinates that keep edges short and
// straight. Qt-free, so the graph view, its tests and the benchmarks share it without a GUI.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace litelab::layout {

struct Size {
    double width = 0;
    double height = 0;
    std::size_t crossings = 0;  // edge crossings between adjacent layers (parallel edges
                                // counted once), as computed by the crossing reduction
};

struct Point {
    double x = 0;
    double y = 0;
};

struct Edge {
    uint32_t from = 0;
    uint32_t to = 0;
};

// The graph to lay out: node sizes (indexed by node id) and edges between node ids. Parallel
// edges and self-loops are allowed; cycles are broken by reversing edges. An edge naming a node
// id out of range is not drawn (its route has no points).
struct Graph {
    std::vector<Size> nodes;
    std::vector<Edge> edges;
};

struct Options {
    double layer_gap = 48;    // vertical space between the bottom of one layer and the next
    double node_gap = 24;     // horizontal space between neighbouring nodes of a layer
    double margin = 16;       // around the whole drawing
    int crossing_sweeps = 8;  // down+up barycenter sweeps for crossing reduction; 0 keeps the
                              // initial order (depth-first from the sources), e.g. to compare
};

// One edge's path: a polyline from the bottom centre of its source (or the side it leaves
// from) to the top centre of its target, with a bend at each virtual node it passes. A reversed
// edge runs from the top centre of its source up to the bottom centre of its target; a
// self-loop leaves and re-enters its node on the right side. Parallel edges share a polyline.
struct EdgeRoute {
    std::vector<Point> points;
    bool reversed = false;  // drawn against the layering to break a cycle
};

struct Layout {
    std::vector<Point> centres;    // per node
    std::vector<int> layers;       // per node: 0 at the top
    std::vector<EdgeRoute> edges;  // per input edge, same order
    double width = 0;              // bounding box of the drawing, margins included
    double height = 0;
    std::size_t crossings = 0;  // edge crossings between adjacent layers (parallel edges
                                // counted once), as computed by the crossing reduction
};

// Near-linear in nodes plus edges (plus the virtual nodes of long edges): a 10,000-node model
// takes well under a second. Deterministic: the same graph gives the same layout.
Layout layout_graph(const Graph& graph, const Options& options = {});

}  // namespace litelab::layout
