// The compiler and executions: shapes from signatures and batch sizes, folding, collected
// errors, signatures, variables.
#include <gtest/gtest.h>

#include "model/builder.h"
#include "runtime/interpreter.h"

namespace litelab {
namespace {

// input [-1, 4] float -> SHAPE -> int32 [2]
Model shape_model() {
    ModelBuilder b;
    const int32_t in = b.add_tensor("in", DType::kFloat32, {1, 4});
    b.set_shape_signature(in, {-1, 4});
    const int32_t out = b.add_tensor("shape", DType::kInt32, {2});
    tflite::BuiltinOptionsUnion options;
    tflite::ShapeOptionsT shape_options;
    shape_options.out_type = tflite::TensorType_INT32;
    options.Set(shape_options);
    b.add_operator(tflite::BuiltinOperator_SHAPE, {in}, {out}, options);
    b.set_inputs({in});
    b.set_outputs({out});
    return std::move(b).finish();
}

TEST(Interpreter, BatchSizeReplacesTheDynamicFirstDimension) {
    CompileOptions options;
    options.batch = 5;
    auto interpreter = Interpreter::compile(shape_model(), options);
    ASSERT_TRUE(interpreter) << interpreter.error().message;
    EXPECT_EQ((*interpreter)->input_info(0).shape, (std::vector<int32_t>{5, 4}));
}

TEST(Interpreter, WithoutABatchSizeTheStoredShapeIsUsed) {
    auto interpreter = Interpreter::compile(shape_model());
    ASSERT_TRUE(interpreter) << interpreter.error().message;
    EXPECT_EQ((*interpreter)->input_info(0).shape, (std::vector<int32_t>{1, 4}));
}

TEST(Interpreter, ShapeIsFoldedAtCompileTime) {
    CompileOptions options;
    options.batch = 7;
    auto interpreter = Interpreter::compile(shape_model(), options);
    ASSERT_TRUE(interpreter) << interpreter.error().message;
    EXPECT_TRUE((*interpreter)->entry().nodes.empty()) << "SHAPE should have become a constant";
    Execution execution(*interpreter);
    ASSERT_TRUE(execution.run());
    const auto* dims = reinterpret_cast<const int32_t*>(execution.output(0).data());
    EXPECT_EQ(dims[0], 7);
    EXPECT_EQ(dims[1], 4);
}

TEST(Interpreter, InputShapesByNameMustFitTheSignature) {
    CompileOptions options;
    options.input_shapes["in"] = {3, 4};
    auto ok = Interpreter::compile(shape_model(), options);
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ((*ok)->input_info(0).shape, (std::vector<int32_t>{3, 4}));

    options.input_shapes["in"] = {3, 5};
    auto wrong = Interpreter::compile(shape_model(), options);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().message, "input 'in' has shape [-1, 4], cannot set it to [3, 5]");

    options.input_shapes.clear();
    options.input_shapes["nope"] = {1, 4};
    auto unknown = Interpreter::compile(shape_model(), options);
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("'nope'"), std::string::npos) << unknown.error().message;
}

TEST(Interpreter, EveryUnsupportedOperatorIsListedInOneError) {
    ModelBuilder b;
    const int32_t in = b.add_tensor("in", DType::kFloat32, {4});
    const int32_t mid = b.add_tensor("mid", DType::kFloat32, {4});
    const int32_t axis = b.add_int32_constant("axis", {}, std::vector<int32_t>{0});
    const int32_t out = b.add_tensor("out", DType::kFloat32, {4});
    b.add_custom_operator("MyCustomOp", {in}, {mid});
    b.add_operator(tflite::BuiltinOperator_CUMSUM, {mid, axis}, {out});
    b.set_inputs({in});
    b.set_outputs({out});
    auto interpreter = Interpreter::compile(std::move(b).finish());
    ASSERT_FALSE(interpreter);
    EXPECT_EQ(interpreter.error().code, ErrorCode::kUnsupported);
    EXPECT_EQ(interpreter.error().message,
              "cannot run 2 operators: MyCustomOp (op #0, FLOAT32): no kernel; "
              "CUMSUM (op #1, FLOAT32, INT32): no kernel");
}

TEST(Interpreter, UnknownSignatureNamesTheKnownOnes) {
    ModelBuilder b;
    const int32_t in = b.add_tensor("in", DType::kFloat32, {1, 4});
    const int32_t out = b.add_tensor("shape", DType::kInt32, {2});
    b.add_operator(tflite::BuiltinOperator_SHAPE, {in}, {out});
    b.set_inputs({in});
    b.set_outputs({out});
    b.add_signature("serving_default", 0, {{"x", static_cast<uint32_t>(in)}}, {{"y", static_cast<uint32_t>(out)}});
    const Model model = std::move(b).finish();

    CompileOptions options;
    options.signature = "train";
    auto missing = Interpreter::compile(model, options);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, "no signature 'train' (the model has serving_default)");

    options.signature = "serving_default";
    auto found = Interpreter::compile(model, options);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ((*found)->inputs()[0].name, "x");
    EXPECT_EQ((*found)->output_index("y"), std::optional<size_t>(0));
}

TEST(Interpreter, ComparisonsBroadcastAndLogicalOperatorsCombineThem) {
    // (a < b) AND NOT (a == 2), with b broadcast from [1] to [4].
    ModelBuilder builder;
    const int32_t a = builder.add_tensor("a", DType::kInt32, {4});
    const int32_t b = builder.add_int32_constant("b", {1}, std::vector<int32_t>{3});
    const int32_t two = builder.add_int32_constant("two", {1}, std::vector<int32_t>{2});
    const int32_t less = builder.add_tensor("less", DType::kBool, {4});
    const int32_t equal = builder.add_tensor("equal", DType::kBool, {4});
    const int32_t not_equal = builder.add_tensor("not_equal", DType::kBool, {4});
    const int32_t out = builder.add_tensor("out", DType::kBool, {4});
    builder.add_operator(tflite::BuiltinOperator_LESS, {a, b}, {less});
    builder.add_operator(tflite::BuiltinOperator_EQUAL, {a, two}, {equal});
    builder.add_operator(tflite::BuiltinOperator_LOGICAL_NOT, {equal}, {not_equal});
    builder.add_operator(tflite::BuiltinOperator_LOGICAL_AND, {less, not_equal}, {out});
    builder.set_inputs({a});
    builder.set_outputs({out});
    auto interpreter = Interpreter::compile(std::move(builder).finish());
    ASSERT_TRUE(interpreter) << interpreter.error().message;
    Execution execution(*interpreter);
    const int32_t values[] = {1, 2, 3, 4};
    std::memcpy(execution.input(0).data(), values, sizeof values);
    ASSERT_TRUE(execution.run());
    const auto* result = reinterpret_cast<const bool*>(execution.output(0).data());
    EXPECT_TRUE(result[0]);   // 1 < 3, 1 != 2
    EXPECT_FALSE(result[1]);  // 2 == 2
    EXPECT_FALSE(result[2]);  // 3 < 3 is false
    EXPECT_FALSE(result[3]);
}

}  // namespace
}  // namespace litelab
