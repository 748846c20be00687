// The weights of each layer, found the way Keras stores them: in Keras 2 .h5 files under the
// top-level layer's group by variable name ("model_weights/<top>/<layer>/kernel:0", nested
// models' layers under their outermost model's group); in Keras 3 weight files by position
// ("layers/<class_name>/vars/<i>", named by the layer's class and a counter).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "import/keras/keras_config.h"
#include "import/keras/keras_h5.h"

namespace litelab {

// Where one layer's weights are.
struct WeightLocation {
    std::string group;        // Keras 2: the top-level layer group
    std::string keras3_path;  // Keras 3: "layers/sequential/layers/dense"
};

// One layer's weights by name ("kernel", "bias", "gamma", "moving_mean", ...).
class LayerWeights {
public:
    LayerWeights(std::string layer, std::map<std::string, FloatArray> weights)
        : layer_(std::move(layer)), weights_(std::move(weights)) {}
    bool has(const std::string& name) const { return weights_.count(name) != 0; }
    // The weight, or an error naming the layer and the missing weight.
    Result<FloatArray> get(const std::string& name) const;
    // The weight, checked against the shape the layer's config implies.
    Result<FloatArray> get(const std::string& name, const std::vector<int32_t>& expected) const;

private:
    std::string layer_;
    std::map<std::string, FloatArray> weights_;
};

class KerasWeights {
public:
    explicit KerasWeights(KerasH5Contents contents);
    bool keras3() const { return contents_.layer_names.empty(); }
    LayerWeights of(const KerasLayer& layer, const WeightLocation& where) const;

private:
    KerasH5Contents contents_;
    // Keras 2: per group, per folder name on a weight's path, the weights under that folder
    // (indices into the group's list), so that finding a layer's weights is one lookup.
    std::map<std::string, std::map<std::string, std::vector<size_t>>> by_folder_;
};

// Keras 3's name for a saved object: its class name in snake case ("Conv2DTranspose" ->
// "conv2d_transpose"), made unique in its container with a counter.
std::string keras3_snake_case(const std::string& class_name);

}  // namespace litelab
