// Speed and memory of the layered graph layout on generated, seeded model-like graphs: a small
// CNN, and 5,000 / 10,000 operators of residual blocks with inception-like branches and long
// skips. The GUI's budget is 4 s and 400 MB for a 10,000-operator model including drawing setup;
// the layout's share should stay under 1 s. Counters: crossings before (initial order) and after
// the crossing reduction, and the process's peak resident memory (VmHWM).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "peak_memory.h"
#include "viewers/layout/graph_layout.h"

namespace {

using litelab::layout::Graph;

class ModelGraphBuilder {
public:
    explicit ModelGraphBuilder(uint32_t seed) : rng_(seed) {}

    // An operator reading `input`, sometimes with a weight node as a second input.
    uint32_t op(uint32_t input) {
        const uint32_t v = node();
        graph_.edges.push_back({input, v});
        if (rng_() % 4 == 0) graph_.edges.push_back({node(), v});
        return v;
    }
    uint32_t chain(uint32_t input, uint32_t length) {
        for (; length > 0; --length) input = op(input);
        return input;
    }
    uint32_t merge(const std::vector<uint32_t>& inputs) {
        const uint32_t v = node();
        for (uint32_t input : inputs) graph_.edges.push_back({input, v});
        return v;
    }
    uint32_t node() {
        graph_.nodes.push_back({80.0 + static_cast<double>(rng_() % 141), 36.0 + static_cast<double>(rng_() % 17)});
        return static_cast<uint32_t>(graph_.nodes.size() - 1);
    }
    uint32_t random(uint32_t below) { return static_cast<uint32_t>(rng_() % below); }
    size_t size() const { return graph_.nodes.size(); }
    Graph take() { return std::move(graph_); }

private:
    std::mt19937 rng_;
    Graph graph_;
};

// Input, conv/relu/pool stages, a dense head: about 100 nodes with the weight inputs.
Graph make_cnn() {
    ModelGraphBuilder b(1);
    uint32_t x = b.node();
    while (b.size() < 90) x = b.chain(x, 3);
    b.chain(x, 4);
    return b.take();
}

// Residual blocks (a chain of 2-3 operators plus the identity), inception-like blocks (2-4
// parallel branches of 1-3 operators joined by a concatenation) and, now and then, a skip from an
// earlier block's output far down the graph.
Graph make_residual_network(size_t nodes, uint32_t seed) {
    ModelGraphBuilder b(seed);
    uint32_t x = b.node();
    std::vector<uint32_t> outputs;
    while (b.size() < nodes) {
        std::vector<uint32_t> inputs;
        if (b.random(3) == 0) {
            for (uint32_t branch = 2 + b.random(3); branch > 0; --branch) inputs.push_back(b.chain(x, 1 + b.random(3)));
        } else {
            inputs = {b.chain(x, 2 + b.random(2)), x};
        }
        if (outputs.size() > 8 && b.random(40) == 0)
            inputs.push_back(outputs[b.random(static_cast<uint32_t>(outputs.size()))]);
        x = b.merge(inputs);
        outputs.push_back(x);
    }
    return b.take();
}

void run(benchmark::State& state, const Graph& graph) {
    litelab::layout::Options unordered;
    unordered.crossing_sweeps = 0;
    const size_t crossings_before = litelab::layout::layout_graph(graph, unordered).crossings;
    size_t crossings_after = 0;
    for (auto _ : state) {
        const auto layout = litelab::layout::layout_graph(graph);
        crossings_after = layout.crossings;
        benchmark::DoNotOptimize(layout.centres.data());
    }
    state.counters["nodes"] = static_cast<double>(graph.nodes.size());
    state.counters["edges"] = static_cast<double>(graph.edges.size());
    state.counters["crossings_before"] = static_cast<double>(crossings_before);
    state.counters["crossings_after"] = static_cast<double>(crossings_after);
    state.counters["peak_resident_MB"] = litelab::bench::peak_resident_mb();
}

void BM_LayoutCnn100(benchmark::State& state) {
    run(state, make_cnn());
}
void BM_LayoutResidual(benchmark::State& state) {
    run(state, make_residual_network(static_cast<size_t>(state.range(0)), 42));
}

BENCHMARK(BM_LayoutCnn100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LayoutResidual)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
