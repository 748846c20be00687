// Reading values out of a Keras layer's config: Keras writes tuples as lists ("kernel_size":
// [3, 3]) or, for some layers and versions, as single numbers, and omits defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace litelab {

bool config_bool(const nlohmann::json& config, const char* key, bool fallback);
double config_float(const nlohmann::json& config, const char* key, double fallback);
std::optional<double> config_optional_float(const nlohmann::json& config, const char* key);
int64_t config_int(const nlohmann::json& config, const char* key, int64_t fallback);
std::string config_string(const nlohmann::json& config, const char* key, const std::string& fallback);
// A list of integers, or one integer repeated `fallback.size()` times; the fallback when absent.
Result<std::vector<int32_t>> config_int_list(const nlohmann::json& config, const char* key,
                                             const std::vector<int32_t>& fallback);
// A list of `n` integers: one number is repeated, a list must have n entries.
Result<std::vector<int32_t>> config_ints(const nlohmann::json& config, const char* key, size_t n, int32_t fallback);
// An activation by name: a string, or Keras 3's {"class_name": ..., "config": name} form; "linear"
// when absent or null.
std::string config_activation(const nlohmann::json& config, const char* key);

}  // namespace litelab
