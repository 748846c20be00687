// Brandes-Koepf coordinate assignment ("Fast and Simple Horizontal Coordinate Assignment", 2001).
// The compaction here is a longest path over the block graph instead of the paper's classes and
// shifts, whose published version is known to be wrong in corner cases (the 2020 erratum by
// Brandes, Walter and Zink); the longest path is simple, linear and always free of overlaps.
#include "viewers/layout/placement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>

namespace litelab::layout::detail {
namespace {

struct Direction {
    bool bottom_up = false;      // align with neighbours in the layer below
    bool right_to_left = false;  // scan layers from the right; compacts to the right
};

bool is_inner(const LayeredGraph& g, uint32_t segment) {
    return g.is_virtual(g.segment_from[segment]) && g.is_virtual(g.segment_to[segment]);
}

// Type 1 conflicts: a segment touching a real node that crosses an inner segment (between two
// virtual nodes). Marked segments never join blocks, so long edges stay straight.
std::vector<bool> mark_type1_conflicts(const LayeredGraph& g) {
    std::vector<bool> marked(g.segment_from.size(), false);
    for (size_t lower = 1; lower < g.order.size(); ++lower) {
        const auto& row = g.order[lower];
        const int64_t upper_size = static_cast<int64_t>(g.order[lower - 1].size());
        int64_t k0 = 0;
        size_t scanned = 0;
        for (size_t i = 0; i < row.size(); ++i) {
            const uint32_t v = row[i];
            const bool inner = g.up.size(v) == 1 && is_inner(g, *g.up.begin(v));
            if (!inner && i + 1 != row.size()) continue;
            const int64_t k1 = inner ? g.position[g.segment_from[*g.up.begin(v)]] : upper_size - 1;
            for (; scanned <= i; ++scanned) {
                const uint32_t w = row[scanned];
                for (const uint32_t* s = g.up.begin(w); s != g.up.end(w); ++s) {
                    const int64_t k = g.position[g.segment_from[*s]];
                    if ((k < k0 || k > k1) && !is_inner(g, *s)) marked[*s] = true;
                }
            }
            k0 = k1;
        }
    }
    return marked;
}

class OneDirection {
public:
    OneDirection(const LayeredGraph& g, const std::vector<bool>& marked, const std::vector<double>& width,
                 double node_gap, Direction direction)
        : g_(g),
          marked_(marked),
          width_(width),
          node_gap_(node_gap),
          d_(direction),
          toward_(direction.bottom_up ? g.down : g.up),
          away_(direction.bottom_up ? g.up : g.down),
          far_end_(direction.bottom_up ? g.segment_to : g.segment_from) {}

    // Centre x per node, compacted towards the scan's starting side.
    std::vector<double> place() {
        align();
        std::vector<double> x = compact();
        if (d_.right_to_left)
            for (double& value : x) value = -value;
        return x;
    }

private:
    int64_t scan_position(uint32_t v) const {
        const uint32_t p = g_.position[v];
        return d_.right_to_left ? static_cast<int64_t>(g_.order[static_cast<size_t>(g_.layer[v])].size()) - 1 - p : p;
    }
    uint32_t at_scan_position(const std::vector<uint32_t>& row, size_t k) const {
        return d_.right_to_left ? row[row.size() - 1 - k] : row[k];
    }
    // A real node whose only segment leads to the node being aligned, like a weight or a
    // constant input: aligning with it would bend the node's main input edge instead.
    bool is_leaf(uint32_t u) const { return !g_.is_virtual(u) && toward_.size(u) == 0 && away_.size(u) == 1; }

    void align() {
        const uint32_t n = g_.node_count();
        root_.resize(n);
        align_.resize(n);
        std::iota(root_.begin(), root_.end(), 0u);
        std::iota(align_.begin(), align_.end(), 0u);
        std::vector<uint32_t> candidates;
        const size_t layers = g_.order.size();
        for (size_t step = 1; step < layers; ++step) {
            const auto& row = g_.order[d_.bottom_up ? layers - 1 - step : step];
            int64_t claimed = -1;  // scan position of the rightmost neighbour aligned so far
            for (size_t k = 0; k < row.size(); ++k) {
                const uint32_t v = at_scan_position(row, k);
                candidates.clear();
                for (const uint32_t* s = toward_.begin(v); s != toward_.end(v); ++s)
                    if (!is_leaf(far_end_[*s])) candidates.push_back(*s);
                if (candidates.empty()) candidates.assign(toward_.begin(v), toward_.end(v));
                if (candidates.empty()) continue;
                if (d_.right_to_left) std::reverse(candidates.begin(), candidates.end());
                const size_t m = candidates.size();
                for (size_t median : {(m - 1) / 2, m / 2}) {
                    if (align_[v] != v) break;
                    const uint32_t s = candidates[median];
                    const uint32_t u = far_end_[s];
                    if (marked_[s] || scan_position(u) <= claimed) continue;
                    align_[u] = v;
                    root_[v] = root_[u];
                    align_[v] = root_[v];
                    claimed = scan_position(u);
                }
            }
        }
    }

    double separation(uint32_t a, uint32_t b) const {
        const double gap = g_.is_virtual(a) && g_.is_virtual(b) ? node_gap_ / 2 : node_gap_;
        return (width_[a] + width_[b]) / 2 + gap;
    }

    // Longest path over the blocks: each block as close to the starting side as its left
    // neighbours in every layer it spans allow. Blocks never cross, so the block graph is acyclic.
    std::vector<double> compact() const {
        const uint32_t n = g_.node_count();
        std::vector<std::pair<uint32_t, uint32_t>> from_constraint;
        std::vector<std::pair<uint32_t, double>> constraints;  // right block, separation
        for (const auto& row : g_.order) {
            for (size_t k = 1; k < row.size(); ++k) {
                const uint32_t a = at_scan_position(row, k - 1);
                const uint32_t b = at_scan_position(row, k);
                from_constraint.emplace_back(root_[a], static_cast<uint32_t>(constraints.size()));
                constraints.emplace_back(root_[b], separation(a, b));
            }
        }
        const Adjacency right_of = group_by(n, from_constraint);
        std::vector<uint32_t> missing(n, 0);
        for (const auto& c : constraints) ++missing[c.first];
        std::vector<double> block_x(n, 0);
        std::vector<uint32_t> ready;
        for (uint32_t v = 0; v < n; ++v)
            if (root_[v] == v && missing[v] == 0) ready.push_back(v);
        for (size_t i = 0; i < ready.size(); ++i) {
            const uint32_t block = ready[i];
            for (const uint32_t* c = right_of.begin(block); c != right_of.end(block); ++c) {
                const auto& [right, gap] = constraints[*c];
                block_x[right] = std::max(block_x[right], block_x[block] + gap);
                if (--missing[right] == 0) ready.push_back(right);
            }
        }
        std::vector<double> x(n);
        for (uint32_t v = 0; v < n; ++v) x[v] = block_x[root_[v]];
        return x;
    }

    const LayeredGraph& g_;
    const std::vector<bool>& marked_;
    const std::vector<double>& width_;
    double node_gap_;
    Direction d_;
    const Adjacency& toward_;
    const Adjacency& away_;
    const std::vector<uint32_t>& far_end_;
    std::vector<uint32_t> root_;
    std::vector<uint32_t> align_;
};

// Horizontal run of all segments, weighted so that edges between two real nodes (a model's
// main path) and the inner parts of long edges stay straight before the ends of long edges:
// a residual block then keeps its convolutions in a column and bends its skip edge.
double bend(const LayeredGraph& g, const std::vector<double>& x) {
    double total = 0;
    for (uint32_t s = 0; s < g.segment_from.size(); ++s) {
        const uint32_t a = g.segment_from[s];
        const uint32_t b = g.segment_to[s];
        const double weight = g.is_virtual(a) == g.is_virtual(b) ? 2 : 1;
        total += weight * std::abs(x[a] - x[b]);
    }
    return total;
}

}  // namespace

std::vector<double> place_horizontally(const LayeredGraph& g, const std::vector<double>& width, double node_gap) {
    const uint32_t n = g.node_count();
    if (n == 0) return {};
    const std::vector<bool> marked = mark_type1_conflicts(g);
    constexpr std::array<Direction, 4> kDirections = {Direction{false, false}, Direction{false, true},
                                                      Direction{true, false}, Direction{true, true}};
    std::array<std::vector<double>, 4> candidates;
    std::array<double, 4> low{};
    std::array<double, 4> high{};
    size_t narrowest = 0;
    for (size_t i = 0; i < kDirections.size(); ++i) {
        candidates[i] = OneDirection(g, marked, width, node_gap, kDirections[i]).place();
        const auto [lo, hi] = std::minmax_element(candidates[i].begin(), candidates[i].end());
        low[i] = *lo;
        high[i] = *hi;
        if (high[i] - low[i] < high[narrowest] - low[narrowest]) narrowest = i;
    }
    // Align the four to the narrowest (left-compacted ones by their left side, right-compacted
    // ones by their right side), then take the mean of the two medians: the order statistics of
    // layouts that each keep every separation keep it too, so the result has no overlaps.
    for (size_t i = 0; i < kDirections.size(); ++i) {
        const double shift = kDirections[i].right_to_left ? high[narrowest] - high[i] : low[narrowest] - low[i];
        for (double& value : candidates[i]) value += shift;
    }
    std::vector<double> balanced(n);
    for (uint32_t v = 0; v < n; ++v) {
        std::array<double, 4> values = {candidates[0][v], candidates[1][v], candidates[2][v], candidates[3][v]};
        std::sort(values.begin(), values.end());
        balanced[v] = (values[1] + values[2]) / 2;
    }
    // The balanced layout is centred but can bend a main path that two alignments kept straight
    // (a residual block: one alignment keeps the convolutions in a column, another the skip
    // edge). Keep whichever of the five bends the edges least.
    std::vector<double>* best = &balanced;
    double best_bend = bend(g, balanced);
    for (auto& candidate : candidates) {
        const double candidate_bend = bend(g, candidate);
        if (candidate_bend < best_bend - 1e-9 * (1 + best_bend)) {
            best_bend = candidate_bend;
            best = &candidate;
        }
    }
    return std::move(*best);
}

}  // namespace litelab::layout::detail
