// A Keras model's architecture as written in its JSON config (an .h5 file's model_config, a
// .keras archive's config.json), in one form for Keras 2 and 3, Sequential and Functional:
// layers with their calls (nodes) and each call's input tensors. Nested models stay nested.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace litelab {

// Output `tensor` of call `node` of layer `layer` (Keras' keras_history).
struct KerasTensorRef {
    std::string layer;
    int node = 0;
    int tensor = 0;
    friend bool operator==(const KerasTensorRef&, const KerasTensorRef&) = default;
    friend auto operator<=>(const KerasTensorRef&, const KerasTensorRef&) = default;
};

struct KerasNode {
    std::vector<KerasTensorRef> inputs;
};

struct KerasModelConfig;

struct KerasLayer {
    std::string class_name;
    std::string name;
    nlohmann::json config;         // the layer's own config object
    std::vector<KerasNode> nodes;  // its calls in the enclosing model
    std::shared_ptr<const KerasModelConfig> model;  // set when the layer is itself a model
};

struct KerasModelConfig {
    std::string class_name;  // Sequential, Functional or Model
    std::string name;
    std::vector<KerasLayer> layers;  // in the config's (topological) order
    std::vector<KerasTensorRef> inputs;
    std::vector<KerasTensorRef> outputs;
};

bool is_model_class(const std::string& class_name);

// Parses a model config. Errors describe the problem (callers add the file name).
Result<KerasModelConfig> parse_keras_model(const nlohmann::json& model);

// The declared input of an InputLayer: its dimensions with -1 for None (the batch included) and
// its dtype name; empty dims when the layer declares none.
struct KerasInputSpec {
    std::vector<int32_t> dims;
    std::string dtype = "float32";
};
KerasInputSpec input_spec(const nlohmann::json& input_layer_config);

}  // namespace litelab
