// Operator versions for the float32 graphs importers write, following TFLite's versioning rules
// (tensorflow/lite/tools/versioning): the lowest version whose kernel knows every feature the
// operator uses (keep_num_dims, a TRANSPOSE_CONV bias, half-pixel resizing, rank 5 ...).
// Claiming more than needed would make older runtimes refuse the model; less, misread it.
#pragma once

#include "model/model.h"

namespace litelab {

int32_t float_operator_version(const Model& model, const Subgraph& subgraph, const Operator& op);

// Gives every operator of every subgraph its version, rebuilding the operator code table.
void set_operator_versions(Model& model);

}  // namespace litelab
