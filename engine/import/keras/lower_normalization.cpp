// BatchNormalization that could not be folded into the layer before it (MUL and ADD per
// channel), Rescaling (MUL, ADD) and Normalization ((x - mean) / max(sqrt(variance), epsilon)).
#include <algorithm>
#include <cmath>

#include "import/common/emit_ops.h"
#include "import/keras/keras_layers.h"
#include "import/keras/layer_config.h"
#include "model/graph.h"

namespace litelab::keras_layers {

namespace {

// Per-channel constants shaped to broadcast over `axis` of a rank-`rank` input: [C, 1, ..., 1].
std::vector<int32_t> broadcast_shape(int32_t channels, int axis, int rank) {
    std::vector<int32_t> shape{channels};
    for (int d = axis + 1; d < rank; ++d) shape.push_back(1);
    return shape;
}

Result<int> channel_axis(const LayerCall& c, int rank, int32_t fallback) {
    auto axes = config_int_list(c.config(), "axis", {fallback});
    if (!axes) return c.wrap(axes.error());
    if (axes->size() != 1) return c.error("normalising over several axes is not supported");
    const int axis = (*axes)[0] < 0 ? (*axes)[0] + rank : (*axes)[0];
    if (axis <= 0 || axis >= rank) return c.error("axis " + std::to_string((*axes)[0]) + " is out of range", ErrorCode::kInvalid);
    return axis;
}

// x * scale + shift with per-channel constants (either may be skipped when it changes nothing).
Lowered scale_and_shift(LayerCall& c, int32_t x, const std::vector<int32_t>& shape, const std::vector<float>& scale,
                        const std::vector<float>& shift) {
    const bool scales = std::any_of(scale.begin(), scale.end(), [](float v) { return v != 1.0f; });
    const bool shifts = std::any_of(shift.begin(), shift.end(), [](float v) { return v != 0.0f; });
    int32_t y = x;
    if (scales || !shifts) {
        auto m = emit::binary(c.e, tflite::BuiltinOperator_MUL, y,
                              c.e.constant(c.name + "/scale", shape, std::span<const float>(scale)),
                              shifts ? c.name + "/scaled" : c.name);
        if (!m) return m.error();
        y = *m;
    }
    if (shifts) {
        auto a = emit::binary(c.e, tflite::BuiltinOperator_ADD, y,
                              c.e.constant(c.name + "/shift", shape, std::span<const float>(shift)), c.name);
        if (!a) return a.error();
        y = *a;
    }
    return std::vector<int32_t>{y};
}

// A float or a list of floats from the config (Keras 3 allows lists for Rescaling).
std::vector<float> floats(const nlohmann::json& config, const char* key, float fallback) {
    if (!config.contains(key)) return {fallback};
    const auto& v = config[key];
    if (v.is_number()) return {v.get<float>()};
    std::vector<float> out;
    if (v.is_array())
        for (const auto& item : v)
            if (item.is_number()) out.push_back(item.get<float>());
    return out.empty() ? std::vector<float>{fallback} : out;
}

}  // namespace

Lowered batch_normalization(LayerCall& c) {
    const int32_t x = c.inputs.at(0);
    const int rank = c.e.rank(x);
    auto axis = channel_axis(c, rank, -1);
    if (!axis) return axis.error();
    const int32_t channels = c.e.shape(x)[static_cast<size_t>(*axis)];
    const std::vector<int32_t> shape{channels};
    auto mean = c.weights.get("moving_mean", shape);
    if (!mean) return mean.error();
    auto variance = c.weights.get("moving_variance", shape);
    if (!variance) return variance.error();
    std::vector<float> gamma(static_cast<size_t>(channels), 1.0f), beta(static_cast<size_t>(channels), 0.0f);
    if (config_bool(c.config(), "scale", true)) {
        auto g = c.weights.get("gamma", shape);
        if (!g) return g.error();
        gamma = g->values;
    }
    if (config_bool(c.config(), "center", true)) {
        auto b = c.weights.get("beta", shape);
        if (!b) return b.error();
        beta = b->values;
    }
    const double epsilon = config_float(c.config(), "epsilon", 1e-3);
    std::vector<float> scale(static_cast<size_t>(channels)), shift(static_cast<size_t>(channels));
    for (size_t ch = 0; ch < scale.size(); ++ch) {
        const double s = gamma[ch] / std::sqrt(static_cast<double>(variance->values[ch]) + epsilon);
        scale[ch] = static_cast<float>(s);
        shift[ch] = static_cast<float>(beta[ch] - mean->values[ch] * s);
    }
    return scale_and_shift(c, x, broadcast_shape(channels, *axis, rank), scale, shift);
}

Lowered rescaling(LayerCall& c) {
    const std::vector<float> scale = floats(c.config(), "scale", 1.0f);
    const std::vector<float> offset = floats(c.config(), "offset", 0.0f);
    const int32_t x = c.inputs.at(0);
    const int32_t channels = c.e.shape(x).back();
    if ((scale.size() != 1 && scale.size() != static_cast<size_t>(channels)) ||
        (offset.size() != 1 && offset.size() != static_cast<size_t>(channels)))
        return c.error("scale and offset must be one value or one per channel", ErrorCode::kInvalid);
    // Keras computes x * scale + offset.
    auto widen = [&](const std::vector<float>& v) {
        return v.size() == 1 ? std::vector<float>(static_cast<size_t>(channels), v[0]) : v;
    };
    return scale_and_shift(c, x, {channels}, widen(scale), widen(offset));
}

Lowered normalization(LayerCall& c) {
    if (config_bool(c.config(), "invert", false)) return c.error("invert=True is not supported");
    const int32_t x = c.inputs.at(0);
    const int rank = c.e.rank(x);
    auto axis = channel_axis(c, rank, -1);
    if (!axis) return axis.error();
    const int32_t channels = c.e.shape(x)[static_cast<size_t>(*axis)];
    std::vector<float> mean, variance;
    // Keras stores mean and variance as weights after adapt(), or in the config when given.
    if (c.weights.has("mean") && c.weights.has("variance")) {
        auto m = c.weights.get("mean");
        auto v = c.weights.get("variance");
        if (!m) return m.error();
        if (!v) return v.error();
        mean = m->values;
        variance = v->values;
    } else {
        mean = floats(c.config(), "mean", 0.0f);
        variance = floats(c.config(), "variance", 1.0f);
        if (!c.config().contains("mean") || !c.config().contains("variance"))
            return c.error("the file has neither weights nor config values for mean and variance", ErrorCode::kInvalid);
    }
    auto widen = [&](std::vector<float> v) {
        return v.size() == 1 ? std::vector<float>(static_cast<size_t>(channels), v[0]) : v;
    };
    mean = widen(mean);
    variance = widen(variance);
    if (mean.size() != static_cast<size_t>(channels) || variance.size() != static_cast<size_t>(channels))
        return c.error("mean and variance have " + std::to_string(mean.size()) + " values for " +
                           std::to_string(channels) + " channels",
                       ErrorCode::kInvalid);
    constexpr double kEpsilon = 1e-7;  // keras.backend.epsilon()
    std::vector<float> denominator(mean.size());
    for (size_t ch = 0; ch < mean.size(); ++ch)
        denominator[ch] = static_cast<float>(std::max(std::sqrt(static_cast<double>(variance[ch])), kEpsilon));
    // As Keras computes it: subtract, then divide (a folded multiply-add would round differently).
    const auto shape = broadcast_shape(channels, *axis, rank);
    auto centred = emit::binary(c.e, tflite::BuiltinOperator_SUB, x,
                                c.e.constant(c.name + "/mean", shape, std::span<const float>(mean)), c.name + "/centred");
    if (!centred) return centred.error();
    auto y = emit::binary(c.e, tflite::BuiltinOperator_DIV, *centred,
                          c.e.constant(c.name + "/std", shape, std::span<const float>(denominator)), c.name);
    if (!y) return y.error();
    return std::vector<int32_t>{*y};
}

}  // namespace litelab::keras_layers
