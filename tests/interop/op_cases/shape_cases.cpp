// Interop cases for the shape kernels: RESHAPE, SQUEEZE, EXPAND_DIMS, SHAPE, FILL, ZEROS_LIKE.
// Output shapes are filled in by compiling each model once (the peers recompute them anyway).
#include <cstring>

#include "model/builder.h"
#include "op_case.h"
#include "runtime/interpreter.h"

namespace litelab::test {

namespace {

using Shape = std::vector<int32_t>;
using Op = tflite::BuiltinOperator;

template <class T>
Bytes bytes_of(const std::vector<T>& values) {
    std::vector<uint8_t> bytes(values.size() * sizeof(T));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return Bytes::take(std::move(bytes));
}

tflite::BuiltinOptionsUnion options_of(auto table) {
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(table));
    return u;
}

Quantization per_tensor(float scale, int64_t zero_point) {
    Quantization q;
    q.scale = {scale};
    q.zero_point = {zero_point};
    return q;
}

std::optional<Quantization> default_quantization(DType type) {
    switch (type) {
        case DType::kInt8: return per_tensor(0.05f, -3);
        case DType::kUInt8: return per_tensor(0.02f, 128);
        case DType::kInt16: return per_tensor(0.001f, 0);
        default: return std::nullopt;
    }
}

std::string type_label(DType type) {
    std::string s(dtype_name(type));
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// One operator over model inputs (fed at run time) and constants.
class CaseModel {
public:
    explicit CaseModel(std::string name) : name_(std::move(name)) {}

    int32_t input(DType type, Shape shape) {
        const int32_t t = b_.add_tensor("in" + std::to_string(inputs_.size()), type, std::move(shape), {},
                                        default_quantization(type));
        inputs_.push_back(t);
        return t;
    }
    template <class T>
    int32_t constant(DType type, Shape shape, const std::vector<T>& values) {
        return b_.add_tensor("const", type, std::move(shape), bytes_of(values), default_quantization(type));
    }
    int32_t ints(Shape shape, const std::vector<int32_t>& values) { return constant(DType::kInt32, std::move(shape), values); }
    int32_t output(DType type) {
        const int32_t t = b_.add_tensor("out", type, {}, {}, default_quantization(type));
        outputs_.push_back(t);
        return t;
    }
    // A tensor between two operators.
    int32_t intermediate(DType type) { return b_.add_tensor("mid", type, {}, {}, default_quantization(type)); }
    // An operator writing the model's outputs, or `outs`.
    void op(Op code, std::vector<int32_t> ins, tflite::BuiltinOptionsUnion options = {}) {
        b_.add_operator(code, std::move(ins), outputs_, std::move(options));
    }
    void op(Op code, std::vector<int32_t> ins, std::vector<int32_t> outs, tflite::BuiltinOptionsUnion options) {
        b_.add_operator(code, std::move(ins), std::move(outs), std::move(options));
    }

    OpCase finish() && {
        b_.set_inputs(inputs_);
        b_.set_outputs(outputs_);
        OpCase c;
        c.name = name_;
        c.model = std::move(b_).finish();
        if (auto compiled = Interpreter::compile(c.model)) {
            Subgraph& g = c.model.subgraphs[0];
            for (size_t t = 0; t < g.tensors.size(); ++t)
                if (g.tensors[t].buffer == 0) g.tensors[t].shape = (*compiled)->entry().tensors[t].shape;
        }
        return c;
    }

private:
    std::string name_;
    ModelBuilder b_;
    std::vector<int32_t> inputs_, outputs_;
};

constexpr DType kFloat32 = DType::kFloat32, kInt8 = DType::kInt8, kUInt8 = DType::kUInt8, kInt16 = DType::kInt16,
                kInt32 = DType::kInt32, kInt64 = DType::kInt64, kBool = DType::kBool;

}  // namespace

std::vector<OpCase> shape_op_cases() {
    std::vector<OpCase> cases;
    for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32, kInt64, kBool}) {
        CaseModel m("RESHAPE_" + type_label(type) + "_shape_input");
        const int32_t in = m.input(type, {2, 3, 4});
        m.output(type);
        tflite::ReshapeOptionsT options;
        options.new_shape = {4, -1};
        m.op(Op::BuiltinOperator_RESHAPE, {in, m.ints({2}, {4, -1})}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
    {
        CaseModel m("RESHAPE_float32_options_only");
        const int32_t in = m.input(kFloat32, {2, 3, 4});
        m.output(kFloat32);
        tflite::ReshapeOptionsT options;
        options.new_shape = {-1, 2, 2};
        m.op(Op::BuiltinOperator_RESHAPE, {in}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
    for (DType type : {kFloat32, kInt8, kInt32}) {
        CaseModel all("SQUEEZE_" + type_label(type) + "_all_ones");
        const int32_t in = all.input(type, {1, 3, 1, 4});
        all.output(type);
        all.op(Op::BuiltinOperator_SQUEEZE, {in}, options_of(tflite::SqueezeOptionsT{}));
        cases.push_back(std::move(all).finish());
    }
    {
        CaseModel m("SQUEEZE_float32_named_dim");
        const int32_t in = m.input(kFloat32, {1, 3, 1, 4});
        m.output(kFloat32);
        tflite::SqueezeOptionsT options;
        options.squeeze_dims = {-2};
        m.op(Op::BuiltinOperator_SQUEEZE, {in}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
    for (DType type : {kFloat32, kInt8, kInt32, kBool}) {
        CaseModel m("EXPAND_DIMS_" + type_label(type));
        const int32_t in = m.input(type, {3, 4});
        m.output(type);
        m.op(Op::BuiltinOperator_EXPAND_DIMS, {in, m.ints({}, {-2})});
        cases.push_back(std::move(m).finish());
    }
    {
        CaseModel m("SHAPE_int32_output");
        const int32_t in = m.input(kFloat32, {2, 3, 5});
        m.output(kInt32);
        tflite::ShapeOptionsT options;
        options.out_type = tflite::TensorType_INT32;
        m.op(Op::BuiltinOperator_SHAPE, {in}, options_of(options));
        OpCase c = std::move(m).finish();
        c.unreliable_peers.push_back({"litert", "returns uninitialized memory for SHAPE, which it computes when preparing"});
        cases.push_back(std::move(c));
    }
    {
        // No peer returns an INT64 SHAPE output intact: CAST it to INT32 inside the model.
        CaseModel m("SHAPE_int64_cast_to_int32");
        const int32_t in = m.input(kFloat32, {2, 3, 5});
        const int32_t shape = m.intermediate(kInt64);
        tflite::ShapeOptionsT options;
        options.out_type = tflite::TensorType_INT64;
        m.op(Op::BuiltinOperator_SHAPE, {in}, {shape}, options_of(options));
        m.output(kInt32);
        tflite::CastOptionsT cast;
        cast.in_data_type = tflite::TensorType_INT64;
        cast.out_data_type = tflite::TensorType_INT32;
        m.op(Op::BuiltinOperator_CAST, {shape}, options_of(cast));
        cases.push_back(std::move(m).finish());
    }
    for (DType type : {kFloat32, kInt32, kInt64, kBool}) {
        // The value is a scalar; the peers take no scalar inputs, so SQUEEZE makes it from [1].
        CaseModel m("FILL_" + type_label(type));
        const int32_t dims = m.ints({3}, {2, 3, 4});
        const int32_t value = m.input(type, {1});
        const int32_t scalar = m.intermediate(type);
        m.op(Op::BuiltinOperator_SQUEEZE, {value}, {scalar}, options_of(tflite::SqueezeOptionsT{}));
        m.output(type);
        m.op(Op::BuiltinOperator_FILL, {dims, scalar});
        cases.push_back(std::move(m).finish());
    }
    for (DType type : {kFloat32, kInt32, kInt64}) {
        CaseModel m("ZEROS_LIKE_" + type_label(type));
        const int32_t in = m.input(type, {2, 5});
        m.output(type);
        m.op(Op::BuiltinOperator_ZEROS_LIKE, {in});
        cases.push_back(std::move(m).finish());
    }
    return cases;
}

}  // namespace litelab::test
