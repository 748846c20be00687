// Generated models the size of big real networks, for the GUI benchmarks: residual blocks of
// CONV_2D (1x1 weights, so the file stays small), ADD skip connections, and every fourth block
// an inception-like fan of three branches joined by CONCATENATION, until `ops` operators.
#pragma once

#include "model/model.h"

namespace litelab::bench {

Model make_graph_model(int ops);

}  // namespace litelab::bench
