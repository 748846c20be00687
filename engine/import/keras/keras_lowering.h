// Lowering a Keras model to TFLite operators: walks the (possibly nested) models' layer calls in
// dependency order, gives each layer's lowering its inputs, config and weights, and keeps what
// the lowerings share: the emitter, batch norms folded into the layer before them, notes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "import/common/tflite_emitter.h"
#include "import/keras/keras_config.h"
#include "import/keras/keras_weights.h"

namespace litelab {

class KerasLowering;

// One call of one layer, as its lowering sees it.
struct LayerCall {
    KerasLowering& ctx;
    TfliteEmitter& e;
    const KerasLayer& layer;
    std::vector<int32_t> inputs;
    std::string name;  // for the output tensor: the layer's name under its enclosing models' names
    LayerWeights weights;
    int node = 0;

    const nlohmann::json& config() const { return layer.config; }
    // "layer 'conv1' (Conv2D): <what>"
    Error error(const std::string& what, ErrorCode code = ErrorCode::kUnsupported) const;
    // Wraps an error from the emitter or the weights with the layer's name when it lacks it.
    Error wrap(const Error& error) const;
};

// Lowers one call; returns the call's output tensors.
using LayerLowering = Result<std::vector<int32_t>> (*)(LayerCall& call);

// A batch normalization folded into the convolution or dense layer before it: y = x * scale + shift
// per output channel.
struct FoldedBatchNorm {
    std::vector<float> scale;
    std::vector<float> shift;
};

class KerasLowering {
public:
    KerasLowering(TfliteEmitter& emitter, const KerasWeights& weights, bool keras3)
        : emitter_(emitter), weights_(weights), keras3_(keras3) {}

    // Lowers `model` over `inputs` (one tensor per model input); returns its outputs.
    Result<std::vector<int32_t>> lower_model(const KerasModelConfig& model, const std::vector<int32_t>& inputs);

    // Keras 3 files (different hard_sigmoid, weights by position).
    bool keras3() const { return keras3_; }

    // When the only reader of `call`'s output is a BatchNormalization over the last axis, returns
    // its scale and shift (for `channels` channels) and marks it folded: its call then passes its
    // input through.
    Result<std::optional<FoldedBatchNorm>> take_batch_norm(const LayerCall& call, int32_t channels);

    int folded_batch_norms() const { return folded_count_; }
    int removed_layers() const { return removed_count_; }
    void count_removed() { ++removed_count_; }

private:
    struct Scope {
        std::string prefix;       // names of the enclosing models, "outer/inner/"
        std::string group;        // Keras 2: the outermost enclosing layer's weight group
        std::string keras3_path;  // Keras 3: "layers/outer/layers/inner"
    };
    struct Frame {
        const KerasModelConfig* model = nullptr;
        Scope scope;
        std::map<KerasTensorRef, std::vector<std::pair<const KerasLayer*, int>>> readers;
        std::set<KerasTensorRef> outputs;
        std::map<const KerasLayer*, std::string> keras3_names;
    };

    Result<std::vector<int32_t>> lower_in_scope(const KerasModelConfig& model, const std::vector<int32_t>& inputs,
                                                const Scope& scope);
    Result<std::vector<int32_t>> lower_call(Frame& frame, const KerasLayer& layer, int node,
                                            std::vector<int32_t> inputs);
    WeightLocation location(const Frame& frame, const KerasLayer& layer) const;

    TfliteEmitter& emitter_;
    const KerasWeights& weights_;
    bool keras3_;
    std::vector<Frame*> frames_;  // the models being lowered, innermost last
    std::set<std::pair<const KerasLayer*, int>> folded_;
    int folded_count_ = 0;
    int removed_count_ = 0;
};

// The lowering for a layer class; nullptr when LiteLab does not convert it.
LayerLowering find_layer_lowering(const std::string& class_name);

}  // namespace litelab
