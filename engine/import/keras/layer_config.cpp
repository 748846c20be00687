#include "import/keras/layer_config.h"

namespace litelab {

bool config_bool(const nlohmann::json& config, const char* key, bool fallback) {
    return config.contains(key) && config[key].is_boolean() ? config[key].get<bool>() : fallback;
}

double config_float(const nlohmann::json& config, const char* key, double fallback) {
    return config_optional_float(config, key).value_or(fallback);
}

std::optional<double> config_optional_float(const nlohmann::json& config, const char* key) {
    if (!config.contains(key) || !config[key].is_number()) return std::nullopt;
    return config[key].get<double>();
}

int64_t config_int(const nlohmann::json& config, const char* key, int64_t fallback) {
    return config.contains(key) && config[key].is_number_integer() ? config[key].get<int64_t>() : fallback;
}

std::string config_string(const nlohmann::json& config, const char* key, const std::string& fallback) {
    return config.contains(key) && config[key].is_string() ? config[key].get<std::string>() : fallback;
}

Result<std::vector<int32_t>> config_int_list(const nlohmann::json& config, const char* key,
                                             const std::vector<int32_t>& fallback) {
    if (!config.contains(key) || config[key].is_null()) return fallback;
    const nlohmann::json& value = config[key];
    if (value.is_number_integer()) return std::vector<int32_t>(std::max<size_t>(fallback.size(), 1), value.get<int32_t>());
    if (!value.is_array()) return make_error(ErrorCode::kFormat, std::string("'") + key + "' is not a list of integers");
    std::vector<int32_t> out;
    for (const auto& v : value) {
        if (!v.is_number_integer())
            return make_error(ErrorCode::kFormat, std::string("'") + key + "' is not a list of integers");
        out.push_back(v.get<int32_t>());
    }
    return out;
}

Result<std::vector<int32_t>> config_ints(const nlohmann::json& config, const char* key, size_t n, int32_t fallback) {
    auto list = config_int_list(config, key, std::vector<int32_t>(n, fallback));
    if (!list) return list;
    if (list->size() == 1 && n > 1) list->resize(n, list->front());
    if (list->size() != n)
        return make_error(ErrorCode::kFormat, std::string("'") + key + "' has " + std::to_string(list->size()) +
                                                  " values, expected " + std::to_string(n));
    return list;
}

std::string config_activation(const nlohmann::json& config, const char* key) {
    if (!config.contains(key) || config[key].is_null()) return "linear";
    const nlohmann::json& value = config[key];
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object()) {
        if (value.contains("config") && value["config"].is_string()) return value["config"].get<std::string>();
        if (value.contains("class_name") && value["class_name"].is_string()) return value["class_name"].get<std::string>();
    }
    return "unknown";
}

}  // namespace litelab
