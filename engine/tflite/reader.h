// Reads a .tflite file into a Model. The file is memory-mapped and verified (flatbuffers
// verifier plus LiteLab's semantic checks: every index, size and offset) before anything is
// trusted; weights stay in the mapping. What TFLite's runtimes accept is accepted, oddities
// become warnings, and only what cannot be read safely is refused.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/model.h"

namespace litelab {

struct ReadModel {
    Model model;
    std::vector<std::string> warnings;  // one line each, without the file name
    uint64_t file_size = 0;
};

// Errors read "PATH: problem".
Result<ReadModel> read_tflite_file(const std::string& path);

// Reads from bytes kept alive by `owner`; `name` is used in messages in place of a path.
Result<ReadModel> read_tflite_bytes(std::span<const uint8_t> bytes, std::shared_ptr<const void> owner,
                                    const std::string& name);

}  // namespace litelab
