// The rows the properties panel shows for one tensor: shape, type, data, quantization (per
// tensor or per axis), sparsity, its producer and consumers as links, its role in the graph and
// the signature names that map to it.
#pragma once

#include <QCoreApplication>

#include "model/model.h"
#include "viewers/panels/property_tree.h"

namespace litelab::viewers {

class TensorRows {
    Q_DECLARE_TR_FUNCTIONS(TensorRows)

public:
    // `subgraph` and `tensor` must be valid indices of `model`.
    static void fill(PropertyTree& tree, const Model& model, int subgraph, int tensor);

private:
    static void add_quantization(PropertyTree& tree, const Tensor& tensor);
    static void add_connections(PropertyTree& tree, const Model& model, int subgraph, int tensor);
    static void add_signatures(PropertyTree& tree, const Model& model, int subgraph, int tensor);
};

}  // namespace litelab::viewers
