#include "import/keras/keras_weights.h"

#include <cctype>

#include "model/graph.h"

namespace litelab {

namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t end = path.find('/', start);
        parts.push_back(path.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return parts;
}

// "kernel:0" -> "kernel"
std::string base_name(const std::string& component) { return component.substr(0, component.find(':')); }

bool flag(const nlohmann::json& config, const char* key, bool fallback) {
    return config.contains(key) && config[key].is_boolean() ? config[key].get<bool>() : fallback;
}

// The variables Keras 3 saves for a layer, in order (its trainable variables, then the others).
std::vector<std::string> keras3_variables(const KerasLayer& layer) {
    const std::string& c = layer.class_name;
    const nlohmann::json& config = layer.config;
    std::vector<std::string> names;
    const bool bias = flag(config, "use_bias", true);
    if (c == "DepthwiseConv1D" || c == "DepthwiseConv2D") {
        names = {"depthwise_kernel"};
    } else if (c == "SeparableConv1D" || c == "SeparableConv2D") {
        names = {"depthwise_kernel", "pointwise_kernel"};
    } else if (c == "BatchNormalization") {
        if (flag(config, "scale", true)) names.push_back("gamma");
        if (flag(config, "center", true)) names.push_back("beta");
        names.push_back("moving_mean");
        names.push_back("moving_variance");
        return names;
    } else if (c == "PReLU") {
        return {"alpha"};
    } else if (c == "Embedding") {
        return {"embeddings"};
    } else if (c == "Normalization") {
        return {"mean", "variance", "count"};
    } else if (c == "LSTM" || c == "GRU") {
        names = {"kernel", "recurrent_kernel"};
    } else {
        names = {"kernel"};
    }
    if (bias) names.push_back("bias");
    return names;
}

}  // namespace

std::string keras3_snake_case(const std::string& class_name) {
    std::string word;
    for (char ch : class_name)
        if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_') word += ch;
    // An underscore before each capital that starts a capitalised word ("DepthwiseConv" ->
    // "Depthwise_Conv") and between a lower-case letter and a capital ("ReLU" -> "Re_LU").
    std::string out;
    for (size_t i = 0; i < word.size(); ++i) {
        const auto at = [&](size_t k) { return static_cast<unsigned char>(word[k]); };
        const bool upper = std::isupper(at(i));
        const bool starts_word = upper && i > 0 && i + 1 < word.size() && std::islower(at(i + 1));
        const bool after_lower = upper && i > 0 && std::islower(at(i - 1));
        if ((starts_word || after_lower) && !out.empty() && out.back() != '_') out += '_';
        out += static_cast<char>(std::tolower(at(i)));
    }
    return out;
}

Result<FloatArray> LayerWeights::get(const std::string& name) const {
    const auto it = weights_.find(name);
    if (it == weights_.end())
        return make_error(ErrorCode::kInvalid, "layer '" + layer_ + "': the file has no weight '" + name + "' for it");
    return it->second;
}

Result<FloatArray> LayerWeights::get(const std::string& name, const std::vector<int32_t>& expected) const {
    auto weight = get(name);
    if (!weight) return weight;
    if (weight->shape != expected)
        return make_error(ErrorCode::kInvalid, "layer '" + layer_ + "': weight '" + name + "' has shape " +
                                                   format_dims(weight->shape) + ", the layer's config needs " +
                                                   format_dims(expected));
    return weight;
}

KerasWeights::KerasWeights(KerasH5Contents contents) : contents_(std::move(contents)) {
    for (const auto& [group, weights] : contents_.layer_weights) {
        auto& folders = by_folder_[group];
        for (size_t i = 0; i < weights.size(); ++i) {
            const auto parts = split_path(weights[i].path);
            for (size_t p = 0; p + 1 < parts.size(); ++p) {
                auto& list = folders[parts[p]];
                if (list.empty() || list.back() != i) list.push_back(i);
            }
        }
    }
}

LayerWeights KerasWeights::of(const KerasLayer& layer, const WeightLocation& where) const {
    std::map<std::string, FloatArray> found;
    if (keras3()) {
        const bool recurrent = layer.class_name == "LSTM" || layer.class_name == "GRU";
        const std::string vars = where.keras3_path + (recurrent ? "/cell" : "") + "/vars/";
        const auto names = keras3_variables(layer);
        for (size_t i = 0; i < names.size(); ++i) {
            const auto it = contents_.datasets.find(vars + std::to_string(i));
            if (it != contents_.datasets.end()) found[names[i]] = it->second;
        }
        return LayerWeights(layer.name, std::move(found));
    }
    const auto group = contents_.layer_weights.find(where.group);
    if (group == contents_.layer_weights.end()) return LayerWeights(layer.name, {});
    // A weight belongs to the layer when the layer's name is one of the folders on its path
    // ("lstm/lstm_cell/kernel:0" belongs to "lstm"); a top-level layer owns its whole group.
    std::vector<size_t> candidates;
    if (where.group == layer.name && layer.model == nullptr) {
        for (size_t i = 0; i < group->second.size(); ++i) candidates.push_back(i);
    } else if (const auto folders = by_folder_.find(where.group); folders != by_folder_.end()) {
        if (const auto it = folders->second.find(layer.name); it != folders->second.end()) candidates = it->second;
    }
    for (size_t i : candidates) {
        const H5Weight& w = group->second[i];
        const auto parts = split_path(w.path);
        const std::string base = base_name(parts.back());
        // Prefer the weight whose immediate folder is the layer (a name may repeat higher up).
        const bool direct = parts.size() >= 2 && parts[parts.size() - 2] == layer.name;
        if (!found.count(base) || direct) found[base] = w.value;
    }
    return LayerWeights(layer.name, std::move(found));
}

}  // namespace litelab
