#include "import/onnx/lowering.h"

#include <cstring>

#include "import/onnx/tensor_math.h"

namespace litelab::onnx {

namespace {

std::vector<int32_t> narrow_shape(const std::vector<int64_t>& shape) {
    return std::vector<int32_t>(shape.begin(), shape.end());
}

template <class T>
Bytes bytes_of(const std::vector<T>& values) {
    std::vector<uint8_t> bytes(values.size() * sizeof(T));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return Bytes::take(std::move(bytes));
}

template <class T>
Bytes narrowed(const std::vector<int64_t>& values) {
    std::vector<T> out(values.size());
    for (size_t k = 0; k < values.size(); ++k) out[k] = static_cast<T>(values[k]);
    return bytes_of(out);
}

}  // namespace

const OnnxTensor* Lowering::constant(const std::string& name) const {
    const auto it = values_.find(name);
    return it != values_.end() && it->second.constant ? &*it->second.constant : nullptr;
}

AxisOrder Lowering::order(const std::string& name) const {
    const LoweredValue& v = value(name);
    return v.tensor >= 0 ? v.order : identity_order(static_cast<int>(v.shape.size()));
}

int32_t Lowering::tensor(const std::string& name) {
    LoweredValue& v = values_.at(name);
    if (v.tensor < 0) return tensor(name, identity_order(static_cast<int>(v.shape.size())));
    return v.tensor;
}

int32_t Lowering::tensor(const std::string& name, const AxisOrder& order) {
    LoweredValue& v = values_.at(name);
    if (v.tensor >= 0 && v.order == order) return v.tensor;
    if (auto it = v.other_orders.find(order); it != v.other_orders.end()) return it->second;
    int32_t t;
    if (v.constant) {
        t = constant_tensor(name, transpose_tensor(*v.constant, order));
    } else {
        t = emit_transpose(v.tensor, transpose_between(v.order, order), name);
    }
    if (v.tensor < 0) {
        v.tensor = t;
        v.order = order;
    } else {
        v.other_orders[order] = t;
    }
    return t;
}

int32_t Lowering::broadcast_operand(const std::string& name, int rank, const AxisOrder& order) {
    const LoweredValue& v = value(name);
    const int own = static_cast<int>(v.shape.size());
    if (own == rank) return tensor(name, order);
    std::vector<int64_t> padded(static_cast<size_t>(rank - own), 1);
    padded.insert(padded.end(), v.shape.begin(), v.shape.end());
    if (v.constant) {
        if (v.constant->size() == 1) return tensor(name);  // a scalar broadcasts in any order
        OnnxTensor c = *v.constant;
        c.dims = padded;
        return constant_tensor(name, transpose_tensor(c, order));
    }
    const int32_t expanded = emit_reshape(tensor(name, identity_order(own)), padded, name + "_expanded");
    return emit_transpose(expanded, order, name);
}

AxisOrder Lowering::elementwise_order(const std::vector<std::string>& names, int rank) const {
    for (const auto& name : names) {
        if (!name.empty() && !constant(name) && static_cast<int>(shape(name).size()) == rank) return order(name);
    }
    return identity_order(rank);
}

void Lowering::define(const std::string& name, DType type, std::vector<int64_t> shape, AxisOrder order,
                      int32_t tensor) {
    LoweredValue v;
    v.type = type;
    v.shape = std::move(shape);
    v.order = std::move(order);
    v.tensor = tensor;
    values_[name] = std::move(v);
}

int32_t Lowering::define_new(const std::string& name, DType type, std::vector<int64_t> shape, AxisOrder order) {
    const int32_t t = temp(name, type, apply_order(shape, order));
    define(name, type, std::move(shape), std::move(order), t);
    return t;
}

void Lowering::define_constant(const std::string& name, OnnxTensor value) {
    LoweredValue v;
    v.type = value.type;
    v.shape = value.dims;
    v.constant = std::move(value);
    values_[name] = std::move(v);
}

std::string Lowering::unique_name(const std::string& hint) {
    const int n = names_used_[hint]++;
    return n == 0 ? hint : hint + "_" + std::to_string(n);
}

int32_t Lowering::temp(const std::string& hint, DType type, const std::vector<int64_t>& stored_shape) {
    return builder_.add_tensor(unique_name(hint), type, narrow_shape(stored_shape));
}

int32_t Lowering::constant_tensor(const std::string& hint, const OnnxTensor& value, bool narrow_ints) {
    const auto shape = narrow_shape(value.dims);
    Bytes data;
    DType type = value.type;
    if (value.is_float()) {
        type = DType::kFloat32;
        data = bytes_of(value.floats);
    } else {
        switch (value.type) {
            case DType::kInt64:
            case DType::kUInt64:
            case DType::kUInt32:
                type = narrow_ints ? DType::kInt32 : DType::kInt64;
                data = narrow_ints ? narrowed<int32_t>(value.ints) : narrowed<int64_t>(value.ints);
                break;
            case DType::kInt32:
                data = narrowed<int32_t>(value.ints);
                break;
            case DType::kInt16:
                data = narrowed<int16_t>(value.ints);
                break;
            case DType::kUInt16:
                data = narrowed<uint16_t>(value.ints);
                break;
            case DType::kInt8:
                data = narrowed<int8_t>(value.ints);
                break;
            case DType::kUInt8:
            case DType::kBool:
                data = narrowed<uint8_t>(value.ints);
                break;
            default:
                data = narrowed<int32_t>(value.ints);
                type = DType::kInt32;
                break;
        }
    }
    if (data.empty()) {
        // Zero-element constants still need a distinct buffer: the builder treats empty data as "no data".
        return builder_.add_tensor(unique_name(hint), type, shape);
    }
    return builder_.add_tensor(unique_name(hint), type, shape, std::move(data));
}

int32_t Lowering::float_constant(const std::string& hint, std::vector<int64_t> dims, std::vector<float> values) {
    return constant_tensor(hint, float_tensor(std::move(dims), std::move(values)));
}

int32_t Lowering::int32_constant(const std::string& hint, std::vector<int64_t> dims, std::vector<int64_t> values) {
    return constant_tensor(hint, int_tensor(DType::kInt32, std::move(dims), std::move(values)));
}

void Lowering::op(tflite::BuiltinOperator code, std::vector<int32_t> inputs, std::vector<int32_t> outputs,
                  tflite::BuiltinOptionsUnion options, int32_t version) {
    builder_.add_operator(code, std::move(inputs), std::move(outputs), std::move(options), version);
}

std::vector<int32_t> Lowering::stored_shape(int32_t tensor) const {
    return builder_.model().subgraphs.back().tensors[static_cast<size_t>(tensor)].shape;
}

DType Lowering::tensor_type(int32_t tensor) const {
    return builder_.model().subgraphs.back().tensors[static_cast<size_t>(tensor)].type;
}

std::string Lowering::tensor_name(int32_t tensor) const {
    return builder_.model().subgraphs.back().tensors[static_cast<size_t>(tensor)].name;
}

int32_t Lowering::emit_transpose(int32_t input, const AxisOrder& perm, const std::string& hint) {
    const auto& in_shape = stored_shape(input);
    std::vector<int64_t> out_shape;
    for (int p : perm) out_shape.push_back(in_shape[static_cast<size_t>(p)]);
    const std::vector<int64_t> in64(in_shape.begin(), in_shape.end());
    // A permutation that moves only size-1 dimensions is a reshape: no data moves.
    const int32_t out = temp(hint + "_transposed", tensor_type(input), out_shape);
    if (order_keeps_memory(in64, perm)) {
        emit_reshape_into(input, out);
        return out;
    }
    std::vector<int64_t> p(perm.begin(), perm.end());
    const int32_t perm_tensor = int32_constant(hint + "_perm", {static_cast<int64_t>(p.size())}, p);
    tflite::TransposeOptionsT options;
    op(tflite::BuiltinOperator_TRANSPOSE, {input, perm_tensor}, {out}, options_of(std::move(options)));
    return out;
}

int32_t Lowering::emit_reshape(int32_t input, const std::vector<int64_t>& new_shape, const std::string& hint) {
    const int32_t out = temp(hint, tensor_type(input), new_shape);
    emit_reshape_into(input, out);
    return out;
}

void Lowering::emit_reshape_into(int32_t input, int32_t output) {
    auto shape = stored_shape(output);
    const auto in_shape = stored_shape(input);
    // The batch may differ at run time: -1 lets RESHAPE carry it (the other sizes are fixed).
    if (dynamic_batch_ && !shape.empty() && !in_shape.empty() && shape[0] == in_shape[0]) shape[0] = -1;
    std::vector<int64_t> dims(shape.begin(), shape.end());
    const int32_t shape_tensor =
        int32_constant(tensor_name(output) + "_shape", {static_cast<int64_t>(dims.size())}, dims);
    tflite::ReshapeOptionsT options;
    options.new_shape.assign(shape.begin(), shape.end());
    op(tflite::BuiltinOperator_RESHAPE, {input, shape_tensor}, {output}, options_of(std::move(options)));
}

int32_t Lowering::emit_binary(tflite::BuiltinOperator code, int32_t a, int32_t b, const std::string& hint) {
    const auto& sa = stored_shape(a);
    const auto& sb = stored_shape(b);
    const size_t rank = std::max(sa.size(), sb.size());
    std::vector<int64_t> out(rank, 1);
    for (size_t i = 0; i < rank; ++i) {
        const int64_t da = i + sa.size() >= rank ? sa[i + sa.size() - rank] : 1;
        const int64_t db = i + sb.size() >= rank ? sb[i + sb.size() - rank] : 1;
        out[i] = da == 1 ? db : da;
    }
    const int32_t result = temp(hint, tensor_type(a), out);
    tflite::BuiltinOptionsUnion options;
    switch (code) {
        case tflite::BuiltinOperator_ADD:
            options = options_of(tflite::AddOptionsT{});
            break;
        case tflite::BuiltinOperator_SUB:
            options = options_of(tflite::SubOptionsT{});
            break;
        case tflite::BuiltinOperator_MUL:
            options = options_of(tflite::MulOptionsT{});
            break;
        case tflite::BuiltinOperator_DIV:
            options = options_of(tflite::DivOptionsT{});
            break;
        default:
            break;
    }
    op(code, {a, b}, {result}, std::move(options));
    return result;
}

int32_t Lowering::emit_unary(tflite::BuiltinOperator code, int32_t input, const std::string& hint,
                             tflite::BuiltinOptionsUnion options) {
    const auto& s = stored_shape(input);
    const int32_t result = temp(hint, tensor_type(input), std::vector<int64_t>(s.begin(), s.end()));
    op(code, {input}, {result}, std::move(options));
    return result;
}

void Lowering::note(std::string line) {
    for (const auto& n : notes_) {
        if (n == line) return;
    }
    notes_.push_back(std::move(line));
}

int64_t element_count_of(const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

std::optional<int> normalized_axis(int64_t axis, int rank) {
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= rank) return std::nullopt;
    return static_cast<int>(axis);
}

Error node_error(const std::string& what) {
    return make_error(ErrorCode::kInvalid, what);
}

std::string format_shape(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

}  // namespace litelab::onnx
