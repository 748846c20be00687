// Machine- and human-readable reports of a Model beside the Analyzer dump: the JSON that
// `litelab inspect --json` prints (every tensor, operator with its options, signature and
// quantization parameter) and the short summary of `--summary`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"

namespace litelab {

struct ReportContext {
    std::string file;
    uint64_t file_size = 0;
    std::vector<std::string> warnings;
};

// Pretty-printed JSON, documented in docs/inspect_json.md.
std::string model_json(const Model& model, const ReportContext& context);

// Operator histogram, parameter count, weight bytes by type, inputs and outputs with their
// quantization, signatures and metadata.
std::string model_summary(const Model& model, const ReportContext& context);

}  // namespace litelab
