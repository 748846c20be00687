// What every importer (Keras, ONNX) takes and gives back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace litelab {

// The layout of a converted model's inputs and outputs. `kSource` keeps the source model's
// (ONNX NCHW arrays feed the converted model unchanged, with at most one TRANSPOSE at each
// edge); `kNhwc` exposes TFLite's NHWC layout directly.
enum class IoLayout { kSource, kNhwc };

struct ImportOptions {
    // The static batch size written to each input's `shape` (shape_signature keeps -1);
    // nullopt keeps 1.
    std::optional<int> batch;
    IoLayout io_layout = IoLayout::kSource;
};

struct ImportedModel {
    Model model;
    // What the conversion changed that a user should know (layers removed as training-only,
    // batch norm folded, ...), one line each.
    std::vector<std::string> notes;
};

}  // namespace litelab
