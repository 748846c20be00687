// Operators that only rearrange: Transpose (no operator at all: the value's axis order
// changes), Squeeze / Unsqueeze (RESHAPE, keeping the order), Reshape / Flatten (RESHAPE of
// the value in ONNX's order; a TRANSPOSE first only when the stored order moves data).
#include "import/onnx/lowering_table.h"
#include "import/onnx/node_params.h"

namespace litelab::onnx {

namespace {

Status lower_transpose(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    const int rank = L.rank(x);
    AxisOrder perm;
    for (int64_t p : n.ints_attr("perm")) perm.push_back(static_cast<int>(p));
    if (perm.empty()) {
        for (int i = rank - 1; i >= 0; --i) perm.push_back(i);
    }
    AxisOrder sorted = perm;
    std::sort(sorted.begin(), sorted.end());
    if (static_cast<int>(perm.size()) != rank || sorted != identity_order(rank)) {
        return node_error("perm " + format_shape(std::vector<int64_t>(perm.begin(), perm.end())) +
                          " is not a permutation of " + std::to_string(rank) + " axes");
    }
    // Output axis j is input axis perm[j]; the stored tensor is unchanged, only relabelled.
    const AxisOrder in_order = L.order(x);
    const AxisOrder inverse = inverse_order(perm);
    AxisOrder out_order;
    for (int axis : in_order) out_order.push_back(inverse[static_cast<size_t>(axis)]);
    const int32_t t = L.tensor(x);
    L.define(n.outputs[0], L.type(x), apply_order(L.shape(x), perm), out_order, t);
    return {};
}

// The value as a tensor whose bytes are in ONNX's order (no TRANSPOSE when the order keeps memory).
int32_t source_order_tensor(Lowering& L, const std::string& name) {
    if (order_keeps_memory(L.shape(name), L.order(name))) return L.tensor(name);
    return L.tensor(name, identity_order(L.rank(name)));
}

// Gemm (A, not transposed) and MatMul reading `name` with constant 2-D weights: they can take
// their input's columns in another order by permuting the weights' rows.
bool only_dense_layers_read(const Lowering& L, const std::string& name) {
    int readers = 0;
    for (const auto& node : L.graph().nodes) {
        for (size_t i = 0; i < node.inputs.size(); ++i) {
            if (node.inputs[i] != name) continue;
            ++readers;
            const bool gemm = node.op_type == "Gemm" && i == 0 && node.int_attr("transA", 0) == 0;
            const bool matmul = node.op_type == "MatMul" && i == 0;
            const OnnxTensor* w = node.inputs.size() > 1 ? L.constant(node.inputs[1]) : nullptr;
            if (!(gemm || matmul) || !w || w->dims.size() != 2) return false;
        }
    }
    for (const auto& out : L.graph().outputs) {
        if (out.name == name) return false;
    }
    return readers > 0;
}

// The flattening of a channels-last value straight into [rows, K] (no TRANSPOSE): which ONNX
// column each stored column holds.
std::vector<int64_t> stored_column_sources(const std::vector<int64_t>& shape, const AxisOrder& order) {
    // Strides of the ONNX feature axes (1..rank-1) within one row.
    std::vector<int64_t> strides(shape.size(), 1);
    for (size_t i = shape.size() - 1; i > 1; --i) strides[i - 1] = strides[i] * shape[i];
    std::vector<int64_t> stored_dims, stored_strides;
    for (size_t i = 1; i < order.size(); ++i) {
        stored_dims.push_back(shape[static_cast<size_t>(order[i])]);
        stored_strides.push_back(strides[static_cast<size_t>(order[i])]);
    }
    std::vector<int64_t> sources;
    std::vector<int64_t> index(stored_dims.size(), 0);
    const int64_t columns = element_count_of(stored_dims);
    for (int64_t j = 0; j < columns; ++j) {
        int64_t src = 0;
        for (size_t i = 0; i < index.size(); ++i) src += index[i] * stored_strides[i];
        sources.push_back(src);
        for (size_t i = index.size(); i-- > 0;) {
            if (++index[i] < stored_dims[i]) break;
            index[i] = 0;
        }
    }
    return sources;
}

Status reshape_to(Lowering& L, const OnnxNode& n, const std::vector<int64_t>& target) {
    const std::string& x = n.inputs[0];
    const AxisOrder order = L.order(x);
    // Conv -> Flatten -> Gemm: flatten the channels-last tensor as it is and let the dense
    // layer's weights absorb the permutation (TensorFlow's converter writes the same graph).
    if (target.size() == 2 && L.rank(x) > 2 && order[0] == 0 && target[0] == L.shape(x)[0] &&
        !order_keeps_memory(L.shape(x), order) && !L.constant(x) && only_dense_layers_read(L, n.outputs[0])) {
        const int32_t in = L.tensor(x);
        const int32_t out = L.define_new(n.outputs[0], L.type(x), target, identity_order(2));
        L.emit_reshape_into(in, out);
        L.set_feature_order(n.outputs[0], stored_column_sources(L.shape(x), order));
        return {};
    }
    const int32_t in = source_order_tensor(L, x);
    const int32_t out = L.define_new(n.outputs[0], L.type(x), target, identity_order(static_cast<int>(target.size())));
    L.emit_reshape_into(in, out);
    return {};
}

Status lower_reshape(Lowering& L, const OnnxNode& n) {
    auto target = reshape_target(L, n, L.shape(n.inputs[0]));
    if (!target) return target.error();
    return reshape_to(L, n, *target);
}

Status lower_flatten(Lowering& L, const OnnxNode& n) {
    auto target = flattened_shape(n, L.shape(n.inputs[0]));
    if (!target) return target.error();
    return reshape_to(L, n, *target);
}

Status lower_squeeze(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    auto axes = squeeze_axes(L, n, L.shape(x));
    if (!axes) return axes.error();
    std::vector<int> new_index(static_cast<size_t>(L.rank(x)), -1);
    std::vector<int64_t> shape;
    for (int i = 0, k = 0; i < L.rank(x); ++i) {
        if (std::find(axes->begin(), axes->end(), i) != axes->end()) continue;
        new_index[static_cast<size_t>(i)] = k++;
        shape.push_back(L.shape(x)[static_cast<size_t>(i)]);
    }
    AxisOrder order;
    for (int axis : L.order(x)) {
        if (new_index[static_cast<size_t>(axis)] >= 0) order.push_back(new_index[static_cast<size_t>(axis)]);
    }
    const int32_t in = L.tensor(x);
    const int32_t out = L.define_new(n.outputs[0], L.type(x), shape, order);
    L.emit_reshape_into(in, out);
    return {};
}

Status lower_unsqueeze(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    auto shape = unsqueezed_shape(L, n, L.shape(x));
    if (!shape) return shape.error();
    // Input axes keep their stored order; each new size-1 axis goes before the next kept axis.
    auto list = int_list(L, n, 1, "axes");
    if (!list) return list.error();
    const int out_rank = static_cast<int>(shape->size());
    std::vector<bool> is_new(static_cast<size_t>(out_rank), false);
    for (int64_t a : list->values) is_new[static_cast<size_t>(*normalized_axis(a, out_rank))] = true;
    std::vector<int> old_to_new;
    for (int i = 0; i < out_rank; ++i) {
        if (!is_new[static_cast<size_t>(i)]) old_to_new.push_back(i);
    }
    AxisOrder order;
    std::vector<bool> placed(static_cast<size_t>(out_rank), false);
    for (int axis : L.order(x)) {
        const int mapped = old_to_new[static_cast<size_t>(axis)];
        for (int j = 0; j < mapped; ++j) {
            if (is_new[static_cast<size_t>(j)] && !placed[static_cast<size_t>(j)]) {
                order.push_back(j);
                placed[static_cast<size_t>(j)] = true;
            }
        }
        order.push_back(mapped);
    }
    for (int j = 0; j < out_rank; ++j) {
        if (is_new[static_cast<size_t>(j)] && !placed[static_cast<size_t>(j)]) order.push_back(j);
    }
    const int32_t in = L.tensor(x);
    const int32_t out = L.define_new(n.outputs[0], L.type(x), *shape, order);
    L.emit_reshape_into(in, out);
    return {};
}

}  // namespace

void register_reshape_lowerings(LoweringTable& t) {
    t["Transpose"] = lower_transpose;
    t["Reshape"] = lower_reshape;
    t["Flatten"] = lower_flatten;
    t["Squeeze"] = lower_squeeze;
    t["Unsqueeze"] = lower_unsqueeze;
}

}  // namespace litelab::onnx
