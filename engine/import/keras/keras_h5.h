// Reading the HDF5 files Keras writes: a whole-model .h5 (attributes model_config, keras_version,
// backend; group model_weights with one group per top-level layer and its weight_names), or the
// model.weights.h5 inside a Keras 3 .keras archive (datasets layers/<name>/vars/<i>).
//
// Everything is read into memory at once, under one lock: Debian's libhdf5 is built without
// thread safety, and imports may run on several GUI worker threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "import/common/float_array.h"

namespace litelab {

struct H5Weight {
    std::string path;  // relative to its top-level layer group: "dense/kernel:0", "Conv1/kernel:0"
    FloatArray value;
};

struct KerasH5Contents {
    std::optional<std::string> model_config;  // JSON, absent in weights-only files
    std::string keras_version;
    std::string backend;
    // Keras 2 layout: weights per top-level layer group, in the group's weight_names order.
    std::vector<std::string> layer_names;
    std::map<std::string, std::vector<H5Weight>> layer_weights;
    // Keras 3 layout: every dataset by its full path ("layers/dense/vars/0").
    std::map<std::string, FloatArray> datasets;
};

// Errors name `label` (the file, or "archive.keras: model.weights.h5") and the problem.
Result<KerasH5Contents> read_keras_h5_file(const std::string& path);
Result<KerasH5Contents> read_keras_h5_image(std::span<const uint8_t> bytes, const std::string& label);

}  // namespace litelab
