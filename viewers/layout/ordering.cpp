// Layer-by-layer barycenter sweeps with a crossing count after each, plus the adjacent-transpose
// refinement. Everything here is O(E log V) per sweep so 10,000-operator models stay interactive.
#include "viewers/layout/ordering.h"

#include <algorithm>
#include <utility>

namespace litelab::layout::detail {
namespace {

// Counts pairs of segments between layer `upper` and the next one that cross.
size_t count_crossings_below(const LayeredGraph& g, size_t upper, std::vector<uint32_t>& tree) {
    const size_t lower_size = g.order[upper + 1].size();
    tree.assign(lower_size + 1, 0);
    size_t inserted = 0;
    size_t crossings = 0;
    // Segments in order of upper end, then lower end (the down lists are sorted by position);
    // each crosses every earlier segment whose lower end lies strictly further right.
    for (uint32_t v : g.order[upper]) {
        for (const uint32_t* s = g.down.begin(v); s != g.down.end(v); ++s) {
            const size_t p = g.position[g.segment_to[*s]] + 1;
            size_t not_right = 0;
            for (size_t i = p; i > 0; i -= i & (~i + 1)) not_right += tree[i];
            crossings += inserted - not_right;
            for (size_t i = p; i <= lower_size; i += i & (~i + 1)) ++tree[i];
            ++inserted;
        }
    }
    return crossings;
}

// Reorders one layer by the mean position of each node's neighbours in the adjacent layer that
// was just fixed; nodes without such neighbours keep their places.
void order_by_barycenter(LayeredGraph& g, size_t layer, bool use_upper, std::vector<std::pair<double, uint32_t>>& keyed,
                         std::vector<bool>& fixed) {
    auto& row = g.order[layer];
    keyed.clear();
    fixed.assign(row.size(), false);
    for (uint32_t i = 0; i < row.size(); ++i) {
        const uint32_t v = row[i];
        const Adjacency& adjacency = use_upper ? g.up : g.down;
        const auto& other_end = use_upper ? g.segment_from : g.segment_to;
        if (adjacency.size(v) == 0) {
            fixed[i] = true;
            continue;
        }
        double sum = 0;
        for (const uint32_t* s = adjacency.begin(v); s != adjacency.end(v); ++s) sum += g.position[other_end[*s]];
        keyed.emplace_back(sum / adjacency.size(v), v);
    }
    // Ties keep the current order (stable), which makes repeated sweeps converge.
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t next = 0;
    for (uint32_t i = 0; i < row.size(); ++i) {
        if (fixed[i]) continue;
        row[i] = keyed[next++].second;
        g.position[row[i]] = i;
    }
}

// Crossings among the segments of u and v towards one adjacent layer, with u left of v
// (.first) and with v left of u (.second).
std::pair<size_t, size_t> pair_crossings(const LayeredGraph& g, const Adjacency& adjacency,
                                         const std::vector<uint32_t>& other_end, uint32_t u, uint32_t v) {
    size_t u_first = 0;
    size_t v_first = 0;
    for (const uint32_t* a = adjacency.begin(u); a != adjacency.end(u); ++a) {
        const uint32_t pa = g.position[other_end[*a]];
        for (const uint32_t* b = adjacency.begin(v); b != adjacency.end(v); ++b) {
            const uint32_t pb = g.position[other_end[*b]];
            u_first += pa > pb;
            v_first += pa < pb;
        }
    }
    return {u_first, v_first};
}

// Swaps neighbours within layers while that strictly reduces crossings. Pairs of nodes with
// very many segments are skipped: their exact count would be quadratic, and such hubs rarely
// gain from a local swap.
void transpose(LayeredGraph& g, int max_rounds) {
    constexpr size_t kMaxPairWork = 4096;
    for (int round = 0; round < max_rounds; ++round) {
        bool improved = false;
        for (auto& row : g.order) {
            for (size_t i = 0; i + 1 < row.size(); ++i) {
                const uint32_t u = row[i];
                const uint32_t v = row[i + 1];
                const size_t work = size_t{g.up.size(u)} * g.up.size(v) + size_t{g.down.size(u)} * g.down.size(v);
                if (work == 0 || work > kMaxPairWork) continue;
                const auto above = pair_crossings(g, g.up, g.segment_from, u, v);
                const auto below = pair_crossings(g, g.down, g.segment_to, u, v);
                if (above.second + below.second < above.first + below.first) {
                    std::swap(row[i], row[i + 1]);
                    g.position[u] = static_cast<uint32_t>(i + 1);
                    g.position[v] = static_cast<uint32_t>(i);
                    improved = true;
                }
            }
        }
        if (!improved) break;
    }
}

}  // namespace

size_t count_crossings(const LayeredGraph& g) {
    std::vector<uint32_t> tree;
    size_t crossings = 0;
    for (size_t l = 0; l + 1 < g.order.size(); ++l) crossings += count_crossings_below(g, l, tree);
    return crossings;
}

size_t reduce_crossings(LayeredGraph& g, int sweeps) {
    g.sort_adjacency_by_position();
    size_t best = count_crossings(g);
    std::vector<std::vector<uint32_t>> best_order = g.order;
    std::vector<std::pair<double, uint32_t>> keyed;
    std::vector<bool> fixed;
    auto keep_if_better = [&]() {
        g.sort_adjacency_by_position();
        const size_t crossings = count_crossings(g);
        if (crossings < best) {
            best = crossings;
            best_order = g.order;
        }
    };
    for (int sweep = 0; sweep < sweeps && best > 0; ++sweep) {
        for (size_t l = 1; l < g.order.size(); ++l) order_by_barycenter(g, l, true, keyed, fixed);
        transpose(g, 1);
        keep_if_better();
        for (size_t l = g.order.size(); l-- > 1;) order_by_barycenter(g, l - 1, false, keyed, fixed);
        transpose(g, 1);
        keep_if_better();
    }
    if (sweeps > 0 && best > 0) {
        g.order = std::move(best_order);
        g.index_positions();
        transpose(g, 8);
        g.sort_adjacency_by_position();
        best = count_crossings(g);
    } else {
        g.order = std::move(best_order);
        g.index_positions();
        g.sort_adjacency_by_position();
    }
    return best;
}

}  // namespace litelab::layout::detail
