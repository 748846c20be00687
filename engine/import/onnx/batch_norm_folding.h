// Folds inference-mode BatchNormalization into the Conv before it (TensorFlow's converter
// does the same): the convolution's weights and bias absorb the per-channel scale and shift.
#pragma once

#include "import/onnx/onnx_graph.h"

namespace litelab::onnx {

// Rewrites `graph` in place; returns how many batch norms were folded. A batch norm is folded
// only when its input comes from a Conv with constant weights that nothing else reads and all
// its own parameters are constants.
int fold_batch_norms(OnnxGraph& graph);

}  // namespace litelab::onnx
