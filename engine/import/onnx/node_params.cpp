#include "import/onnx/node_params.h"

#include <algorithm>
#include <set>

namespace litelab::onnx {

Result<IntList> int_list(const Lowering& lowering, const OnnxNode& node, size_t index, const std::string& attribute) {
    IntList list;
    if (node.has_input(index)) {
        const OnnxTensor* t = lowering.constant(node.inputs[index]);
        if (!t) return node_error("input '" + node.inputs[index] + "' must be known when converting (it is computed)");
        for (int64_t k = 0; k < t->size(); ++k) list.values.push_back(t->as_int(static_cast<size_t>(k)));
        list.present = true;
    } else if (!attribute.empty() && node.has(attribute)) {
        list.values = node.ints_attr(attribute);
        list.present = true;
    }
    return list;
}

Result<std::vector<int>> squeeze_axes(const Lowering& lowering, const OnnxNode& node,
                                      const std::vector<int64_t>& shape) {
    auto list = int_list(lowering, node, 1, "axes");
    if (!list) return list.error();
    const int rank = static_cast<int>(shape.size());
    std::set<int> axes;
    if (!list->present) {
        for (int i = 0; i < rank; ++i) {
            if (shape[static_cast<size_t>(i)] == 1) axes.insert(i);
        }
    }
    for (int64_t a : list->values) {
        const auto axis = normalized_axis(a, rank);
        if (!axis) return node_error("axis " + std::to_string(a) + " is out of range for rank " + std::to_string(rank));
        if (shape[static_cast<size_t>(*axis)] != 1) {
            return node_error("cannot squeeze axis " + std::to_string(a) + " of size " +
                              std::to_string(shape[static_cast<size_t>(*axis)]));
        }
        axes.insert(*axis);
    }
    return std::vector<int>(axes.begin(), axes.end());
}

Result<std::vector<int64_t>> unsqueezed_shape(const Lowering& lowering, const OnnxNode& node,
                                              const std::vector<int64_t>& shape) {
    auto list = int_list(lowering, node, 1, "axes");
    if (!list) return list.error();
    if (!list->present) return node_error("Unsqueeze needs axes");
    const int out_rank = static_cast<int>(shape.size() + list->values.size());
    std::set<int> axes;
    for (int64_t a : list->values) {
        const auto axis = normalized_axis(a, out_rank);
        if (!axis || !axes.insert(*axis).second)
            return node_error("axes " + format_shape(list->values) + " are invalid");
    }
    std::vector<int64_t> out;
    size_t next = 0;
    for (int i = 0; i < out_rank; ++i) out.push_back(axes.count(i) ? 1 : shape[next++]);
    return out;
}

Result<std::vector<int64_t>> reshape_target(const Lowering& lowering, const OnnxNode& node,
                                            const std::vector<int64_t>& shape) {
    auto list = int_list(lowering, node, 1, "shape");
    if (!list) return list.error();
    if (!list->present) return node_error("Reshape needs a shape");
    const bool allow_zero = node.int_attr("allowzero", 0) != 0;
    std::vector<int64_t> out = list->values;
    int infer = -1;
    int64_t known = 1;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == 0 && !allow_zero) {
            if (i >= shape.size())
                return node_error("shape " + format_shape(list->values) + " copies a missing dimension");
            out[i] = shape[i];
        }
        if (out[i] == -1) {
            if (infer >= 0) return node_error("shape " + format_shape(list->values) + " has two -1");
            infer = static_cast<int>(i);
        } else if (out[i] < 0) {
            return node_error("shape " + format_shape(list->values) + " has a negative size");
        } else {
            known *= out[i];
        }
    }
    const int64_t total = element_count_of(shape);
    if (infer >= 0) {
        if (known == 0 || total % known != 0) {
            return node_error("cannot reshape " + format_shape(shape) + " to " + format_shape(list->values));
        }
        out[static_cast<size_t>(infer)] = total / known;
    } else if (known != total) {
        return node_error("cannot reshape " + format_shape(shape) + " to " + format_shape(list->values));
    }
    return out;
}

Result<std::vector<int64_t>> flattened_shape(const OnnxNode& node, const std::vector<int64_t>& shape) {
    const int rank = static_cast<int>(shape.size());
    int64_t axis = node.int_attr("axis", 1);
    if (axis < 0) axis += rank;
    if (axis < 0 || axis > rank)
        return node_error("axis " + std::to_string(node.int_attr("axis", 1)) + " is out of range");
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < rank; ++i) (i < axis ? outer : inner) *= shape[static_cast<size_t>(i)];
    return std::vector<int64_t>{outer, inner};
}

Result<std::vector<SliceRange>> slice_ranges(const Lowering& lowering, const OnnxNode& node,
                                             const std::vector<int64_t>& shape, int64_t opset) {
    IntList starts, ends, axes, steps;
    if (opset < 10) {
        starts = {node.ints_attr("starts"), true};
        ends = {node.ints_attr("ends"), true};
        axes = {node.ints_attr("axes"), node.has("axes")};
    } else {
        auto s = int_list(lowering, node, 1, "");
        auto e = int_list(lowering, node, 2, "");
        auto a = int_list(lowering, node, 3, "");
        auto st = int_list(lowering, node, 4, "");
        for (auto* r : {&s, &e, &a, &st}) {
            if (!*r) return r->error();
        }
        starts = *s;
        ends = *e;
        axes = *a;
        steps = *st;
    }
    const int rank = static_cast<int>(shape.size());
    if (starts.values.size() != ends.values.size()) return node_error("starts and ends differ in length");
    if (!axes.present) {
        for (size_t i = 0; i < starts.values.size(); ++i) axes.values.push_back(static_cast<int64_t>(i));
    }
    if (!steps.present) steps.values.assign(starts.values.size(), 1);
    if (axes.values.size() != starts.values.size() || steps.values.size() != starts.values.size()) {
        return node_error("starts, ends, axes and steps differ in length");
    }
    std::vector<SliceRange> ranges;
    for (int64_t d : shape) ranges.push_back({0, d, 1});
    for (size_t i = 0; i < starts.values.size(); ++i) {
        const auto axis = normalized_axis(axes.values[i], rank);
        if (!axis) return node_error("axis " + std::to_string(axes.values[i]) + " is out of range");
        if (steps.values[i] == 0) return node_error("a slice step is 0");
        ranges[static_cast<size_t>(*axis)] =
            slice_range(shape[static_cast<size_t>(*axis)], starts.values[i], ends.values[i], steps.values[i]);
    }
    return ranges;
}

Result<SplitPlan> split_plan(const Lowering& lowering, const OnnxNode& node, const std::vector<int64_t>& shape,
                             int64_t opset) {
    SplitPlan plan;
    const auto axis = normalized_axis(node.int_attr("axis", 0), static_cast<int>(shape.size()));
    if (!axis) return node_error("axis " + std::to_string(node.int_attr("axis", 0)) + " is out of range");
    plan.axis = *axis;
    auto list = opset >= 13 ? int_list(lowering, node, 1, "") : int_list(lowering, node, 1, "split");
    if (!list) return list.error();
    const int64_t dim = shape[static_cast<size_t>(*axis)];
    const auto parts = static_cast<int64_t>(node.outputs.size());
    if (list->present) {
        plan.sizes = list->values;
        int64_t total = 0;
        for (int64_t s : plan.sizes) total += s;
        if (total != dim || plan.sizes.size() != node.outputs.size()) {
            return node_error("split sizes " + format_shape(plan.sizes) + " do not fit dimension " +
                              std::to_string(dim));
        }
    } else {
        if (parts == 0 || dim % parts != 0) {
            return node_error("dimension " + std::to_string(dim) + " does not split into " + std::to_string(parts) +
                              " parts");
        }
        plan.sizes.assign(static_cast<size_t>(parts), dim / parts);
    }
    return plan;
}

Result<PadPlan> pad_plan(const Lowering& lowering, const OnnxNode& node, const std::vector<int64_t>& shape,
                         int64_t opset) {
    PadPlan plan;
    plan.mode = node.string_attr("mode", "constant");
    std::vector<int64_t> pads;
    if (opset < 11) {
        pads = node.has("pads") ? node.ints_attr("pads") : node.ints_attr("paddings");
        plan.value = node.float_attr("value", 0.0f);
    } else {
        auto list = int_list(lowering, node, 1, "");
        if (!list) return list.error();
        pads = list->values;
        if (node.has_input(2)) {
            const OnnxTensor* v = lowering.constant(node.inputs[2]);
            if (!v || v->size() != 1) return node_error("the pad value must be a known scalar");
            plan.value = static_cast<float>(v->as_double(0));
        }
    }
    const size_t rank = shape.size();
    std::vector<int> axes;
    if (opset >= 18 || node.has_input(3)) return node_error("Pad with axes is not supported");
    if (pads.size() != 2 * rank)
        return node_error("pads " + format_shape(pads) + " do not fit rank " + std::to_string(rank));
    plan.begin.assign(pads.begin(), pads.begin() + static_cast<long>(rank));
    plan.end.assign(pads.begin() + static_cast<long>(rank), pads.end());
    if (plan.mode != "constant" && plan.mode != "reflect" && plan.mode != "edge") {
        return node_error("pad mode '" + plan.mode + "' is unknown");
    }
    return plan;
}

}  // namespace litelab::onnx
