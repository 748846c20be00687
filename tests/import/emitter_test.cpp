// The shared TFLite emitter: shapes from the kernels, dynamic batch, folding, fusion, versions,
// signature, and the static batch of models with recurrent state. Values are checked against
// computations written out in the tests.
#include <gtest/gtest.h>

#include <cmath>

#include "import/common/emit_ops.h"
#include "import/common/float_array.h"
#include "runtime/interpreter.h"

namespace litelab {
namespace {

std::vector<float> run_one(const Model& model, const std::vector<float>& input, int32_t batch,
                           std::vector<int32_t>* out_shape = nullptr) {
    CompileOptions options;
    options.batch = batch;
    auto interpreter = Interpreter::compile(model, options);
    EXPECT_TRUE(interpreter.ok()) << (interpreter.ok() ? "" : interpreter.error().message);
    if (!interpreter.ok()) return {};
    Execution execution(*interpreter);
    auto in = execution.input(0);
    EXPECT_EQ(in.size(), input.size() * sizeof(float));
    std::memcpy(in.data(), input.data(), std::min(in.size(), input.size() * sizeof(float)));
    const Status status = execution.run();
    EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
    const auto out = execution.output(0);
    if (out_shape) *out_shape = (*interpreter)->output_info(0).shape;
    std::vector<float> values(out.size() / sizeof(float));
    std::memcpy(values.data(), out.data(), out.size());
    return values;
}

const Operator& only_op(const Model& model, tflite::BuiltinOperator code) {
    for (const Operator& op : model.subgraphs[0].operators)
        if (model.opcode(op).builtin_code == code) return op;
    ADD_FAILURE() << "no " << tflite::EnumNameBuiltinOperator(code);
    return model.subgraphs[0].operators.front();
}

TEST(TfliteEmitter, ShapesComeFromTheKernelsWithTheBatchDynamic) {
    TfliteEmitter e(ImportOptions{});
    const int32_t x = e.input("image", DType::kFloat32, {-1, 5, 5, 2});
    const std::vector<float> w(3 * 3 * 3 * 2, 0.5f), b(3, 0.0f);
    const int32_t filter = e.constant("conv/kernel", {3, 3, 3, 2}, std::span<const float>(w));
    const int32_t bias = e.constant("conv/bias", {3}, std::span<const float>(b));
    emit::ConvParams p;
    p.stride_h = p.stride_w = 2;
    p.padding = tflite::Padding_SAME;
    auto conv = emit::conv_2d(e, x, filter, bias, p, "conv");
    ASSERT_TRUE(conv.ok()) << conv.error().message;
    EXPECT_EQ(e.shape(*conv), (std::vector<int32_t>{1, 3, 3, 3}));
    EXPECT_EQ(e.signature(*conv), (std::vector<int32_t>{-1, 3, 3, 3}));
    auto flat = emit::reshape(e, *conv, {-1, 27}, "flatten");
    ASSERT_TRUE(flat.ok()) << flat.error().message;
    EXPECT_EQ(e.signature(*flat), (std::vector<int32_t>{-1, 27}));
    auto mean = emit::reduce(e, tflite::BuiltinOperator_MEAN, *conv, {1, 2}, false, "pool");
    ASSERT_TRUE(mean.ok());
    EXPECT_EQ(e.signature(*mean), (std::vector<int32_t>{-1, 3}));
}

TEST(TfliteEmitter, StaticBatchFromTheOptions) {
    ImportOptions options;
    options.batch = 4;
    TfliteEmitter e(options);
    const int32_t x = e.input("x", DType::kFloat32, {-1, 3});
    auto y = emit::unary(e, tflite::BuiltinOperator_TANH, x, "y");
    ASSERT_TRUE(y.ok());
    EXPECT_EQ(e.shape(*y), (std::vector<int32_t>{4, 3}));
    EXPECT_EQ(e.signature(*y), (std::vector<int32_t>{-1, 3}));
}

TEST(TfliteEmitter, OperatorsOfConstantsAreFolded) {
    TfliteEmitter e(ImportOptions{});
    const int32_t x = e.input("x", DType::kFloat32, {-1, 2, 3});
    const std::vector<float> v{1, 2, 3, 4, 5, 6};
    const int32_t c = e.constant("c", {2, 3}, std::span<const float>(v));
    auto t = emit::transpose(e, c, {1, 0}, "c_t");
    ASSERT_TRUE(t.ok());
    EXPECT_TRUE(e.is_constant(*t));
    EXPECT_EQ(e.float_values(*t), (std::vector<float>{1, 4, 2, 5, 3, 6}));
    auto y = emit::batch_matmul(e, x, *t, false, false, "y");
    ASSERT_TRUE(y.ok());
    e.output(*y, "y");
    auto imported = std::move(e).finish();
    ASSERT_TRUE(imported.ok());
    EXPECT_EQ(imported->model.subgraphs[0].operators.size(), 1u);
    // [[1,2,3],[4,5,6]] x [[1,4],[2,5],[3,6]] = [[14,32],[32,77]]
    EXPECT_EQ(run_one(imported->model, {1, 2, 3, 4, 5, 6}, 1), (std::vector<float>{14, 32, 32, 77}));
}

TEST(TfliteEmitter, ReluIsFusedIntoItsOnlyProducer) {
    TfliteEmitter e(ImportOptions{});
    const int32_t x = e.input("x", DType::kFloat32, {-1, 2});
    const std::vector<float> w{1, -1, -1, 1}, b{0.5f, -0.5f};
    const int32_t weights = e.constant("dense/kernel", {2, 2}, std::span<const float>(w));
    const int32_t bias = e.constant("dense/bias", {2}, std::span<const float>(b));
    auto fc = emit::fully_connected(e, x, weights, bias, false, emit::kNoActivation, "dense/pre_activation");
    ASSERT_TRUE(fc.ok());
    auto relu = emit::unary(e, tflite::BuiltinOperator_RELU6, *fc, "dense");
    ASSERT_TRUE(relu.ok());
    e.output(*relu, "dense");
    auto imported = std::move(e).finish();
    ASSERT_TRUE(imported.ok());
    const Model& m = imported->model;
    ASSERT_EQ(m.subgraphs[0].operators.size(), 1u);
    const auto* o = m.subgraphs[0].operators[0].builtin_options.AsFullyConnectedOptions();
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->fused_activation_function, tflite::ActivationFunctionType_RELU6);
    EXPECT_EQ(m.subgraphs[0].tensors.size(), 4u);  // x, kernel, bias, dense: the one between is gone
    EXPECT_EQ(m.subgraphs[0].tensors[static_cast<size_t>(m.subgraphs[0].outputs[0])].name, "dense");
    // Rows (3, 1) and (-2, 9): (3-1+.5, -3+1-.5) -> (2.5, 0); (-2-9+.5, 2+9-.5) -> (0, 6 after the cap)
    EXPECT_EQ(run_one(m, {3, 1, -2, 9}, 2), (std::vector<float>{2.5f, 0, 0, 6}));
}

TEST(TfliteEmitter, ActivationWithTwoReadersIsNotFused) {
    TfliteEmitter e(ImportOptions{});
    const int32_t x = e.input("x", DType::kFloat32, {-1, 2});
    const int32_t one = e.scalar("one", 1.0f);
    auto sum = emit::binary(e, tflite::BuiltinOperator_ADD, x, one, "sum");
    ASSERT_TRUE(sum.ok());
    auto relu = emit::unary(e, tflite::BuiltinOperator_RELU, *sum, "relu");
    auto twice = emit::binary(e, tflite::BuiltinOperator_MUL, *sum, *relu, "product");
    ASSERT_TRUE(relu.ok() && twice.ok());
    e.output(*twice, "out");
    auto imported = std::move(e).finish();
    ASSERT_TRUE(imported.ok());
    EXPECT_EQ(imported->model.subgraphs[0].operators.size(), 3u);
    // (x+1) * relu(x+1) for x = -3, 2: -2*0 = 0, 3*3 = 9
    EXPECT_EQ(run_one(imported->model, {-3, 2}, 1), (std::vector<float>{0, 9}));
}

TEST(TfliteEmitter, SignatureAndVersions) {
    TfliteEmitter e(ImportOptions{});
    const int32_t x = e.input("tokens", DType::kFloat32, {-1, 3, 4});
    const std::vector<float> w(8, 1.0f);
    const int32_t weights = e.constant("dense/kernel", {2, 4}, std::span<const float>(w));
    auto fc = emit::fully_connected(e, x, weights, -1, true, emit::kNoActivation, "dense");
    ASSERT_TRUE(fc.ok()) << fc.error().message;
    EXPECT_EQ(e.signature(*fc), (std::vector<int32_t>{-1, 3, 2}));
    e.output(*fc, "logits");
    auto imported = std::move(e).finish();
    ASSERT_TRUE(imported.ok());
    const Model& m = imported->model;
    ASSERT_EQ(m.signature_defs.size(), 1u);
    EXPECT_EQ(m.signature_defs[0].signature_key, "serving_default");
    EXPECT_EQ(m.signature_defs[0].inputs[0].name, "tokens");
    EXPECT_EQ(m.signature_defs[0].outputs[0].name, "logits");
    EXPECT_EQ(m.opcode(only_op(m, tflite::BuiltinOperator_FULLY_CONNECTED)).version, 5);  // keep_num_dims
}

TEST(TfliteEmitter, TransposeConvReadsADynamicBatchFromTheInput) {
    TfliteEmitter e(ImportOptions{});
    const int32_t x = e.input("x", DType::kFloat32, {-1, 2, 2, 1});
    const std::vector<float> w(2 * 2 * 2 * 1, 1.0f), b{0.0f, 1.0f};
    const int32_t filter = e.constant("up/kernel", {2, 2, 2, 1}, std::span<const float>(w));
    const int32_t bias = e.constant("up/bias", {2}, std::span<const float>(b));
    emit::ConvParams p;
    p.stride_h = p.stride_w = 2;
    auto up = emit::transpose_conv(e, x, filter, bias, 4, 4, p, "up");
    ASSERT_TRUE(up.ok()) << up.error().message;
    EXPECT_EQ(e.signature(*up), (std::vector<int32_t>{-1, 4, 4, 2}));
    e.output(*up, "up");
    auto imported = std::move(e).finish();
    ASSERT_TRUE(imported.ok());
    std::vector<int32_t> shape;
    const auto out = run_one(imported->model, {1, 2, 3, 4, 5, 6, 7, 8}, 2, &shape);
    EXPECT_EQ(shape, (std::vector<int32_t>{2, 4, 4, 2}));
    // Stride 2 with a 2x2 kernel of ones copies every input pixel into its 2x2 block.
    ASSERT_EQ(out.size(), 64u);
    EXPECT_EQ(out[0], 1.0f);
    EXPECT_EQ(out[1], 2.0f);
    EXPECT_EQ(out[63], 9.0f);  // second item, last pixel (8), second channel (bias 1)
}

TEST(TfliteEmitter, KernelRefusalNamesTheOperator) {
    TfliteEmitter e(ImportOptions{});
    const int32_t x = e.input("x", DType::kFloat32, {-1, 6});
    auto bad = emit::reshape(e, x, {-1, 4}, "dense_1/reshape");
    // 6 values per item cannot be [-1, 4] at every batch size.
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("dense_1/reshape: RESHAPE"), std::string::npos) << bad.error().message;
}

TEST(TfliteEmitter, RecurrentStateMakesTheBatchStatic) {
    TfliteEmitter e(ImportOptions{});
    const int32_t units = 2, features = 3;
    const int32_t x = e.input("x", DType::kFloat32, {-1, 4, features});
    emit::LstmWeights w;
    const std::vector<float> iw(units * features, 0.1f), rw(units * units, 0.2f), bias(units, 0.0f);
    for (int g = 0; g < 4; ++g) {
        w.input_weights[static_cast<size_t>(g)] = e.constant("lstm/w", {units, features}, std::span<const float>(iw));
        w.recurrent_weights[static_cast<size_t>(g)] = e.constant("lstm/r", {units, units}, std::span<const float>(rw));
        w.biases[static_cast<size_t>(g)] = e.constant("lstm/b", {units}, std::span<const float>(bias));
    }
    auto y = emit::unidirectional_lstm(e, x, w, units, {}, "lstm");
    ASSERT_TRUE(y.ok()) << y.error().message;
    EXPECT_EQ(e.signature(*y), (std::vector<int32_t>{-1, 4, units}));
    e.output(*y, "lstm");
    auto imported = std::move(e).finish();
    ASSERT_TRUE(imported.ok());
    for (const Tensor& t : imported->model.subgraphs[0].tensors) EXPECT_FALSE(t.is_dynamic()) << t.name;
    ASSERT_EQ(imported->notes.size(), 1u);
    // One step from zero state with x = 1: every gate sees 0.3; c = s(.3)*tanh(.3), h = s(.3)*tanh(c).
    std::vector<float> input(4 * features, 0.0f);
    for (int f = 0; f < features; ++f) input[static_cast<size_t>(f)] = 1.0f;
    const auto out = run_one(imported->model, input, 1);
    const double s = 1.0 / (1.0 + std::exp(-0.3));
    const double c = s * std::tanh(0.3);
    ASSERT_EQ(out.size(), 8u);
    EXPECT_NEAR(out[0], s * std::tanh(c), 1e-6);
}

TEST(FloatArray, PermutedMatchesNumpyTranspose) {
    FloatArray a{{2, 3, 4}, {}};
    for (int i = 0; i < 24; ++i) a.values.push_back(static_cast<float>(i));
    const std::vector<int> perm{2, 0, 1};
    const FloatArray t = permuted(a, perm);
    EXPECT_EQ(t.shape, (std::vector<int32_t>{4, 2, 3}));
    // t[k][i][j] = a[i][j][k] = 12 i + 4 j + k
    for (int k = 0; k < 4; ++k)
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 3; ++j)
                EXPECT_EQ(t.values[static_cast<size_t>(k * 6 + i * 3 + j)], static_cast<float>(12 * i + 4 * j + k));
}

}  // namespace
}  // namespace litelab
