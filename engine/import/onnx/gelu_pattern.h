// Recognises the exact GELU PyTorch exports before ONNX had a Gelu operator,
//   y = x * 0.5 * (1 + erf(x / sqrt(2)))
// (Div by sqrt 2 or Mul by 1/sqrt 2; the two Muls in either order) and replaces the five
// nodes with one "Gelu" node, which lowers to TFLite's GELU.
#pragma once

#include "import/onnx/onnx_graph.h"

namespace litelab::onnx {

// Rewrites `graph` in place; returns how many patterns were replaced.
int fuse_gelu_patterns(OnnxGraph& graph);

}  // namespace litelab::onnx
