// Keras 3 `.keras` archives: a zip holding config.json (the model), metadata.json and
// model.weights.h5 (the weights, layout "layers/<name>/vars/<i>").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace litelab {

struct KerasArchive {
    std::string config_json;
    std::string metadata_json;  // empty when the archive has none
    std::vector<uint8_t> weights_h5;
};

Result<KerasArchive> read_keras_archive(const std::string& path);

}  // namespace litelab
