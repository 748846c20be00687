// Operators that select or combine along axes, done in whatever order the value is stored by
// mapping ONNX's axes to stored ones: Concat (CONCATENATION), Split (SPLIT / SPLIT_V), Slice
// (SLICE or STRIDED_SLICE), Gather (GATHER), Tile (TILE), Pad (PAD, PADV2, MIRROR_PAD; edge
// padding as GATHERs of clamped indices).
#include "import/onnx/lowering_table.h"
#include "import/onnx/node_params.h"
#include "import/onnx/window_geometry.h"

namespace litelab::onnx {

namespace {

Status lower_concat(Lowering& L, const OnnxNode& n) {
    std::vector<std::string> inputs;
    for (const auto& in : n.inputs) {
        if (!in.empty() && element_count_of(L.shape(in)) > 0) inputs.push_back(in);
    }
    if (inputs.empty()) return node_error("all inputs are empty");
    const int rank = L.rank(inputs[0]);
    const auto axis = normalized_axis(n.int_attr("axis", 0), rank);
    if (!axis) return node_error("axis " + std::to_string(n.int_attr("axis", 0)) + " is out of range");
    std::vector<int64_t> shape = L.shape(inputs[0]);
    shape[static_cast<size_t>(*axis)] = 0;
    for (const auto& in : inputs) {
        const auto& s = L.shape(in);
        if (static_cast<int>(s.size()) != rank) return node_error("inputs differ in rank");
        for (int i = 0; i < rank; ++i) {
            if (i != *axis && s[static_cast<size_t>(i)] != shape[static_cast<size_t>(i)]) {
                return node_error("input shapes " + format_shape(L.shape(inputs[0])) + " and " + format_shape(s) +
                                  " do not concatenate");
            }
        }
        shape[static_cast<size_t>(*axis)] += s[static_cast<size_t>(*axis)];
    }
    if (inputs.size() == 1) {
        L.alias(n.outputs[0], inputs[0]);
        return {};
    }
    const AxisOrder order = L.elementwise_order(inputs, rank);
    std::vector<int32_t> tensors;
    for (const auto& in : inputs) tensors.push_back(L.tensor(in, order));
    const int32_t out = L.define_new(n.outputs[0], L.type(inputs[0]), shape, order);
    tflite::ConcatenationOptionsT o;
    o.axis = stored_axis(order, *axis);
    L.op(tflite::BuiltinOperator_CONCATENATION, tensors, {out}, options_of(o));
    return {};
}

Status lower_split(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    auto plan = split_plan(L, n, L.shape(x), L.opset());
    if (!plan) return plan.error();
    const AxisOrder order = L.order(x);
    const int32_t in = L.tensor(x);
    const int axis = stored_axis(order, plan->axis);
    std::vector<int32_t> outs;
    bool equal = true;
    for (size_t k = 0; k < plan->sizes.size(); ++k) {
        std::vector<int64_t> shape = L.shape(x);
        shape[static_cast<size_t>(plan->axis)] = plan->sizes[k];
        outs.push_back(L.define_new(n.outputs[k], L.type(x), shape, order));
        equal = equal && plan->sizes[k] == plan->sizes[0];
    }
    const int32_t axis_t = L.int32_constant(n.outputs[0] + "_axis", {}, {axis});
    if (equal) {
        tflite::SplitOptionsT o;
        o.num_splits = static_cast<int32_t>(outs.size());
        L.op(tflite::BuiltinOperator_SPLIT, {axis_t, in}, outs, options_of(o));
    } else {
        tflite::SplitVOptionsT o;
        o.num_splits = static_cast<int32_t>(outs.size());
        const int32_t sizes =
            L.int32_constant(n.outputs[0] + "_sizes", {static_cast<int64_t>(plan->sizes.size())}, plan->sizes);
        L.op(tflite::BuiltinOperator_SPLIT_V, {in, sizes, axis_t}, outs, options_of(o));
    }
    return {};
}

Status lower_slice(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    auto ranges = slice_ranges(L, n, L.shape(x), L.opset());
    if (!ranges) return ranges.error();
    std::vector<int64_t> shape;
    bool unit_steps = true;
    for (const auto& r : *ranges) {
        if (r.count == 0) return node_error("the slice is empty");
        shape.push_back(r.count);
        unit_steps = unit_steps && r.step == 1;
    }
    const AxisOrder order = L.order(x);
    const int32_t in = L.tensor(x);
    const auto stored = apply_order(*ranges, order);
    const int64_t rank = static_cast<int64_t>(stored.size());
    const int32_t out = L.define_new(n.outputs[0], L.type(x), shape, order);
    const std::string& name = n.outputs[0];
    std::vector<int64_t> begin, size, end, strides;
    int32_t end_mask = 0;
    for (size_t i = 0; i < stored.size(); ++i) {
        const auto& r = stored[i];
        begin.push_back(r.begin);
        size.push_back(r.count);
        strides.push_back(r.step);
        int64_t last = r.begin + (r.count - 1) * r.step;
        int64_t e = r.step > 0 ? last + 1 : last - 1;
        if (e < 0) {
            end_mask |= 1 << i;  // a negative end would count from the back
            e = 0;
        }
        end.push_back(e);
    }
    if (unit_steps) {
        L.op(tflite::BuiltinOperator_SLICE,
             {in, L.int32_constant(name + "_begin", {rank}, begin), L.int32_constant(name + "_size", {rank}, size)},
             {out}, options_of(tflite::SliceOptionsT{}));
    } else {
        tflite::StridedSliceOptionsT o;
        o.end_mask = end_mask;
        L.op(tflite::BuiltinOperator_STRIDED_SLICE,
             {in, L.int32_constant(name + "_begin", {rank}, begin), L.int32_constant(name + "_end", {rank}, end),
              L.int32_constant(name + "_strides", {rank}, strides)},
             {out}, options_of(o));
    }
    return {};
}

Status lower_gather(Lowering& L, const OnnxNode& n) {
    const std::string &x = n.inputs[0], &idx = n.inputs[1];
    const int rank = L.rank(x);
    const auto axis = normalized_axis(n.int_attr("axis", 0), rank);
    if (!axis) return node_error("axis " + std::to_string(n.int_attr("axis", 0)) + " is out of range");
    const int64_t dim = L.shape(x)[static_cast<size_t>(*axis)];
    const auto& idx_shape = L.shape(idx);
    std::vector<int64_t> shape(L.shape(x).begin(), L.shape(x).begin() + *axis);
    shape.insert(shape.end(), idx_shape.begin(), idx_shape.end());
    shape.insert(shape.end(), L.shape(x).begin() + *axis + 1, L.shape(x).end());
    const std::string& name = n.outputs[0];

    int32_t indices;
    if (const OnnxTensor* c = L.constant(idx)) {
        OnnxTensor fixed = *c;
        for (auto& v : fixed.ints) {
            if (v < 0) v += dim;
            if (v < 0 || v >= dim)
                return node_error("index " + std::to_string(v) + " is out of range for dimension " +
                                  std::to_string(dim));
        }
        indices = L.constant_tensor(name + "_indices", fixed);
    } else {
        // Run-time indices may be negative: add the dimension where they are.
        const int32_t raw = L.tensor(idx, identity_order(static_cast<int>(idx_shape.size())));
        const DType t = L.tensor_type(raw);
        if (t != DType::kInt32 && t != DType::kInt64)
            return node_error("indices of type " + std::string(dtype_name(t)));
        const int32_t zero = L.constant_tensor(name + "_zero", int_tensor(t, {}, {0}), t == DType::kInt32);
        const int32_t dim_t = L.constant_tensor(name + "_dim", int_tensor(t, {}, {dim}), t == DType::kInt32);
        const auto& rs = L.stored_shape(raw);
        const std::vector<int64_t> idx_stored(rs.begin(), rs.end());
        const int32_t negative = L.temp(name + "_negative", DType::kBool, idx_stored);
        L.op(tflite::BuiltinOperator_LESS, {raw, zero}, {negative});
        const int32_t as_int = L.temp(name + "_negative_as_int", t, idx_stored);
        L.op(tflite::BuiltinOperator_CAST, {negative}, {as_int}, options_of(tflite::CastOptionsT{}));
        indices = L.emit_binary(tflite::BuiltinOperator_ADD, raw,
                                L.emit_binary(tflite::BuiltinOperator_MUL, as_int, dim_t, name + "_offset"),
                                name + "_indices");
    }
    // Keep the data's order when the indices replace the axis one for one (rank 1); else ONNX's order.
    const AxisOrder data_order = idx_shape.size() == 1 ? L.order(x) : identity_order(rank);
    const int32_t data = L.tensor(x, data_order);
    const int32_t out = L.define_new(
        name, L.type(x), shape, idx_shape.size() == 1 ? data_order : identity_order(static_cast<int>(shape.size())));
    tflite::GatherOptionsT o;
    o.axis = stored_axis(data_order, *axis);
    L.op(tflite::BuiltinOperator_GATHER, {data, indices}, {out}, options_of(o));
    return {};
}

Status lower_tile(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    auto repeats = int_list(L, n, 1, "");
    if (!repeats) return repeats.error();
    if (static_cast<int>(repeats->values.size()) != L.rank(x)) return node_error("repeats do not match the rank");
    std::vector<int64_t> shape = L.shape(x);
    for (size_t i = 0; i < shape.size(); ++i) {
        if (repeats->values[i] < 1) return node_error("repeats must be positive");
        shape[i] *= repeats->values[i];
    }
    const AxisOrder order = L.order(x);
    const int32_t in = L.tensor(x);
    const auto stored = apply_order(repeats->values, order);
    const int32_t out = L.define_new(n.outputs[0], L.type(x), shape, order);
    L.op(tflite::BuiltinOperator_TILE,
         {in, L.int32_constant(n.outputs[0] + "_multiples", {static_cast<int64_t>(stored.size())}, stored)}, {out},
         options_of(tflite::TileOptionsT{}));
    return {};
}

// Edge padding along one stored axis: GATHER with indices clamped to the axis.
int32_t edge_pad_axis(Lowering& L, int32_t input, int axis, int64_t before, int64_t after, const std::string& name) {
    const auto& s = L.stored_shape(input);
    const int64_t dim = s[static_cast<size_t>(axis)];
    std::vector<int64_t> idx;
    for (int64_t k = -before; k < dim + after; ++k) idx.push_back(std::clamp<int64_t>(k, 0, dim - 1));
    std::vector<int64_t> out_shape(s.begin(), s.end());
    out_shape[static_cast<size_t>(axis)] = static_cast<int64_t>(idx.size());
    const int32_t out = L.temp(name + "_edge", L.tensor_type(input), out_shape);
    tflite::GatherOptionsT o;
    o.axis = axis;
    L.op(tflite::BuiltinOperator_GATHER,
         {input, L.int32_constant(name + "_edge_indices", {static_cast<int64_t>(idx.size())}, idx)}, {out},
         options_of(o));
    return out;
}

Status lower_pad(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    auto plan = pad_plan(L, n, L.shape(x), L.opset());
    if (!plan) return plan.error();
    const AxisOrder order = L.order(x);
    int32_t t = L.tensor(x);
    const std::string& name = n.outputs[0];
    std::vector<int64_t> shape = L.shape(x);
    // Negative pads crop: a SLICE first, then pad by the positive amounts.
    std::vector<int64_t> crop_begin(shape.size(), 0), crop_size = shape, before = plan->begin, after = plan->end;
    bool crop = false;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (before[i] < 0) {
            crop_begin[i] = -before[i];
            crop_size[i] += before[i];
            before[i] = 0;
            crop = true;
        }
        if (after[i] < 0) {
            crop_size[i] += after[i];
            after[i] = 0;
            crop = true;
        }
        if (crop_size[i] <= 0) return node_error("pads remove the whole axis");
    }
    if (crop) {
        const auto b = apply_order(crop_begin, order), sz = apply_order(crop_size, order);
        const int32_t cropped = L.temp(name + "_cropped", L.type(x), sz);
        L.op(tflite::BuiltinOperator_SLICE,
             {t, L.int32_constant(name + "_begin", {static_cast<int64_t>(b.size())}, b),
              L.int32_constant(name + "_size", {static_cast<int64_t>(sz.size())}, sz)},
             {cropped}, options_of(tflite::SliceOptionsT{}));
        t = cropped;
    }
    const auto sb = apply_order(before, order), sa = apply_order(after, order);
    if (plan->mode == "constant") {
        t = emit_pad(L, t, sb, sa, plan->value, name);
    } else if (plan->mode == "reflect") {
        std::vector<int64_t> paddings;
        for (size_t i = 0; i < sb.size(); ++i) {
            paddings.push_back(sb[i]);
            paddings.push_back(sa[i]);
        }
        const auto& s = L.stored_shape(t);
        std::vector<int64_t> out_shape;
        for (size_t i = 0; i < s.size(); ++i) out_shape.push_back(s[i] + sb[i] + sa[i]);
        const int32_t out = L.temp(name + "_padded", L.type(x), out_shape);
        tflite::MirrorPadOptionsT o;
        o.mode = tflite::MirrorPadMode_REFLECT;
        L.op(tflite::BuiltinOperator_MIRROR_PAD,
             {t, L.int32_constant(name + "_paddings", {static_cast<int64_t>(sb.size()), 2}, paddings)}, {out},
             options_of(o));
        t = out;
    } else {
        for (size_t i = 0; i < sb.size(); ++i) {
            if (sb[i] != 0 || sa[i] != 0) t = edge_pad_axis(L, t, static_cast<int>(i), sb[i], sa[i], name);
        }
    }
    for (size_t i = 0; i < shape.size(); ++i) shape[i] = crop_size[i] + before[i] + after[i];
    L.define(name, L.type(x), shape, order, t);
    return {};
}

}  // namespace

void register_slicing_lowerings(LoweringTable& t) {
    t["Concat"] = lower_concat;
    t["Split"] = lower_split;
    t["Slice"] = lower_slice;
    t["Gather"] = lower_gather;
    t["Tile"] = lower_tile;
    t["Pad"] = lower_pad;
}

}  // namespace litelab::onnx
