#include "import/keras/keras_config.h"

namespace litelab {

namespace {

using json = nlohmann::json;

Error config_error(const std::string& what) { return make_error(ErrorCode::kFormat, "model config: " + what); }

std::string layer_name(const json& entry) {
    if (entry.contains("config") && entry["config"].is_object() && entry["config"].contains("name") &&
        entry["config"]["name"].is_string())
        return entry["config"]["name"].get<std::string>();
    if (entry.contains("name") && entry["name"].is_string()) return entry["name"].get<std::string>();
    return "";
}

// [name, node, tensor(, kwargs)] as Keras 2 writes references.
Result<KerasTensorRef> reference(const json& r) {
    if (!r.is_array() || r.size() < 3 || !r[0].is_string() || !r[1].is_number_integer() || !r[2].is_number_integer())
        return config_error("a layer reference is not [name, node, tensor]: " + r.dump().substr(0, 80));
    return KerasTensorRef{r[0].get<std::string>(), r[1].get<int>(), r[2].get<int>()};
}

// Keras 3 writes tensors as {"class_name": "__keras_tensor__", "config": {"keras_history": [...]}}
// anywhere in a call's args; collects them in order.
Status collect_keras3_tensors(const json& value, std::vector<KerasTensorRef>& out, int depth = 0) {
    if (depth > 16) return config_error("call arguments nest too deeply");
    if (value.is_object()) {
        if (value.value("class_name", "") == "__keras_tensor__") {
            if (!value.contains("config") || !value["config"].contains("keras_history"))
                return config_error("a tensor without keras_history");
            auto r = reference(value["config"]["keras_history"]);
            if (!r) return r.error();
            out.push_back(*r);
            return {};
        }
        for (const auto& item : value.items()) LITELAB_TRY(collect_keras3_tensors(item.value(), out, depth + 1));
    } else if (value.is_array()) {
        for (const auto& item : value) LITELAB_TRY(collect_keras3_tensors(item, out, depth + 1));
    }
    return {};
}

Result<std::vector<KerasNode>> parse_nodes(const json& entry, const std::string& name) {
    std::vector<KerasNode> nodes;
    if (!entry.contains("inbound_nodes")) return nodes;
    const json& inbound = entry["inbound_nodes"];
    if (!inbound.is_array()) return config_error("layer '" + name + "': inbound_nodes is not a list");
    for (const json& node : inbound) {
        KerasNode parsed;
        if (node.is_object()) {  // Keras 3: {"args": [...], "kwargs": {...}}
            if (node.contains("args")) LITELAB_TRY(collect_keras3_tensors(node["args"], parsed.inputs));
            if (node.contains("kwargs")) LITELAB_TRY(collect_keras3_tensors(node["kwargs"], parsed.inputs));
        } else if (node.is_array()) {  // Keras 2: [[name, node, tensor, kwargs], ...]
            for (const json& r : node) {
                auto ref = reference(r);
                if (!ref) return make_error(ref.error().code, ref.error().message + " (layer '" + name + "')");
                parsed.inputs.push_back(*ref);
            }
        } else {
            return config_error("layer '" + name + "': an inbound node is neither a list nor an object");
        }
        nodes.push_back(std::move(parsed));
    }
    return nodes;
}

// input_layers / output_layers: a list of references, or a single one.
Result<std::vector<KerasTensorRef>> parse_references(const json& config, const char* key) {
    std::vector<KerasTensorRef> refs;
    if (!config.contains(key)) return config_error(std::string("a Functional model without ") + key);
    const json& list = config[key];
    if (list.is_array() && !list.empty() && list[0].is_string()) {
        auto r = reference(list);
        if (!r) return r.error();
        refs.push_back(*r);
        return refs;
    }
    if (!list.is_array()) return config_error(std::string(key) + " is not a list");
    for (const json& item : list) {
        auto r = reference(item);
        if (!r) return r.error();
        refs.push_back(*r);
    }
    return refs;
}

Result<KerasLayer> parse_layer(const json& entry) {
    if (!entry.is_object() || !entry.contains("class_name") || !entry["class_name"].is_string())
        return config_error("a layer entry without class_name");
    KerasLayer layer;
    layer.class_name = entry["class_name"].get<std::string>();
    layer.name = layer_name(entry);
    if (layer.name.empty()) return config_error("a " + layer.class_name + " layer without a name");
    layer.config = entry.contains("config") ? entry["config"] : json::object();
    if (!layer.config.is_object()) return config_error("layer '" + layer.name + "': config is not an object");
    if (is_model_class(layer.class_name)) {
        auto nested = parse_keras_model(entry);
        if (!nested) return nested.error();
        layer.model = std::make_shared<const KerasModelConfig>(std::move(*nested));
    }
    return layer;
}

Result<KerasModelConfig> parse_sequential(const json& config, KerasModelConfig model) {
    const json& layers = config.is_array() ? config : config.value("layers", json::array());
    if (!layers.is_array()) return config_error("Sequential layers is not a list");
    KerasTensorRef previous;
    bool has_input = false;
    for (const json& entry : layers) {
        auto layer = parse_layer(entry);
        if (!layer) return layer.error();
        if (layer->class_name == "InputLayer") {
            if (has_input) return config_error("Sequential model '" + model.name + "' has two InputLayers");
            previous = {layer->name, 0, 0};
            model.inputs.push_back(previous);
            has_input = true;
            model.layers.push_back(std::move(*layer));
            continue;
        }
        if (!has_input) {
            // Keras 2 keeps the input shape on the first layer; Keras 3 in build_input_shape.
            KerasLayer input;
            input.class_name = "InputLayer";
            input.name = model.name + "_input";
            input.config = json::object();
            if (layer->config.contains("batch_input_shape"))
                input.config["batch_input_shape"] = layer->config["batch_input_shape"];
            else if (config.is_object() && config.contains("build_input_shape"))
                input.config["batch_input_shape"] = config["build_input_shape"];
            if (layer->config.contains("dtype")) input.config["dtype"] = layer->config["dtype"];
            previous = {input.name, 0, 0};
            model.inputs.push_back(previous);
            model.layers.push_back(std::move(input));
            has_input = true;
        }
        layer->nodes.push_back(KerasNode{{previous}});
        previous = {layer->name, 0, 0};
        model.layers.push_back(std::move(*layer));
    }
    if (model.layers.size() <= 1) return config_error("Sequential model '" + model.name + "' has no layers");
    model.outputs.push_back(previous);
    return model;
}

Result<KerasModelConfig> parse_functional(const json& config, KerasModelConfig model) {
    if (!config.is_object() || !config.contains("layers") || !config["layers"].is_array())
        return config_error("Functional model '" + model.name + "' has no layer list");
    for (const json& entry : config["layers"]) {
        auto layer = parse_layer(entry);
        if (!layer) return layer.error();
        auto nodes = parse_nodes(entry, layer->name);
        if (!nodes) return nodes.error();
        layer->nodes = std::move(*nodes);
        model.layers.push_back(std::move(*layer));
    }
    auto inputs = parse_references(config, "input_layers");
    if (!inputs) return inputs.error();
    auto outputs = parse_references(config, "output_layers");
    if (!outputs) return outputs.error();
    model.inputs = std::move(*inputs);
    model.outputs = std::move(*outputs);
    return model;
}

}  // namespace

bool is_model_class(const std::string& class_name) {
    return class_name == "Sequential" || class_name == "Functional" || class_name == "Model";
}

Result<KerasModelConfig> parse_keras_model(const json& model) {
    if (!model.is_object() || !model.contains("class_name") || !model["class_name"].is_string())
        return config_error("no model class_name");
    KerasModelConfig out;
    out.class_name = model["class_name"].get<std::string>();
    if (!is_model_class(out.class_name))
        return make_error(ErrorCode::kUnsupported, "the model is a '" + out.class_name +
                                                       "', not a Sequential or Functional model (subclassed models "
                                                       "keep their computation in Python code)");
    const json config = model.contains("config") ? model["config"] : json::object();
    if (config.is_object() && config.contains("name") && config["name"].is_string())
        out.name = config["name"].get<std::string>();
    if (out.class_name == "Sequential") return parse_sequential(config, std::move(out));
    return parse_functional(config, std::move(out));
}

KerasInputSpec input_spec(const json& config) {
    KerasInputSpec spec;
    const json* shape = nullptr;
    for (const char* key : {"batch_input_shape", "batch_shape"})
        if (config.contains(key) && config[key].is_array()) shape = &config[key];
    if (shape) {
        for (const json& d : *shape) spec.dims.push_back(d.is_number_integer() ? d.get<int32_t>() : -1);
    }
    if (config.contains("dtype")) {
        const json& dtype = config["dtype"];
        if (dtype.is_string()) spec.dtype = dtype.get<std::string>();
        else if (dtype.is_object() && dtype.contains("config") && dtype["config"].contains("name") &&
                 dtype["config"]["name"].is_string())
            spec.dtype = dtype["config"]["name"].get<std::string>();
    }
    return spec;
}

}  // namespace litelab
