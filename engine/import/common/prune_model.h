// Removes what a finished import no longer uses: tensors no operator, input, output or signature
// refers to (left behind by fusion and folding) and buffers no tensor or metadata refers to.
#pragma once

#include "model/model.h"

namespace litelab {

void prune_model(Model& model);

}  // namespace litelab
