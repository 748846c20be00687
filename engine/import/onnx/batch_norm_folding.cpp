#include "import/onnx/batch_norm_folding.h"

#include <cmath>
#include <map>

namespace litelab::onnx {

namespace {

const OnnxTensor* initializer(const OnnxGraph& graph, const std::string& name) {
    const auto it = graph.initializers.find(name);
    return it == graph.initializers.end() || !it->second.is_float() ? nullptr : &it->second;
}

bool is_training(const OnnxNode& bn) {
    return bn.int_attr("training_mode", 0) != 0 || bn.outputs.size() > 1 || bn.int_attr("is_test", 1) == 0;
}

}  // namespace

int fold_batch_norms(OnnxGraph& graph) {
    std::map<std::string, int> readers;
    for (const auto& node : graph.nodes) {
        for (const auto& in : node.inputs) ++readers[in];
    }
    for (const auto& out : graph.outputs) ++readers[out.name];
    std::map<std::string, size_t> producer;
    for (size_t k = 0; k < graph.nodes.size(); ++k) {
        for (const auto& out : graph.nodes[k].outputs) producer[out] = k;
    }

    int folded = 0;
    std::vector<bool> removed(graph.nodes.size(), false);
    for (size_t k = 0; k < graph.nodes.size(); ++k) {
        const OnnxNode& bn = graph.nodes[k];
        if (bn.op_type != "BatchNormalization" || bn.inputs.size() < 5 || is_training(bn)) continue;
        const auto p = producer.find(bn.inputs[0]);
        if (p == producer.end() || readers[bn.inputs[0]] != 1) continue;
        OnnxNode& conv = graph.nodes[p->second];
        if (conv.op_type != "Conv" || conv.inputs.size() < 2) continue;
        const OnnxTensor* w = initializer(graph, conv.inputs[1]);
        const OnnxTensor* scale = initializer(graph, bn.inputs[1]);
        const OnnxTensor* shift = initializer(graph, bn.inputs[2]);
        const OnnxTensor* mean = initializer(graph, bn.inputs[3]);
        const OnnxTensor* var = initializer(graph, bn.inputs[4]);
        const OnnxTensor* b = conv.has_input(2) ? initializer(graph, conv.inputs[2]) : nullptr;
        if (!w || !scale || !shift || !mean || !var || (conv.has_input(2) && !b) || w->dims.empty()) continue;
        const int64_t channels = w->dims[0];
        if (scale->size() != channels || shift->size() != channels || mean->size() != channels ||
            var->size() != channels || (b && b->size() != channels) || readers[conv.inputs[1]] != 1) {
            continue;
        }
        const float epsilon = bn.float_attr("epsilon", 1e-5f);
        OnnxTensor new_w = *w;
        OnnxTensor new_b = float_tensor({channels}, std::vector<float>(static_cast<size_t>(channels)));
        const int64_t per_channel = w->size() / channels;
        for (int64_t c = 0; c < channels; ++c) {
            const auto ci = static_cast<size_t>(c);
            const float s = scale->floats[ci] / std::sqrt(var->floats[ci] + epsilon);
            for (int64_t i = 0; i < per_channel; ++i) new_w.floats[static_cast<size_t>(c * per_channel + i)] *= s;
            new_b.floats[ci] = ((b ? b->floats[ci] : 0.0f) - mean->floats[ci]) * s + shift->floats[ci];
        }
        const std::string w_name = conv.inputs[1] + "_bn_folded";
        const std::string b_name = (conv.has_input(2) ? conv.inputs[2] : conv.inputs[1]) + "_bn_folded_bias";
        graph.initializers[w_name] = std::move(new_w);
        graph.initializers[b_name] = std::move(new_b);
        conv.inputs.resize(3);
        conv.inputs[1] = w_name;
        conv.inputs[2] = b_name;
        conv.outputs[0] = bn.outputs[0];
        removed[k] = true;
        ++folded;
    }
    if (folded == 0) return 0;
    std::vector<OnnxNode> kept;
    for (size_t k = 0; k < graph.nodes.size(); ++k) {
        if (!removed[k]) kept.push_back(std::move(graph.nodes[k]));
    }
    graph.nodes = std::move(kept);
    return folded;
}

}  // namespace litelab::onnx
