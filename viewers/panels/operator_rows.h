// The rows the properties panel shows for one operator: its opcode, every builtin option (from
// the schema's reflection tables, so no operator needs code of its own), custom options and its
// input, output and intermediate tensors as links.
#pragma once

#include <QCoreApplication>

#include "model/model.h"
#include "viewers/panels/property_tree.h"

namespace litelab::viewers {

class OperatorRows {
    Q_DECLARE_TR_FUNCTIONS(OperatorRows)

public:
    // `subgraph` and `op` must be valid indices of `model`.
    static void fill(PropertyTree& tree, const Model& model, int subgraph, int op);
};

}  // namespace litelab::viewers
