// Serialises a Model to the .tflite format. Buffer data is 16-byte aligned, as TFLite's own
// writer does, so integer and float weights can be used in place from a mapping. Models whose
// weights do not fit the 2 GiB flatbuffer limit keep their buffers after the flatbuffer
// (Buffer.offset/size), as TensorFlow's converter does for large models.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/model.h"

namespace litelab {

struct WriteOptions {
    // Store every non-empty buffer after the flatbuffer even when it would fit inside.
    bool external_buffers = false;
};

// Writes to a temporary file and renames it over `path` on success; errors name the file.
Status write_tflite_file(const Model& model, const std::string& path, const WriteOptions& options = {});

// The whole file in memory; fails when the result would exceed what one vector should hold.
Result<std::vector<uint8_t>> serialize_tflite(const Model& model, const WriteOptions& options = {});

}  // namespace litelab
