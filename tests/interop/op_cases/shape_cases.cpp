// Interop cases for the shape kernels: RESHAPE, SQUEEZE, EXPAND_DIMS, SHAPE, FILL, ZEROS_LIKE.
// Output shapes are filled in by compiling each model once (the peers recompute them anyway).
#include "op_case.h"

namespace litelab::test {

namespace {

using Op = tflite::BuiltinOperator;

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
