#include "model/graph.h"

#include <queue>

namespace litelab {
namespace {

bool valid_index(int32_t index, size_t count) { return index >= 0 && static_cast<size_t>(index) < count; }

}  // namespace

SubgraphIndex::SubgraphIndex(const Subgraph& subgraph)
    : producer_(subgraph.tensors.size()), consumers_(subgraph.tensors.size()) {
    for (size_t op = 0; op < subgraph.operators.size(); ++op) {
        for (int32_t t : subgraph.operators[op].inputs)
            if (valid_index(t, consumers_.size())) consumers_[static_cast<size_t>(t)].push_back(op);
        for (int32_t t : subgraph.operators[op].outputs)
            if (valid_index(t, producer_.size()) && !producer_[static_cast<size_t>(t)])
                producer_[static_cast<size_t>(t)] = op;
    }
}

std::optional<size_t> SubgraphIndex::producer(int32_t tensor) const {
    return valid_index(tensor, producer_.size()) ? producer_[static_cast<size_t>(tensor)] : std::nullopt;
}

const std::vector<size_t>& SubgraphIndex::consumers(int32_t tensor) const {
    static const std::vector<size_t> kNone;
    return valid_index(tensor, consumers_.size()) ? consumers_[static_cast<size_t>(tensor)] : kNone;
}

std::optional<std::vector<size_t>> topological_order(const Subgraph& subgraph) {
    const SubgraphIndex index(subgraph);
    const size_t count = subgraph.operators.size();
    std::vector<size_t> pending(count, 0);
    std::vector<std::vector<size_t>> successors(count);
    for (size_t op = 0; op < count; ++op) {
        for (int32_t t : subgraph.operators[op].inputs) {
            if (auto p = index.producer(t); p && *p != op) {
                successors[*p].push_back(op);
                ++pending[op];
            }
        }
    }
    std::priority_queue<size_t, std::vector<size_t>, std::greater<>> ready;
    for (size_t op = 0; op < count; ++op)
        if (pending[op] == 0) ready.push(op);
    std::vector<size_t> order;
    order.reserve(count);
    while (!ready.empty()) {
        const size_t op = ready.top();
        ready.pop();
        order.push_back(op);
        for (size_t next : successors[op])
            if (--pending[next] == 0) ready.push(next);
    }
    if (order.size() != count) return std::nullopt;
    return order;
}

std::string format_dims(const std::vector<int32_t>& dims) {
    std::string text = "[";
    for (size_t i = 0; i < dims.size(); ++i) text += (i ? ", " : "") + std::to_string(dims[i]);
    return text + "]";
}

std::optional<uint64_t> element_count(const std::vector<int32_t>& shape) {
    uint64_t count = 1;
    for (int32_t d : shape) {
        if (d < 0) return std::nullopt;
        if (d != 0 && count > (uint64_t{1} << 62) / static_cast<uint64_t>(d)) return std::nullopt;
        count *= static_cast<uint64_t>(d);
    }
    return count;
}

SizeStats size_stats(const Model& model) {
    SizeStats stats;
    std::vector<bool> counted(model.buffers.size(), false);
    for (const auto& subgraph : model.subgraphs) {
        for (const auto& tensor : subgraph.tensors) {
            const auto data = model.tensor_data(tensor);
            if (data.empty() || counted[tensor.buffer]) continue;
            counted[tensor.buffer] = true;  // buffers shared by several tensors count once
            stats.parameter_count += element_count(tensor.shape).value_or(0);
            stats.bytes_by_dtype[tensor.type] += data.size();
            stats.constant_bytes += data.size();
        }
    }
    return stats;
}

std::map<std::string, size_t> op_histogram(const Model& model) {
    std::map<std::string, size_t> histogram;
    for (const auto& subgraph : model.subgraphs)
        for (const auto& op : subgraph.operators)
            if (op.opcode_index < model.operator_codes.size()) ++histogram[model.opcode(op).name()];
    return histogram;
}

}  // namespace litelab
