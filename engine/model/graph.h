// Graph queries over one subgraph: who produces and who consumes each tensor, an execution
// order, and the size statistics that summaries and the GUI show.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "model/model.h"

namespace litelab {

class SubgraphIndex {
public:
    explicit SubgraphIndex(const Subgraph& subgraph);

    // The operator that writes `tensor`, if any (graph inputs and constants have none).
    std::optional<size_t> producer(int32_t tensor) const;
    // Operators that read `tensor`, in execution order.
    const std::vector<size_t>& consumers(int32_t tensor) const;
private:
    std::vector<std::optional<size_t>> producer_;
    std::vector<std::vector<size_t>> consumers_;
};

// A tensor is constant when its buffer holds data.
inline bool is_constant(const Model& model, const Tensor& tensor) { return !model.tensor_data(tensor).empty(); }

// A dependency-respecting order of the operators (Kahn's algorithm, ties broken by the stored
// order); nullopt if the operators form a cycle.
std::optional<std::vector<size_t>> topological_order(const Subgraph& subgraph);

struct SizeStats {
    uint64_t parameter_count = 0;           // elements of constant tensors
    std::map<DType, uint64_t> bytes_by_dtype;  // constant data bytes, per element type
    uint64_t constant_bytes = 0;
};

SizeStats size_stats(const Model& model);

// Operator name -> number of uses, over all subgraphs.
std::map<std::string, size_t> op_histogram(const Model& model);

// "[1, -1, 3]": how shapes appear in dumps, reports and messages.
std::string format_dims(const std::vector<int32_t>& dims);

// Number of elements described by a shape; nullopt on negative dims or overflow past 2^62.
std::optional<uint64_t> element_count(const std::vector<int32_t>& shape);

}  // namespace litelab
