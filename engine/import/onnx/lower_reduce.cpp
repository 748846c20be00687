// ReduceMean / ReduceSum (MEAN / SUM over the stored axes) and Softmax / LogSoftmax (over the
// last stored axis: the value is stored with the softmax axis last; before opset 13 the input
// is coerced to 2-D at the axis, as ONNX then defined it).
#include <set>

#include "import/onnx/lowering_table.h"
#include "import/onnx/node_params.h"

namespace litelab::onnx {

namespace {

Status lower_reduce(Lowering& L, const OnnxNode& n, tflite::BuiltinOperator code) {
    const std::string& x = n.inputs[0];
    const int rank = L.rank(x);
    // Axes moved from attribute to input in opset 13 (ReduceSum) and 18 (the others).
    auto list = int_list(L, n, 1, "axes");
    if (!list) return list.error();
    const bool keep = n.int_attr("keepdims", 1) != 0;
    if (list->values.empty() && n.int_attr("noop_with_empty_axes", 0) != 0) {
        L.alias(n.outputs[0], x);
        return {};
    }
    std::set<int> axes;
    for (int64_t a : list->values) {
        const auto axis = normalized_axis(a, rank);
        if (!axis) return node_error("axis " + std::to_string(a) + " is out of range");
        axes.insert(*axis);
    }
    if (axes.empty()) {
        for (int i = 0; i < rank; ++i) axes.insert(i);
    }
    const AxisOrder order = L.order(x);
    const int32_t in = L.tensor(x);
    std::vector<int64_t> stored_axes, shape;
    for (int a : axes) stored_axes.push_back(stored_axis(order, a));
    std::vector<int> new_index(static_cast<size_t>(rank), -1);
    for (int i = 0, k = 0; i < rank; ++i) {
        if (axes.count(i) && !keep) continue;
        new_index[static_cast<size_t>(i)] = k++;
        shape.push_back(axes.count(i) ? 1 : L.shape(x)[static_cast<size_t>(i)]);
    }
    AxisOrder out_order;
    for (int a : order) {
        if (new_index[static_cast<size_t>(a)] >= 0) out_order.push_back(new_index[static_cast<size_t>(a)]);
    }
    const int32_t out = L.define_new(n.outputs[0], L.type(x), shape, out_order);
    tflite::ReducerOptionsT o;
    o.keep_dims = keep;
    L.op(code, {in, L.int32_constant(n.outputs[0] + "_axes", {static_cast<int64_t>(stored_axes.size())}, stored_axes)},
         {out}, options_of(o));
    return {};
}

Status lower_softmax(Lowering& L, const OnnxNode& n, bool log) {
    const std::string& x = n.inputs[0];
    const int rank = L.rank(x);
    const int64_t default_axis = L.opset() >= 13 ? -1 : 1;
    const auto axis = normalized_axis(n.int_attr("axis", default_axis), std::max(rank, 1));
    if (!axis) return node_error("axis " + std::to_string(n.int_attr("axis", default_axis)) + " is out of range");
    const std::string& name = n.outputs[0];
    auto emit = [&](int32_t in) {
        const auto& s = L.stored_shape(in);
        const int32_t out = L.temp(name, DType::kFloat32, std::vector<int64_t>(s.begin(), s.end()));
        if (log) {
            L.op(tflite::BuiltinOperator_LOG_SOFTMAX, {in}, {out}, options_of(tflite::LogSoftmaxOptionsT{}));
        } else {
            tflite::SoftmaxOptionsT o;
            o.beta = 1.0f;
            L.op(tflite::BuiltinOperator_SOFTMAX, {in}, {out}, options_of(o));
        }
        return out;
    };
    if (L.opset() < 13 && *axis != rank - 1) {
        // Softmax over everything from `axis` on: 2-D [outer, inner] in ONNX's order.
        const auto& shape = L.shape(x);
        int64_t outer = 1;
        for (int i = 0; i < *axis; ++i) outer *= shape[static_cast<size_t>(i)];
        const int32_t in = order_keeps_memory(shape, L.order(x)) ? L.tensor(x) : L.tensor(x, identity_order(rank));
        const int32_t flat =
            L.emit_reshape(in, {outer, element_count_of(shape) / std::max<int64_t>(outer, 1)}, name + "_2d");
        const int32_t out = L.define_new(name, DType::kFloat32, shape, identity_order(rank));
        L.emit_reshape_into(emit(flat), out);
        return {};
    }
    // Store the value with the softmax axis last (no TRANSPOSE when it already is).
    AxisOrder order = L.order(x);
    if (stored_axis(order, *axis) != rank - 1) {
        order.erase(std::find(order.begin(), order.end(), *axis));
        order.push_back(*axis);
    }
    const int32_t out = emit(L.tensor(x, order));
    L.define(name, DType::kFloat32, L.shape(x), order, out);
    return {};
}

}  // namespace

void register_reduce_lowerings(LoweringTable& t) {
    t["ReduceMean"] = [](Lowering& L, const OnnxNode& n) { return lower_reduce(L, n, tflite::BuiltinOperator_MEAN); };
    t["ReduceSum"] = [](Lowering& L, const OnnxNode& n) { return lower_reduce(L, n, tflite::BuiltinOperator_SUM); };
    t["ReduceMax"] = [](Lowering& L, const OnnxNode& n) {
        return lower_reduce(L, n, tflite::BuiltinOperator_REDUCE_MAX);
    };
    t["Softmax"] = [](Lowering& L, const OnnxNode& n) { return lower_softmax(L, n, false); };
    t["LogSoftmax"] = [](Lowering& L, const OnnxNode& n) { return lower_softmax(L, n, true); };
}

}  // namespace litelab::onnx
