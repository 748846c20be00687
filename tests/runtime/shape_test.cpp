// The shape kernels on hand-checked one-operator models: RESHAPE, SQUEEZE, EXPAND_DIMS, SHAPE,
// FILL, ZEROS_LIKE, and the compile-time folding of a Keras-style dynamic-batch reshape.
#include <gtest/gtest.h>

#include <cstring>

#include "model/builder.h"
#include "runtime/interpreter.h"
#include "support/op_model.h"

namespace litelab {
namespace {

using namespace test;

// in (float [2, 3, 4]) -> op -> out.
Model one_op(tflite::BuiltinOperator op, std::vector<int32_t> in_shape, std::vector<int32_t> extra_inputs_shape,
             std::vector<int32_t> extra_values, tflite::BuiltinOptionsUnion options = {}) {
    ModelBuilder b;
    const int32_t in = b.add_tensor("in", DType::kFloat32, std::move(in_shape));
    std::vector<int32_t> inputs{in};
    if (!extra_values.empty() || !extra_inputs_shape.empty())
        inputs.push_back(b.add_int32_constant("control", std::move(extra_inputs_shape), extra_values));
    const int32_t out = b.add_tensor("out", DType::kFloat32, {});
    b.add_operator(op, inputs, {out}, std::move(options));
    b.set_inputs({in});
    b.set_outputs({out});
    return std::move(b).finish();
}

TEST(ShapeKernels, ReshapeInfersTheMinusOneAndKeepsTheBytes) {
    const RunOutcome r =
        try_run(one_op(tflite::BuiltinOperator_RESHAPE, {2, 3, 4}, {2}, {4, -1}), {bytes_of(iota_floats(24))});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (std::vector<int32_t>{4, 6}));
    EXPECT_EQ(values_of<float>(r.outputs[0]), iota_floats(24));
}

TEST(ShapeKernels, ReshapeFromOptionsWhenThereIsNoShapeInput) {
    tflite::ReshapeOptionsT options;
    options.new_shape = {-1, 4};
    const RunOutcome r = try_run(one_op(tflite::BuiltinOperator_RESHAPE, {2, 3, 4}, {}, {}, options_of(options)),
                      {bytes_of(iota_floats(24))});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (std::vector<int32_t>{6, 4}));
    EXPECT_EQ(values_of<float>(r.outputs[0]), iota_floats(24));
}

TEST(ShapeKernels, ReshapeRefusesImpossibleShapes) {
    EXPECT_NE(
        try_run(one_op(tflite::BuiltinOperator_RESHAPE, {2, 3, 4}, {2}, {-1, -1}), {}).error.find("more than one -1"),
        std::string::npos);
    EXPECT_NE(try_run(one_op(tflite::BuiltinOperator_RESHAPE, {2, 3, 4}, {2}, {5, -1}), {}).error.find("cannot infer"),
              std::string::npos);
    EXPECT_NE(
        try_run(one_op(tflite::BuiltinOperator_RESHAPE, {2, 3, 4}, {2}, {5, 5}), {}).error.find("holds 25 elements"),
        std::string::npos);
}

TEST(ShapeKernels, ReshapeRefusesAShapeKnownOnlyAtRunTime) {
    ModelBuilder b;
    const int32_t in = b.add_tensor("in", DType::kFloat32, {2, 3});
    const int32_t shape = b.add_tensor("shape", DType::kInt32, {2});
    const int32_t out = b.add_tensor("out", DType::kFloat32, {});
    b.add_operator(tflite::BuiltinOperator_RESHAPE, {in, shape}, {out});
    b.set_inputs({in, shape});
    b.set_outputs({out});
    const RunOutcome r = try_run(std::move(b).finish(), {});
    EXPECT_NE(r.error.find("RESHAPE (op #0, FLOAT32, INT32): the new shape is not known at compile time"),
              std::string::npos)
        << r.error;
}

TEST(ShapeKernels, SqueezeAllOnesOrTheNamedDimensions) {
    const RunOutcome all =
        try_run(one_op(tflite::BuiltinOperator_SQUEEZE, {1, 3, 1, 2}, {}, {}), {bytes_of(iota_floats(6))});
    ASSERT_EQ(all.error, "");
    EXPECT_EQ(all.shapes[0], (std::vector<int32_t>{3, 2}));
    EXPECT_EQ(values_of<float>(all.outputs[0]), iota_floats(6));

    tflite::SqueezeOptionsT options;
    options.squeeze_dims = {-2};
    const RunOutcome named = try_run(one_op(tflite::BuiltinOperator_SQUEEZE, {1, 3, 1, 2}, {}, {}, options_of(options)),
                          {bytes_of(iota_floats(6))});
    ASSERT_EQ(named.error, "");
    EXPECT_EQ(named.shapes[0], (std::vector<int32_t>{1, 3, 2}));

    options.squeeze_dims = {1};
    EXPECT_NE(try_run(one_op(tflite::BuiltinOperator_SQUEEZE, {1, 3, 1, 2}, {}, {}, options_of(options)), {})
                  .error.find("cannot squeeze dimension 1"),
              std::string::npos);
}

TEST(ShapeKernels, ExpandDimsWithNegativeAxisCountsFromTheEnd) {
    const RunOutcome last =
        try_run(one_op(tflite::BuiltinOperator_EXPAND_DIMS, {2, 3}, {1}, {-1}), {bytes_of(iota_floats(6))});
    ASSERT_EQ(last.error, "");
    EXPECT_EQ(last.shapes[0], (std::vector<int32_t>{2, 3, 1}));
    EXPECT_EQ(values_of<float>(last.outputs[0]), iota_floats(6));
    const RunOutcome first =
        try_run(one_op(tflite::BuiltinOperator_EXPAND_DIMS, {2, 3}, {1}, {0}), {bytes_of(iota_floats(6))});
    ASSERT_EQ(first.error, "");
    EXPECT_EQ(first.shapes[0], (std::vector<int32_t>{1, 2, 3}));
    EXPECT_NE(try_run(one_op(tflite::BuiltinOperator_EXPAND_DIMS, {2, 3}, {1}, {4}), {}).error.find("axis 4"),
              std::string::npos);
}

TEST(ShapeKernels, ViewsBetweenOtherOperatorsShareOrCopyCorrectly) {
    // in -> RESHAPE -> SQUEEZE -> EXPAND_DIMS -> out: intermediate tensors share the input's bytes.
    ModelBuilder b;
    const int32_t in = b.add_tensor("in", DType::kInt8, {2, 3});
    const int32_t shape = b.add_int32_constant("shape", {3}, std::vector<int32_t>{1, 6, 1});
    const int32_t a = b.add_tensor("a", DType::kInt8, {});
    const int32_t s = b.add_tensor("s", DType::kInt8, {});
    const int32_t axis = b.add_int32_constant("axis", {}, std::vector<int32_t>{1});
    const int32_t out = b.add_tensor("out", DType::kInt8, {});
    b.add_operator(tflite::BuiltinOperator_RESHAPE, {in, shape}, {a});
    b.add_operator(tflite::BuiltinOperator_SQUEEZE, {a}, {s});
    b.add_operator(tflite::BuiltinOperator_EXPAND_DIMS, {s, axis}, {out});
    b.set_inputs({in});
    b.set_outputs({out});
    const std::vector<int8_t> data{-3, -2, -1, 0, 1, 2};
    const RunOutcome r = try_run(std::move(b).finish(), {bytes_of(data)});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (std::vector<int32_t>{6, 1}));
    EXPECT_EQ(values_of<int8_t>(r.outputs[0]), data);
}

TEST(ShapeKernels, ShapeGivesInt32OrInt64) {
    for (DType type : {DType::kInt32, DType::kInt64}) {
        ModelBuilder b;
        const int32_t in = b.add_tensor("in", DType::kFloat32, {2, 5, 7});
        const int32_t out = b.add_tensor("out", type, {});
        b.add_operator(tflite::BuiltinOperator_SHAPE, {in}, {out});
        b.set_inputs({in});
        b.set_outputs({out});
        const RunOutcome r = try_run(std::move(b).finish(), {bytes_of(iota_floats(70))});
        ASSERT_EQ(r.error, "");
        EXPECT_EQ(r.shapes[0], (std::vector<int32_t>{3}));
        if (type == DType::kInt32) EXPECT_EQ(values_of<int32_t>(r.outputs[0]), (std::vector<int32_t>{2, 5, 7}));
        else EXPECT_EQ(values_of<int64_t>(r.outputs[0]), (std::vector<int64_t>{2, 5, 7}));
    }
}

TEST(ShapeKernels, DynamicBatchReshapeFoldsAtCompileTime) {
    // Keras' Flatten on a [-1, 2, 3] input: SHAPE -> STRIDED_SLICE (the batch) -> PACK with -1
    // -> RESHAPE. With batch 4 the whole chain folds to the constant shape [4, 6].
    ModelBuilder b;
    const int32_t in = b.add_tensor("in", DType::kFloat32, {1, 2, 3});
    b.set_shape_signature(in, {-1, 2, 3});
    const int32_t shape = b.add_tensor("shape", DType::kInt32, {3});
    const int32_t zero = b.add_int32_constant("zero", {1}, std::vector<int32_t>{0});
    const int32_t one = b.add_int32_constant("one", {1}, std::vector<int32_t>{1});
    const int32_t batch = b.add_tensor("batch", DType::kInt32, {});
    const int32_t minus_one = b.add_int32_constant("minus_one", {}, std::vector<int32_t>{-1});
    const int32_t packed = b.add_tensor("packed", DType::kInt32, {2});
    const int32_t out = b.add_tensor("out", DType::kFloat32, {1, 6});
    b.add_operator(tflite::BuiltinOperator_SHAPE, {in}, {shape});
    tflite::StridedSliceOptionsT slice;
    slice.shrink_axis_mask = 1;
    b.add_operator(tflite::BuiltinOperator_STRIDED_SLICE, {shape, zero, one, one}, {batch}, options_of(slice));
    tflite::PackOptionsT pack;
    pack.values_count = 2;
    b.add_operator(tflite::BuiltinOperator_PACK, {batch, minus_one}, {packed}, options_of(pack));
    b.add_operator(tflite::BuiltinOperator_RESHAPE, {in, packed}, {out});
    b.set_inputs({in});
    b.set_outputs({out});
    const Model model = std::move(b).finish();

    CompileOptions options;
    options.batch = 4;
    auto interpreter = Interpreter::compile(model, options);
    ASSERT_TRUE(interpreter) << interpreter.error().message;
    ASSERT_EQ((*interpreter)->entry().nodes.size(), 1u);  // only the RESHAPE runs
    EXPECT_EQ((*interpreter)->output_info(0).shape, (std::vector<int32_t>{4, 6}));
    Execution execution(*interpreter);
    const auto data = iota_floats(24);
    std::memcpy(execution.input(0).data(), data.data(), 24 * sizeof(float));
    ASSERT_TRUE(execution.run());
    EXPECT_EQ(values_of<float>(execution.output(0)), data);
}

TEST(ShapeKernels, FillRepeatsTheValue) {
    ModelBuilder b;
    const int32_t dims = b.add_int32_constant("dims", {2}, std::vector<int32_t>{2, 3});
    const int32_t value = b.add_tensor("value", DType::kInt64, {});
    const int32_t out = b.add_tensor("out", DType::kInt64, {});
    b.add_operator(tflite::BuiltinOperator_FILL, {dims, value}, {out});
    b.set_inputs({value});
    b.set_outputs({out});
    const RunOutcome r = try_run(std::move(b).finish(), {bytes_of(std::vector<int64_t>{-7})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (std::vector<int32_t>{2, 3}));
    EXPECT_EQ(values_of<int64_t>(r.outputs[0]), std::vector<int64_t>(6, -7));
}

TEST(ShapeKernels, FillRefusesDimensionsKnownOnlyAtRunTime) {
    ModelBuilder b;
    const int32_t dims = b.add_tensor("dims", DType::kInt32, {2});
    const int32_t value = b.add_tensor("value", DType::kFloat32, {});
    const int32_t out = b.add_tensor("out", DType::kFloat32, {});
    b.add_operator(tflite::BuiltinOperator_FILL, {dims, value}, {out});
    b.set_inputs({dims, value});
    b.set_outputs({out});
    EXPECT_NE(try_run(std::move(b).finish(), {}).error.find("the dims input is not known at compile time"),
              std::string::npos);
}

TEST(ShapeKernels, ZerosLikeKeepsShapeAndType) {
    ModelBuilder b;
    const int32_t in = b.add_tensor("in", DType::kInt32, {3, 1});
    const int32_t out = b.add_tensor("out", DType::kInt32, {});
    b.add_operator(tflite::BuiltinOperator_ZEROS_LIKE, {in}, {out});
    b.set_inputs({in});
    b.set_outputs({out});
    const RunOutcome r = try_run(std::move(b).finish(), {bytes_of(std::vector<int32_t>{5, -6, 7})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (std::vector<int32_t>{3, 1}));
    EXPECT_EQ(values_of<int32_t>(r.outputs[0]), (std::vector<int32_t>{0, 0, 0}));
}

}  // namespace
}  // namespace litelab
