#include "import/onnx/gelu_pattern.h"

#include <cmath>
#include <map>
#include <optional>

namespace litelab::onnx {

namespace {

struct GraphIndex {
    std::map<std::string, size_t> producer;
    std::map<std::string, std::vector<size_t>> readers;
    std::map<std::string, bool> is_output;
};

GraphIndex index_of(const OnnxGraph& g) {
    GraphIndex index;
    for (size_t k = 0; k < g.nodes.size(); ++k) {
        for (const auto& out : g.nodes[k].outputs) index.producer[out] = k;
        for (const auto& in : g.nodes[k].inputs) index.readers[in].push_back(k);
    }
    for (const auto& out : g.outputs) index.is_output[out.name] = true;
    return index;
}

// The scalar value of a constant (initializer or Constant node), if it is one.
std::optional<double> scalar(const OnnxGraph& g, const GraphIndex& index, const std::string& name) {
    if (const auto it = g.initializers.find(name); it != g.initializers.end()) {
        if (it->second.size() == 1 && it->second.is_float()) return it->second.floats[0];
        return std::nullopt;
    }
    const auto p = index.producer.find(name);
    if (p == index.producer.end()) return std::nullopt;
    const OnnxNode& n = g.nodes[p->second];
    if (n.op_type != "Constant" || !n.has("value") || !n.attributes.at("value").t) return std::nullopt;
    const OnnxTensor& t = *n.attributes.at("value").t;
    if (t.size() != 1 || !t.is_float()) return std::nullopt;
    return t.floats[0];
}

bool near(std::optional<double> v, double expected) {
    return v && std::fabs(*v - expected) <= 1e-4 * std::fabs(expected);
}

// For a binary node with one scalar operand equal to `value`: the other operand.
std::optional<std::string> other_than_scalar(const OnnxGraph& g, const GraphIndex& index, const OnnxNode& n,
                                             double value) {
    if (n.inputs.size() != 2) return std::nullopt;
    if (near(scalar(g, index, n.inputs[1]), value)) return n.inputs[0];
    if (near(scalar(g, index, n.inputs[0]), value)) return n.inputs[1];
    return std::nullopt;
}

// The only reader of `name` (nullopt when several nodes or the graph output read it).
std::optional<size_t> only_reader(const GraphIndex& index, const std::string& name) {
    const auto it = index.readers.find(name);
    if (it == index.readers.end() || it->second.size() != 1 || index.is_output.count(name)) return std::nullopt;
    return it->second[0];
}

}  // namespace

int fuse_gelu_patterns(OnnxGraph& g) {
    const double root2 = std::sqrt(2.0);
    int fused = 0;
    std::vector<bool> removed(g.nodes.size(), false);
    GraphIndex index = index_of(g);
    for (size_t k = 0; k < g.nodes.size(); ++k) {
        const OnnxNode& erf = g.nodes[k];
        if (erf.op_type != "Erf" || removed[k] || erf.inputs.size() != 1) continue;
        // x / sqrt(2) or x * (1 / sqrt(2)) feeding the Erf, read by nothing else.
        const auto scale_at = index.producer.find(erf.inputs[0]);
        if (scale_at == index.producer.end() || !only_reader(index, erf.inputs[0])) continue;
        const OnnxNode& scale = g.nodes[scale_at->second];
        std::optional<std::string> x;
        if (scale.op_type == "Div" && scale.inputs.size() == 2 && near(scalar(g, index, scale.inputs[1]), root2))
            x = scale.inputs[0];
        if (scale.op_type == "Mul") x = other_than_scalar(g, index, scale, 1.0 / root2);
        if (!x) continue;
        // erf + 1
        const auto add_at = only_reader(index, erf.outputs[0]);
        if (!add_at || g.nodes[*add_at].op_type != "Add" || !other_than_scalar(g, index, g.nodes[*add_at], 1.0))
            continue;
        const std::string& one_plus = g.nodes[*add_at].outputs[0];
        // Either (x * (1 + erf)) * 0.5, or (x * 0.5) * (1 + erf).
        const auto mul_at = only_reader(index, one_plus);
        if (!mul_at || g.nodes[*mul_at].op_type != "Mul" || g.nodes[*mul_at].inputs.size() != 2) continue;
        const OnnxNode& mul = g.nodes[*mul_at];
        const std::string other = mul.inputs[0] == one_plus ? mul.inputs[1] : mul.inputs[0];
        size_t last, half_node = SIZE_MAX;
        if (other == *x) {
            const auto half_at = only_reader(index, mul.outputs[0]);
            if (!half_at || g.nodes[*half_at].op_type != "Mul" || !other_than_scalar(g, index, g.nodes[*half_at], 0.5))
                continue;
            last = *half_at;
            half_node = *half_at;
        } else {
            const auto half_at = index.producer.find(other);
            if (half_at == index.producer.end() || !only_reader(index, other)) continue;
            const OnnxNode& half = g.nodes[half_at->second];
            if (half.op_type != "Mul" || other_than_scalar(g, index, half, 0.5) != x) continue;
            last = *mul_at;
            half_node = half_at->second;
        }
        // The fused node takes the place of the last one, so everything reading y stays after it.
        OnnxNode gelu;
        gelu.op_type = "Gelu";
        gelu.name = erf.name.empty() ? g.nodes[last].name : erf.name;
        gelu.inputs = {*x};
        gelu.outputs = {g.nodes[last].outputs[0]};
        for (size_t r : {scale_at->second, k, *add_at, *mul_at, half_node}) removed[r] = true;
        removed[last] = false;
        g.nodes[last] = gelu;
        ++fused;
        index = index_of(g);
    }
    if (fused == 0) return 0;
    std::vector<OnnxNode> kept;
    for (size_t k = 0; k < g.nodes.size(); ++k) {
        if (!removed[k]) kept.push_back(std::move(g.nodes[k]));
    }
    g.nodes = std::move(kept);
    return fused;
}

}  // namespace litelab::onnx
