#include "import/common/prune_model.h"

namespace litelab {

namespace {

void prune_tensors(Model& model, size_t subgraph_index) {
    Subgraph& subgraph = model.subgraphs[subgraph_index];
    std::vector<bool> used(subgraph.tensors.size(), false);
    auto mark = [&](int32_t t) {
        if (t >= 0 && static_cast<size_t>(t) < used.size()) used[static_cast<size_t>(t)] = true;
    };
    for (const Operator& op : subgraph.operators) {
        for (int32_t t : op.inputs) mark(t);
        for (int32_t t : op.outputs) mark(t);
        for (int32_t t : op.intermediates) mark(t);
    }
    for (int32_t t : subgraph.inputs) mark(t);
    for (int32_t t : subgraph.outputs) mark(t);
    for (const SignatureDef& s : model.signature_defs) {
        if (s.subgraph_index != subgraph_index) continue;
        for (const TensorMap& m : s.inputs) mark(static_cast<int32_t>(m.tensor_index));
        for (const TensorMap& m : s.outputs) mark(static_cast<int32_t>(m.tensor_index));
    }

    std::vector<int32_t> renumbered(subgraph.tensors.size(), -1);
    std::vector<Tensor> kept;
    for (size_t t = 0; t < subgraph.tensors.size(); ++t) {
        if (!used[t]) continue;
        renumbered[t] = static_cast<int32_t>(kept.size());
        kept.push_back(std::move(subgraph.tensors[t]));
    }
    subgraph.tensors = std::move(kept);
    auto remap = [&](std::vector<int32_t>& list) {
        for (int32_t& t : list)
            if (t >= 0) t = renumbered[static_cast<size_t>(t)];
    };
    for (Operator& op : subgraph.operators) {
        remap(op.inputs);
        remap(op.outputs);
        remap(op.intermediates);
    }
    remap(subgraph.inputs);
    remap(subgraph.outputs);
    for (SignatureDef& s : model.signature_defs) {
        if (s.subgraph_index != subgraph_index) continue;
        for (TensorMap& m : s.inputs) m.tensor_index = static_cast<uint32_t>(renumbered[m.tensor_index]);
        for (TensorMap& m : s.outputs) m.tensor_index = static_cast<uint32_t>(renumbered[m.tensor_index]);
    }
}

void prune_buffers(Model& model) {
    std::vector<bool> used(model.buffers.size(), false);
    if (!used.empty()) used[0] = true;  // the empty sentinel stays first
    for (const Subgraph& s : model.subgraphs)
        for (const Tensor& t : s.tensors)
            if (t.buffer < used.size()) used[t.buffer] = true;
    for (const Metadata& m : model.metadata)
        if (m.buffer < used.size()) used[m.buffer] = true;
    for (int32_t b : model.metadata_buffer)
        if (b >= 0 && static_cast<size_t>(b) < used.size()) used[static_cast<size_t>(b)] = true;

    std::vector<uint32_t> renumbered(model.buffers.size(), 0);
    std::vector<Buffer> kept;
    for (size_t b = 0; b < model.buffers.size(); ++b) {
        if (!used[b]) continue;
        renumbered[b] = static_cast<uint32_t>(kept.size());
        kept.push_back(std::move(model.buffers[b]));
    }
    model.buffers = std::move(kept);
    for (Subgraph& s : model.subgraphs)
        for (Tensor& t : s.tensors)
            if (t.buffer < renumbered.size()) t.buffer = renumbered[t.buffer];
    for (Metadata& m : model.metadata)
        if (m.buffer < renumbered.size()) m.buffer = renumbered[m.buffer];
    for (int32_t& b : model.metadata_buffer)
        if (b >= 0 && static_cast<size_t>(b) < renumbered.size()) b = static_cast<int32_t>(renumbered[static_cast<size_t>(b)]);
}

}  // namespace

void prune_model(Model& model) {
    for (size_t s = 0; s < model.subgraphs.size(); ++s) prune_tensors(model, s);
    prune_buffers(model);
}

}  // namespace litelab
