// Fuses RELU, RELU6 and RELU_N1_TO_1 into the operator that produces their input, as
// TensorFlow's converter does: when that operator is a convolution, FULLY_CONNECTED or
// ADD/SUB/MUL/DIV without an activation of its own, and the activation is its output's only
// reader (and the output is not a model output).
#pragma once

#include "model/model.h"

namespace litelab {

// Rewrites subgraph 0; returns the number of activations fused. The activation's output tensor
// (and name) is kept; the tensor between the two operators is left unused (prune_model).
int fuse_activations(Model& model);

}  // namespace litelab
