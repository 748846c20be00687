// Import-time evaluation of nodes whose inputs are all known: the shape arithmetic PyTorch
// exports around Reshape (Shape -> Gather -> Unsqueeze -> Concat), Constant nodes, casts of
// constants. Folded values never reach the TFLite model as operators.
#pragma once

#include <optional>
#include <vector>

#include "core/result.h"
#include "import/onnx/lowering.h"

namespace litelab::onnx {

// The node's outputs when it can be evaluated now; nullopt when it cannot (an input is
// computed at run time, or the operator is not one folding knows).
std::optional<Result<std::vector<OnnxTensor>>> fold_node(const Lowering& lowering, const OnnxNode& node);

}  // namespace litelab::onnx
