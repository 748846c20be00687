// The text dump of TensorFlow Lite's Analyzer (tf.lite.experimental.Analyzer), reproduced from
// the Model: the subgraph summary, one line per operator and per tensor, the signature defs and
// the size statistics, in the Analyzer's exact grammar. docs/analyzer_format.md describes it.
#pragma once

#include <cstdint>
#include <string>

#include "model/model.h"

namespace litelab {

struct AnalyzerDumpOptions {
    // Shown in the "=== NAME ===" header, as the Analyzer's Python front end prints it.
    std::string model_name;
    // The size of the file the model came from (the statistics section is relative to it).
    uint64_t file_size = 0;
    // LiteLab extension: append quantization parameters to each quantized tensor's line.
    bool show_quantization = false;
};

std::string analyzer_dump(const Model& model, const AnalyzerDumpOptions& options);

}  // namespace litelab
