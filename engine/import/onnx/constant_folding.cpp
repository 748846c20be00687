#include "import/onnx/constant_folding.h"

#include <cmath>

#include "import/onnx/node_params.h"
#include "import/onnx/tensor_math.h"

namespace litelab::onnx {

namespace {

using Outputs = Result<std::vector<OnnxTensor>>;

// Folding materialises values in memory; shape arithmetic never needs more.
constexpr int64_t kMaxFoldedElements = int64_t{1} << 26;

std::optional<Outputs> one(OnnxTensor t) {
    return Outputs(std::vector<OnnxTensor>{std::move(t)});
}
std::optional<Outputs> failed(const std::string& what) {
    return Outputs(node_error(what));
}

Result<OnnxTensor> constant_node_value(const OnnxNode& node) {
    for (const auto& [name, a] : node.attributes) {
        if (name == "value" && a.t) return *a.t;
        if (name == "value_float") return float_tensor({}, {a.f});
        if (name == "value_floats") return float_tensor({static_cast<int64_t>(a.floats.size())}, a.floats);
        if (name == "value_int") return int_tensor(DType::kInt64, {}, {a.i});
        if (name == "value_ints") return int_tensor(DType::kInt64, {static_cast<int64_t>(a.ints.size())}, a.ints);
    }
    return node_error("Constant has no value LiteLab reads (value, value_float(s), value_int(s))");
}

std::optional<Outputs> fold_shape(const Lowering& lowering, const OnnxNode& node) {
    const auto& shape = lowering.shape(node.inputs[0]);
    const auto rank = static_cast<int64_t>(shape.size());
    int64_t start = node.int_attr("start", 0), end = node.int_attr("end", rank);
    if (start < 0) start += rank;
    if (end < 0) end += rank;
    start = std::clamp<int64_t>(start, 0, rank);
    end = std::clamp<int64_t>(end, start, rank);
    std::vector<int64_t> dims(shape.begin() + start, shape.begin() + end);
    return one(int_tensor(DType::kInt64, {static_cast<int64_t>(dims.size())}, dims));
}

std::optional<Outputs> fold_binary(const OnnxNode& node, const OnnxTensor& a, const OnnxTensor& b) {
    std::function<double(double, double)> fn;
    const bool integer = !a.is_float() && !b.is_float();
    if (node.op_type == "Add")
        fn = [](double x, double y) { return x + y; };
    else if (node.op_type == "Sub")
        fn = [](double x, double y) { return x - y; };
    else if (node.op_type == "Mul")
        fn = [](double x, double y) { return x * y; };
    else if (node.op_type == "Div") {
        if (integer) {
            fn = [](double x, double y) { return y == 0 ? 0.0 : std::trunc(x / y); };
        } else {
            // float32 division, as the runtime computes it
            fn = [](double x, double y) { return static_cast<double>(static_cast<float>(x) / static_cast<float>(y)); };
        }
    } else if (node.op_type == "Pow")
        fn = [](double x, double y) { return std::pow(x, y); };
    else if (node.op_type == "Equal")
        fn = [](double x, double y) { return x == y ? 1.0 : 0.0; };
    else
        return std::nullopt;
    auto out = broadcast_binary(a, b, fn);
    if (!out) return failed("shapes " + format_shape(a.dims) + " and " + format_shape(b.dims) + " do not broadcast");
    if (node.op_type == "Equal") *out = cast_tensor(*out, DType::kBool);
    return one(std::move(*out));
}

}  // namespace

std::optional<Result<std::vector<OnnxTensor>>> fold_node(const Lowering& lowering, const OnnxNode& node) {
    const std::string& op = node.op_type;
    if (op == "Constant") {
        auto v = constant_node_value(node);
        if (!v) return Outputs(v.error());
        return one(std::move(*v));
    }
    if (op == "Shape") return fold_shape(lowering, node);
    if (op == "Size") return one(int_tensor(DType::kInt64, {}, {element_count_of(lowering.shape(node.inputs[0]))}));

    std::vector<const OnnxTensor*> in;
    for (size_t i = 0; i < node.inputs.size(); ++i) {
        if (!node.has_input(i)) {
            in.push_back(nullptr);
            continue;
        }
        const OnnxTensor* t = lowering.constant(node.inputs[i]);
        if (!t) return std::nullopt;
        in.push_back(t);
    }
    if (in.empty() || !in[0]) return std::nullopt;
    const OnnxTensor& x = *in[0];
    const int rank = static_cast<int>(x.dims.size());
    const int64_t opset = lowering.opset();

    if (op == "Identity" || (op == "Dropout" && node.outputs.size() == 1)) return one(x);
    if (op == "Cast") {
        const auto to = dtype_of_onnx(static_cast<int32_t>(node.int_attr("to", 1)));
        if (!to) return failed("Cast to " + onnx_type_name(static_cast<int32_t>(node.int_attr("to", 1))));
        return one(cast_tensor(x, *to));
    }
    if (op == "Neg" || op == "Sqrt" || op == "Floor" || op == "Ceil") {
        OnnxTensor out = x;
        for (size_t k = 0; k < static_cast<size_t>(x.size()); ++k) {
            const double v = x.as_double(k);
            const double r = op == "Neg"     ? -v
                             : op == "Sqrt"  ? std::sqrt(v)
                             : op == "Floor" ? std::floor(v)
                                             : std::ceil(v);
            if (out.is_float())
                out.floats[k] = static_cast<float>(r);
            else
                out.ints[k] = static_cast<int64_t>(r);
        }
        return one(std::move(out));
    }
    if (in.size() == 2 && in[1]) {
        if (auto r = fold_binary(node, x, *in[1])) return r;
    }
    if (op == "Gather") {
        const auto axis = normalized_axis(node.int_attr("axis", 0), rank);
        if (!axis || !in[1]) return failed("Gather axis is out of range");
        auto out = gather_tensor(x, *axis, *in[1]);
        if (!out) return failed("Gather index out of range");
        return one(std::move(*out));
    }
    if (op == "Concat") {
        const auto axis = normalized_axis(node.int_attr("axis", 0), rank);
        if (!axis) return failed("Concat axis is out of range");
        std::vector<const OnnxTensor*> parts;
        for (const auto* t : in) {
            if (t && t->dims.size() != x.dims.size()) return failed("Concat inputs differ in rank");
            if (t) parts.push_back(t);
        }
        return one(concat_tensors(parts, *axis));
    }
    if (op == "Unsqueeze") {
        auto shape = unsqueezed_shape(lowering, node, x.dims);
        if (!shape) return Outputs(shape.error());
        OnnxTensor out = x;
        out.dims = *shape;
        return one(std::move(out));
    }
    if (op == "Squeeze") {
        auto axes = squeeze_axes(lowering, node, x.dims);
        if (!axes) return Outputs(axes.error());
        OnnxTensor out = x;
        out.dims.clear();
        for (int i = 0; i < rank; ++i) {
            if (std::find(axes->begin(), axes->end(), i) == axes->end())
                out.dims.push_back(x.dims[static_cast<size_t>(i)]);
        }
        return one(std::move(out));
    }
    if (op == "Reshape" || op == "Flatten") {
        auto shape = op == "Reshape" ? reshape_target(lowering, node, x.dims) : flattened_shape(node, x.dims);
        if (!shape) return Outputs(shape.error());
        OnnxTensor out = x;
        out.dims = *shape;
        return one(std::move(out));
    }
    if (op == "Slice") {
        auto ranges = slice_ranges(lowering, node, x.dims, opset);
        if (!ranges) return Outputs(ranges.error());
        return one(slice_tensor(x, *ranges));
    }
    if (op == "Transpose") {
        AxisOrder perm;
        for (int64_t p : node.ints_attr("perm")) perm.push_back(static_cast<int>(p));
        if (perm.empty()) {
            for (int i = rank - 1; i >= 0; --i) perm.push_back(i);
        }
        return one(transpose_tensor(x, perm));
    }
    if (op == "ConstantOfShape") {
        std::vector<int64_t> dims;
        for (int64_t k = 0; k < x.size(); ++k) dims.push_back(x.as_int(static_cast<size_t>(k)));
        int64_t count = 1;
        for (int64_t d : dims) {
            if (d < 0) return failed("ConstantOfShape with a negative size");
            if (d > kMaxFoldedElements || (count *= d) > kMaxFoldedElements)
                return failed("ConstantOfShape is too large to fold");
        }
        OnnxTensor value = float_tensor({}, {0.0f});
        if (node.has("value") && node.attributes.at("value").t) value = *node.attributes.at("value").t;
        OnnxTensor out = value;
        out.dims = dims;
        const auto n = static_cast<size_t>(element_count_of(dims));
        if (value.is_float())
            out.floats.assign(n, value.floats.empty() ? 0.0f : value.floats[0]);
        else
            out.ints.assign(n, value.ints.empty() ? 0 : value.ints[0]);
        return one(std::move(out));
    }
    if (op == "Range" && in.size() == 3 && in[1] && in[2]) {
        const double start = x.as_double(0), limit = in[1]->as_double(0), delta = in[2]->as_double(0);
        if (delta == 0) return failed("Range delta is 0");
        const double count = std::max(0.0, std::ceil((limit - start) / delta));
        if (!(count <= static_cast<double>(kMaxFoldedElements))) return failed("Range is too large to fold");
        const auto n = static_cast<int64_t>(count);
        OnnxTensor out = x;
        out.dims = {n};
        out.floats.clear();
        out.ints.clear();
        for (int64_t k = 0; k < n; ++k) {
            if (out.is_float())
                out.floats.push_back(static_cast<float>(start + static_cast<double>(k) * delta));
            else
                out.ints.push_back(static_cast<int64_t>(start) + k * static_cast<int64_t>(delta));
        }
        return one(std::move(out));
    }
    return std::nullopt;
}

}  // namespace litelab::onnx
