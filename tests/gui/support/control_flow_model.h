// A small model with a WHILE loop: subgraph 0 runs WHILE(cond: 1, body: 2) over a counter and
// adds its result to a second input. Built by hand for the graph view's subgraph navigation.
#pragma once

#include "model/model.h"

namespace litelab::test {

Model make_while_model();

}  // namespace litelab::test
