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
// edges and self-loops are allowed; cycles are broken by reversing edges.
struct Graph {
    std::vector<Size> nodes;
    std::vector<Edge> edges;
};

struct Options {
    double layer_gap = 48;   // vertical space between the bottom of one layer and the next
    double node_gap = 24;    // horizontal space between neighbouring nodes of a layer
    double margin = 16;      // around the whole drawing
    int crossing_sweeps = 8; // down+up barycenter sweeps for crossing reduction
};

// One edge's path: a polyline from the bottom centre of its source (or the side it leaves
// from) to the top centre of its target, with a bend at each virtual node it passes.
struct EdgeRoute {
    std::vector<Point> points;
    bool reversed = false;  // drawn against the layering to break a cycle
};

struct Layout {
    std::vector<Point> centres;         // per node
    std::vector<int> layers;            // per node: 0 at the top
    std::vector<EdgeRoute> edges;       // per input edge, same order
    double width = 0;                   // bounding box of the drawing, margins included
    double height = 0;
};

Layout layout_graph(const Graph& graph, const Options& options = {});

}  // namespace litelab::layout
