#include "import/keras/keras_lowering.h"

#include <cmath>

#include "import/keras/layer_config.h"

namespace litelab {

Error LayerCall::error(const std::string& what, ErrorCode code) const {
    return make_error(code, "layer '" + layer.name + "' (" + layer.class_name + "): " + what);
}

Error LayerCall::wrap(const Error& failure) const {
    if (failure.message.rfind("layer '", 0) == 0) return failure;
    return error(failure.message, failure.code);
}

Result<std::vector<int32_t>> KerasLowering::lower_model(const KerasModelConfig& model, const std::vector<int32_t>& inputs) {
    return lower_in_scope(model, inputs, Scope{});
}

WeightLocation KerasLowering::location(const Frame& frame, const KerasLayer& layer) const {
    WeightLocation where;
    where.group = frame.scope.group.empty() ? layer.name : frame.scope.group;
    const auto it = frame.keras3_names.find(&layer);
    const std::string own = it == frame.keras3_names.end() ? keras3_snake_case(layer.class_name) : it->second;
    where.keras3_path = (frame.scope.keras3_path.empty() ? "layers/" : frame.scope.keras3_path + "/layers/") + own;
    return where;
}

Result<std::vector<int32_t>> KerasLowering::lower_in_scope(const KerasModelConfig& model, const std::vector<int32_t>& inputs,
                                                           const Scope& scope) {
    if (inputs.size() != model.inputs.size())
        return make_error(ErrorCode::kInvalid, "model '" + model.name + "' takes " + std::to_string(model.inputs.size()) +
                                                   " inputs, it is called with " + std::to_string(inputs.size()));
    Frame frame;
    frame.model = &model;
    frame.scope = scope;
    // Keras 3 names saved layers by class, counting within their container; a Sequential's
    // InputLayer is not one of its layers.
    std::map<std::string, int> used;
    for (const KerasLayer& layer : model.layers) {
        if (model.class_name == "Sequential" && layer.class_name == "InputLayer") continue;
        const std::string base = keras3_snake_case(layer.class_name);
        auto [it, fresh] = used.emplace(base, 0);
        if (!fresh) ++it->second;
        frame.keras3_names[&layer] = fresh ? base : base + "_" + std::to_string(it->second);
    }
    for (const KerasLayer& layer : model.layers)
        for (size_t n = 0; n < layer.nodes.size(); ++n)
            for (const KerasTensorRef& ref : layer.nodes[n].inputs) frame.readers[ref].push_back({&layer, static_cast<int>(n)});
    for (const KerasTensorRef& ref : model.outputs) frame.outputs.insert(ref);

    std::map<KerasTensorRef, int32_t> values;
    for (size_t i = 0; i < inputs.size(); ++i) values[model.inputs[i]] = inputs[i];

    frames_.push_back(&frame);
    struct PopFrame {
        std::vector<Frame*>& frames;
        ~PopFrame() { frames.pop_back(); }
    } pop{frames_};

    // Calls run when their inputs are ready; Keras writes layers in dependency order, so one
    // pass normally suffices, and a call that never becomes ready reads a missing tensor.
    std::vector<std::pair<const KerasLayer*, int>> pending;
    for (const KerasLayer& layer : model.layers)
        for (size_t n = 0; n < layer.nodes.size(); ++n) pending.push_back({&layer, static_cast<int>(n)});
    while (!pending.empty()) {
        std::vector<std::pair<const KerasLayer*, int>> waiting;
        for (const auto& [layer, node] : pending) {
            std::vector<int32_t> ins;
            bool ready = true;
            for (const KerasTensorRef& ref : layer->nodes[static_cast<size_t>(node)].inputs) {
                const auto it = values.find(ref);
                if (it == values.end()) {
                    ready = false;
                    break;
                }
                ins.push_back(it->second);
            }
            if (!ready) {
                waiting.push_back({layer, node});
                continue;
            }
            auto outs = lower_call(frame, *layer, node, std::move(ins));
            if (!outs) return outs.error();
            for (size_t t = 0; t < outs->size(); ++t) values[{layer->name, node, static_cast<int>(t)}] = (*outs)[t];
        }
        if (waiting.size() == pending.size()) {
            const auto& [layer, node] = waiting.front();
            for (const KerasTensorRef& ref : layer->nodes[static_cast<size_t>(node)].inputs)
                if (!values.count(ref))
                    return make_error(ErrorCode::kInvalid, "layer '" + layer->name + "' reads output " +
                                                               std::to_string(ref.tensor) + " of call " +
                                                               std::to_string(ref.node) + " of '" + ref.layer +
                                                               "', which the model does not compute");
        }
        pending = std::move(waiting);
    }

    std::vector<int32_t> outputs;
    for (const KerasTensorRef& ref : model.outputs) {
        const auto it = values.find(ref);
        if (it == values.end())
            return make_error(ErrorCode::kInvalid, "model '" + model.name + "' outputs '" + ref.layer +
                                                       "', which it does not compute");
        outputs.push_back(it->second);
    }
    return outputs;
}

Result<std::vector<int32_t>> KerasLowering::lower_call(Frame& frame, const KerasLayer& layer, int node,
                                                       std::vector<int32_t> inputs) {
    if (layer.model) {
        Scope inner;
        inner.prefix = frame.scope.prefix + layer.name + "/";
        inner.group = frame.scope.group.empty() ? layer.name : frame.scope.group;
        inner.keras3_path = location(frame, layer).keras3_path;
        return lower_in_scope(*layer.model, inputs, inner);
    }
    if (inputs.empty())
        return make_error(ErrorCode::kInvalid, "layer '" + layer.name + "' is called without an input tensor");
    if (folded_.count({&layer, node})) return std::vector<int32_t>{inputs.front()};
    const LayerLowering lowering = find_layer_lowering(layer.class_name);
    if (!lowering)  // the importer lists unsupported layers before lowering; this is a safety net
        return make_error(ErrorCode::kUnsupported, "layer '" + layer.name + "': " + layer.class_name + " is not supported");
    LayerCall call{*this, emitter_, layer, std::move(inputs), frame.scope.prefix + layer.name,
                   weights_.of(layer, location(frame, layer)), node};
    auto outs = lowering(call);
    if (!outs) return call.wrap(outs.error());
    return outs;
}

Result<std::optional<FoldedBatchNorm>> KerasLowering::take_batch_norm(const LayerCall& call, int32_t channels) {
    Frame& frame = *frames_.back();
    const KerasTensorRef out{call.layer.name, call.node, 0};
    if (frame.outputs.count(out)) return std::optional<FoldedBatchNorm>{};
    const auto readers = frame.readers.find(out);
    if (readers == frame.readers.end() || readers->second.size() != 1) return std::optional<FoldedBatchNorm>{};
    const auto [bn, bn_node] = readers->second.front();
    if (bn->class_name != "BatchNormalization" || bn->nodes[static_cast<size_t>(bn_node)].inputs.size() != 1)
        return std::optional<FoldedBatchNorm>{};
    const int rank = call.e.rank(call.inputs.at(0));
    auto axes = config_int_list(bn->config, "axis", {-1});
    if (!axes || axes->size() != 1 || ((*axes)[0] != -1 && (*axes)[0] != rank - 1)) return std::optional<FoldedBatchNorm>{};

    const LayerWeights w = weights_.of(*bn, location(frame, *bn));
    const std::vector<int32_t> shape{channels};
    auto mean = w.get("moving_mean", shape);
    if (!mean) return mean.error();
    auto variance = w.get("moving_variance", shape);
    if (!variance) return variance.error();
    const double epsilon = config_float(bn->config, "epsilon", 1e-3);
    FoldedBatchNorm folded;
    folded.scale.resize(static_cast<size_t>(channels));
    folded.shift.resize(static_cast<size_t>(channels));
    FloatArray gamma, beta;
    if (config_bool(bn->config, "scale", true)) {
        auto g = w.get("gamma", shape);
        if (!g) return g.error();
        gamma = std::move(*g);
    }
    if (config_bool(bn->config, "center", true)) {
        auto b = w.get("beta", shape);
        if (!b) return b.error();
        beta = std::move(*b);
    }
    for (size_t c = 0; c < static_cast<size_t>(channels); ++c) {
        const double g = gamma.values.empty() ? 1.0 : gamma.values[c];
        const double b = beta.values.empty() ? 0.0 : beta.values[c];
        const double scale = g / std::sqrt(static_cast<double>(variance->values[c]) + epsilon);
        folded.scale[c] = static_cast<float>(scale);
        folded.shift[c] = static_cast<float>(b - mean->values[c] * scale);
    }
    folded_.insert({bn, bn_node});
    ++folded_count_;
    return std::optional<FoldedBatchNorm>(std::move(folded));
}

}  // namespace litelab
