// The activation kernels on hand-checked values: every op in float and in each integer type it
// supports, the refusals of what TFLite does not compute, and thread-count independence.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "runtime/interpreter.h"
#include "support/op_model.h"

namespace litelab {
namespace {

using namespace test;

Model unary(tflite::BuiltinOperator op, const Operand& in, const Operand& out,
            tflite::BuiltinOptionsUnion options = {}) {
    return single_op(op, {in}, out, std::move(options));
}

void expect_near_all(const std::vector<float>& got, const std::vector<float>& want, float tolerance) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tolerance) << "element " << i;
}

const std::vector<float> kFloats = {-7.0f, -3.0f, -1.0f, -0.5f, 0.0f, 0.5f, 1.0f, 2.0f, 4.0f, 7.0f};

TEST(ActivationRelu, FloatClampsToEachRange) {
    const std::vector<int32_t> shape = {2, 5};
    EXPECT_EQ((run<float>(unary(tflite::BuiltinOperator_RELU, f32(shape), f32(shape)), kFloats)),
              (std::vector<float>{0, 0, 0, 0, 0, 0.5f, 1, 2, 4, 7}));
    EXPECT_EQ((run<float>(unary(tflite::BuiltinOperator_RELU6, f32(shape), f32(shape)), kFloats)),
              (std::vector<float>{0, 0, 0, 0, 0, 0.5f, 1, 2, 4, 6}));
    EXPECT_EQ((run<float>(unary(tflite::BuiltinOperator_RELU_N1_TO_1, f32(shape), f32(shape)), kFloats)),
              (std::vector<float>{-1, -1, -1, -0.5f, 0, 0.5f, 1, 1, 1, 1}));
    EXPECT_EQ((run<float>(unary(tflite::BuiltinOperator_RELU_0_TO_1, f32(shape), f32(shape)), kFloats)),
              (std::vector<float>{0, 0, 0, 0, 0, 0.5f, 1, 1, 1, 1}));
}

TEST(ActivationRelu, Int8RescalesAndClampsAtTheOutputZeroPoint) {
    // Input 0.5 * (q + 10), output 0.25 * (q - 5): the rescale doubles, relu clamps at 5.
    const auto model = unary(tflite::BuiltinOperator_RELU, quantized(DType::kInt8, {6}, 0.5f, -10),
                             quantized(DType::kInt8, {6}, 0.25f, 5));
    EXPECT_EQ((run<int8_t>(model, std::vector<int8_t>{-128, -10, -9, 0, 20, 127})),
              (std::vector<int8_t>{5, 5, 7, 25, 65, 127}));
}

TEST(ActivationRelu, Uint8Relu6StopsAtSix) {
    // 0.1 * (q - 100): 6.0 is q = 160.
    const auto model = unary(tflite::BuiltinOperator_RELU6, quantized(DType::kUInt8, {5}, 0.1f, 100),
                             quantized(DType::kUInt8, {5}, 0.1f, 100));
    EXPECT_EQ((run<uint8_t>(model, std::vector<uint8_t>{0, 50, 130, 160, 255})),
              (std::vector<uint8_t>{100, 100, 130, 160, 160}));
}

TEST(ActivationRelu, Int8ReluN1To1) {
    // Scale 1/64: [-1, 1] is [-64, 64].
    const auto model = unary(tflite::BuiltinOperator_RELU_N1_TO_1, quantized(DType::kInt8, {4}, 1.0f / 64, 0),
                             quantized(DType::kInt8, {4}, 1.0f / 64, 0));
    EXPECT_EQ((run<int8_t>(model, std::vector<int8_t>{-128, -64, 30, 100})), (std::vector<int8_t>{-64, -64, 30, 64}));
}

TEST(ActivationRelu, Int16HalvesOnTwiceTheScale) {
    // Output scale twice the input's: q / 2 rounded half away from zero, negatives to 0.
    const auto model = unary(tflite::BuiltinOperator_RELU, quantized(DType::kInt16, {5}, 0.001f, 0),
                             quantized(DType::kInt16, {5}, 0.002f, 0));
    EXPECT_EQ((run<int16_t>(model, std::vector<int16_t>{-32768, -3, 3, 5, 32767})),
              (std::vector<int16_t>{0, 0, 2, 3, 16384}));
}

TEST(ActivationRelu, RefusesWhatTfliteDoesNotCompute) {
    EXPECT_NE(refusal(unary(tflite::BuiltinOperator_RELU_N1_TO_1, quantized(DType::kInt16, {2}, 0.01f, 0),
                            quantized(DType::kInt16, {2}, 0.01f, 0)))
                  .find("INT16"),
              std::string::npos);
    refusal(unary(tflite::BuiltinOperator_RELU, quantized(DType::kInt16, {2}, 0.01f, 3),
                  quantized(DType::kInt16, {2}, 0.01f, 0)));
    refusal(unary(tflite::BuiltinOperator_RELU, {DType::kInt32, {2}, std::nullopt, {}}, {DType::kInt32, {2}, std::nullopt, {}}));
}

TEST(ActivationLeakyRelu, FloatScalesNegatives) {
    const auto model = unary(tflite::BuiltinOperator_LEAKY_RELU, f32({4}), f32({4}), leaky_relu_options(0.2f));
    expect_near_all(run<float>(model, std::vector<float>{-5.0f, -1.0f, 0.0f, 2.0f}), {-1.0f, -0.2f, 0.0f, 2.0f}, 1e-7f);
}

TEST(ActivationLeakyRelu, Int8UsesXnnpackEightBitMultipliers) {
    // Same scales, alpha 1/4: XNNPACK's multipliers 256 and 64 and (x * m + 128) >> 8 round
    // ties up: -10 -> -2.5 -> -2, -6 -> -1.5 -> -1, -4 -> -1.
    const auto model = unary(tflite::BuiltinOperator_LEAKY_RELU, quantized(DType::kInt8, {6}, 0.5f, 0),
                             quantized(DType::kInt8, {6}, 0.5f, 0), leaky_relu_options(0.25f));
    EXPECT_EQ((run<int8_t>(model, std::vector<int8_t>{-128, -10, -6, -4, 0, 127})),
              (std::vector<int8_t>{-32, -2, -1, -1, 0, 127}));
}

TEST(ActivationLeakyRelu, Int8BeyondXnnpackLimitsUsesTfliteArithmetic) {
    // An input/output scale ratio of 200 (> 2^7) keeps TFLite's kernel: alpha 1/800 makes the
    // negative ratio 1/4, and gemmlowp rounds -10 -> -2.5 -> -3 and -2 -> -0.5 -> -1.
    const auto model = unary(tflite::BuiltinOperator_LEAKY_RELU, quantized(DType::kInt8, {4}, 1.0f, 0),
                             quantized(DType::kInt8, {4}, 0.005f, 0), leaky_relu_options(0.00125f));
    EXPECT_EQ((run<int8_t>(model, std::vector<int8_t>{-10, -2, 0, 1})), (std::vector<int8_t>{-3, -1, 0, 127}));
}

TEST(ActivationLeakyRelu, Uint8AndInt16WithANegativeAlpha) {
    // alpha -1 makes |x|; uint8 around zero point 128.
    const auto u8 = unary(tflite::BuiltinOperator_LEAKY_RELU, quantized(DType::kUInt8, {4}, 0.1f, 128),
                          quantized(DType::kUInt8, {4}, 0.1f, 128), leaky_relu_options(-1.0f));
    EXPECT_EQ((run<uint8_t>(u8, std::vector<uint8_t>{0, 100, 128, 200})), (std::vector<uint8_t>{255, 156, 128, 200}));
    const auto i16 = unary(tflite::BuiltinOperator_LEAKY_RELU, quantized(DType::kInt16, {3}, 0.01f, 0),
                           quantized(DType::kInt16, {3}, 0.01f, 0), leaky_relu_options(-1.0f));
    EXPECT_EQ((run<int16_t>(i16, std::vector<int16_t>{-32768, -7, 9})), (std::vector<int16_t>{32767, 7, 9}));
}

TEST(ActivationPrelu, FloatBroadcastsOneSlopePerChannel) {
    const Operand alpha{DType::kFloat32, {3}, std::nullopt, bytes_of(std::vector<float>{0.1f, 0.2f, 0.3f})};
    const auto model = single_op(tflite::BuiltinOperator_PRELU, {f32({1, 2, 3}), alpha}, f32({1, 2, 3}));
    expect_near_all(run<float>(model, std::vector<float>{-1, 2, -3, 4, -5, -6}), {-0.1f, 2, -0.9f, 4, -1.0f, -1.8f}, 1e-6f);
}

TEST(ActivationPrelu, FloatBroadcastsAlongAMiddleDimension) {
    // Alpha [2, 1]: one slope per row, shared by the row's 3 columns.
    const Operand alpha{DType::kFloat32, {2, 1}, std::nullopt, bytes_of(std::vector<float>{0.5f, 2.0f})};
    const auto model = single_op(tflite::BuiltinOperator_PRELU, {f32({2, 2, 3}), alpha}, f32({2, 2, 3}));
    expect_near_all(run<float>(model, std::vector<float>{-1, -2, 3, -1, -2, 3, -4, 1, -2, -4, 1, -2}),
                    {-0.5f, -1, 3, -2, -4, 3, -2, 1, -1, -8, 1, -4}, 1e-6f);
}

TEST(ActivationPrelu, Int8MultipliesByTheQuantizedSlope) {
    // Input 0.5, alpha 0.01 (slopes 0.1, 0.2, 0.5), output 0.25: positives double; -8 (-4.0)
    // times 0.5 is -2.0 -> -8; times 0.1 is -0.4 -> -1.6 -> -2; times 0.2 is -0.8 -> -3.2 -> -3.
    const Operand alpha{DType::kInt8, {3}, quant(0.01f, 0), bytes_of(std::vector<int8_t>{10, 20, 50})};
    const auto model = single_op(tflite::BuiltinOperator_PRELU, {quantized(DType::kInt8, {2, 3}, 0.5f, 0), alpha},
                                 quantized(DType::kInt8, {2, 3}, 0.25f, 0));
    EXPECT_EQ((run<int8_t>(model, std::vector<int8_t>{-8, -8, -8, 6, 0, 100})), (std::vector<int8_t>{-2, -3, -8, 12, 0, 127}));
}

TEST(ActivationPrelu, Uint8WithZeroPoints) {
    // Input 0.1 (zp 100), alpha 0.1 (zp 5: q 10 is 0.5), output 0.1 (zp 50).
    const Operand alpha{DType::kUInt8, {1}, quant(0.1f, 5), bytes_of(std::vector<uint8_t>{10})};
    const auto model = single_op(tflite::BuiltinOperator_PRELU, {quantized(DType::kUInt8, {3}, 0.1f, 100), alpha},
                                 quantized(DType::kUInt8, {3}, 0.1f, 50));
    EXPECT_EQ((run<uint8_t>(model, std::vector<uint8_t>{80, 100, 150})), (std::vector<uint8_t>{40, 50, 100}));
}

TEST(ActivationPrelu, RefusesInt16AndShapesThatDoNotBroadcast) {
    const Operand alpha16{DType::kInt16, {2}, quant(0.01f, 0), bytes_of(std::vector<int16_t>{1, 2})};
    refusal(single_op(tflite::BuiltinOperator_PRELU, {quantized(DType::kInt16, {2}, 0.1f, 0), alpha16},
                      quantized(DType::kInt16, {2}, 0.1f, 0)));
    const Operand alpha{DType::kFloat32, {1, 3, 2}, std::nullopt, bytes_of(std::vector<float>(6, 0.1f))};
    auto bad = Interpreter::compile(single_op(tflite::BuiltinOperator_PRELU, {f32({3, 2}), alpha}, f32({3, 2})));
    EXPECT_FALSE(bad.ok());
}

TEST(ActivationLogistic, FloatAndTanh) {
    const auto logistic = unary(tflite::BuiltinOperator_LOGISTIC, f32({4}), f32({4}));
    expect_near_all(run<float>(logistic, std::vector<float>{0.0f, 2.0f, -2.0f, 20.0f}),
                    {0.5f, 0.880797078f, 0.119202922f, 1.0f}, 1e-6f);
    const auto tanh = unary(tflite::BuiltinOperator_TANH, f32({3}), f32({3}));
    expect_near_all(run<float>(tanh, std::vector<float>{0.0f, 0.5f, -3.0f}), {0.0f, 0.462117157f, -0.995054754f}, 1e-6f);
}

TEST(ActivationLogistic, Int8TableOnTfliteOutputScale) {
    // Input 1/16: q 16 is 1.0 -> 0.7310586 * 256 = 187.15 -> 187 - 128 = 59; -8.0 -> 0.086 -> -128;
    // 7.9375 -> 255.9 -> 256 - 128, clamped to 127.
    const auto model = unary(tflite::BuiltinOperator_LOGISTIC, quantized(DType::kInt8, {4}, 1.0f / 16, 0),
                             quantized(DType::kInt8, {4}, 1.0f / 256, -128));
    EXPECT_EQ((run<int8_t>(model, std::vector<int8_t>{0, 16, -128, 127})), (std::vector<int8_t>{0, 59, -128, 127}));
}

TEST(ActivationLogistic, Uint8AndTanhInt8Tables) {
    // uint8 logistic, input 0.1 (zp 128): q 138 is 1.0 -> 187; q 118 is -1.0 -> 0.2689 * 256 = 68.8 -> 69.
    const auto logistic = unary(tflite::BuiltinOperator_LOGISTIC, quantized(DType::kUInt8, {3}, 0.1f, 128),
                                quantized(DType::kUInt8, {3}, 1.0f / 256, 0));
    EXPECT_EQ((run<uint8_t>(logistic, std::vector<uint8_t>{128, 138, 118})), (std::vector<uint8_t>{128, 187, 69}));
    // int8 tanh, input 1/32, output 1/128: 1.0 -> 97.48 -> 97; -0.5 -> -59.15 -> -59.
    const auto tanh = unary(tflite::BuiltinOperator_TANH, quantized(DType::kInt8, {3}, 1.0f / 32, 0),
                            quantized(DType::kInt8, {3}, 1.0f / 128, 0));
    EXPECT_EQ((run<int8_t>(tanh, std::vector<int8_t>{32, -16, 0})), (std::vector<int8_t>{97, -59, 0}));
}

// The 16-bit kernels approximate the functions: the interpolated table to within 3 units of
// 2^-15, gemmlowp's 16-bit fixed point (3 integer bits on the input) to within 10.
void expect_int16_function(tflite::BuiltinOperator op, float input_scale, double (*fn)(double), double tolerance) {
    const auto model = unary(op, quantized(DType::kInt16, {9}, input_scale, 0), quantized(DType::kInt16, {9}, 1.0f / 32768, 0));
    const std::vector<int16_t> in = {-32768, -20000, -4096, -1000, 0, 1000, 4096, 20000, 32767};
    const auto out = run<int16_t>(model, in);
    ASSERT_EQ(out.size(), in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        const double want = std::min(32767.0, fn(in[i] * static_cast<double>(input_scale)) * 32768.0);
        EXPECT_NEAR(out[i], want, tolerance) << "input " << in[i];
    }
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double hyperbolic_tangent(double x) { return std::tanh(x); }

TEST(ActivationLogistic, Int16PowerOfTwoScaleUsesFixedPoint) {
    expect_int16_function(tflite::BuiltinOperator_LOGISTIC, 1.0f / 4096, sigmoid, 10.0);
    // Exactly: logistic(0) is one half.
    const auto model = unary(tflite::BuiltinOperator_LOGISTIC, quantized(DType::kInt16, {1}, 1.0f / 4096, 0),
                             quantized(DType::kInt16, {1}, 1.0f / 32768, 0));
    EXPECT_EQ(run<int16_t>(model, std::vector<int16_t>{0})[0], 16384);
}

TEST(ActivationLogistic, Int16OtherScalesUseTheTable) {
    expect_int16_function(tflite::BuiltinOperator_LOGISTIC, 1.0f / 3000, sigmoid, 3.0);
    expect_int16_function(tflite::BuiltinOperator_LOGISTIC, 0.001f, sigmoid, 3.0);
}

TEST(ActivationTanh, Int16BothPaths) {
    expect_int16_function(tflite::BuiltinOperator_TANH, 1.0f / 4096, hyperbolic_tangent, 10.0);  // shift 0
    expect_int16_function(tflite::BuiltinOperator_TANH, 1.0f / 2048, hyperbolic_tangent, 10.0);  // shift 1
    expect_int16_function(tflite::BuiltinOperator_TANH, 1.0f / 5000, hyperbolic_tangent, 3.0);   // table
}

TEST(ActivationLogistic, RefusesOutputScalesTfliteRejects) {
    refusal(unary(tflite::BuiltinOperator_LOGISTIC, quantized(DType::kInt8, {2}, 0.1f, 0),
                  quantized(DType::kInt8, {2}, 1.0f / 128, 0)));
    refusal(unary(tflite::BuiltinOperator_TANH, quantized(DType::kInt16, {2}, 1.0f / 4096, 0),
                  quantized(DType::kInt16, {2}, 1.0f / 16384, 0)));
    refusal(unary(tflite::BuiltinOperator_LOGISTIC, quantized(DType::kInt16, {2}, 1.0f / 4096, 2),
                  quantized(DType::kInt16, {2}, 1.0f / 32768, 0)));
}

TEST(ActivationHardSwish, FloatPiecewise) {
    const auto model = unary(tflite::BuiltinOperator_HARD_SWISH, f32({5}), f32({5}));
    expect_near_all(run<float>(model, std::vector<float>{-4.0f, -1.0f, 0.0f, 1.0f, 4.0f}),
                    {0.0f, -1.0f / 3, 0.0f, 2.0f / 3, 4.0f}, 1e-6f);
}

TEST(ActivationHardSwish, Int8AndUint8FollowTheFunction) {
    // Scale 0.05: q 20 is 1.0 -> 0.667 -> 13.3; q -20 -> -0.333 -> -6.7; beyond +-3 exact.
    const auto i8 = unary(tflite::BuiltinOperator_HARD_SWISH, quantized(DType::kInt8, {6}, 0.05f, 0),
                          quantized(DType::kInt8, {6}, 0.05f, 0));
    const auto out = run<int8_t>(i8, std::vector<int8_t>{-80, -20, 0, 20, 80, 127});
    ASSERT_EQ(out.size(), 6u);
    EXPECT_EQ(out[0], 0);
    EXPECT_NEAR(out[1], -6.67, 0.6);
    EXPECT_EQ(out[2], 0);
    EXPECT_NEAR(out[3], 13.33, 0.6);
    EXPECT_EQ(out[4], 80);
    EXPECT_EQ(out[5], 127);
    // uint8, input 0.1 (zp 100), output 0.05 (zp 20): 2.0 -> 1.667 -> 53.3; -5.0 -> 0 -> 20.
    const auto u8 = unary(tflite::BuiltinOperator_HARD_SWISH, quantized(DType::kUInt8, {2}, 0.1f, 100),
                          quantized(DType::kUInt8, {2}, 0.05f, 20));
    const auto out8 = run<uint8_t>(u8, std::vector<uint8_t>{120, 50});
    ASSERT_EQ(out8.size(), 2u);
    EXPECT_NEAR(out8[0], 53.33, 0.6);
    EXPECT_EQ(out8[1], 20);
}

TEST(ActivationEluGelu, Float) {
    const auto elu = unary(tflite::BuiltinOperator_ELU, f32({3}), f32({3}));
    expect_near_all(run<float>(elu, std::vector<float>{-1.0f, 0.0f, 2.0f}), {-0.632120559f, 0.0f, 2.0f}, 1e-6f);
    const auto gelu = unary(tflite::BuiltinOperator_GELU, f32({3}), f32({3}), gelu_options(false));
    expect_near_all(run<float>(gelu, std::vector<float>{-1.0f, 0.0f, 1.0f}), {-0.158655254f, 0.0f, 0.841344746f}, 1e-6f);
    const auto approximate = unary(tflite::BuiltinOperator_GELU, f32({2}), f32({2}), gelu_options(true));
    expect_near_all(run<float>(approximate, std::vector<float>{-1.0f, 1.0f}), {-0.158808009f, 0.841191991f}, 1e-6f);
}

TEST(ActivationEluGelu, QuantizedTables) {
    // ELU int8, scale 0.05: -1.0 -> -0.632 -> -12.6 -> -13; 1.0 stays 20.
    const auto elu = unary(tflite::BuiltinOperator_ELU, quantized(DType::kInt8, {3}, 0.05f, 0),
                           quantized(DType::kInt8, {3}, 0.05f, 0));
    EXPECT_EQ((run<int8_t>(elu, std::vector<int8_t>{-20, 20, -128})), (std::vector<int8_t>{-13, 20, -20}));
    // Output scale 0.04: 0.1 -> 2.5 and 0.5 -> 12.5 are ties, rounded to even as XNNPACK does.
    const auto ties = unary(tflite::BuiltinOperator_ELU, quantized(DType::kInt8, {2}, 0.05f, 0),
                            quantized(DType::kInt8, {2}, 0.04f, 0));
    EXPECT_EQ((run<int8_t>(ties, std::vector<int8_t>{2, 10})), (std::vector<int8_t>{2, 12}));
    // GELU uint8, scale 0.05 zp 100: 1.0 -> 0.8413 -> 16.8 -> 117; -1.0 -> -0.1587 -> -3.2 -> 97.
    const auto gelu = unary(tflite::BuiltinOperator_GELU, quantized(DType::kUInt8, {2}, 0.05f, 100),
                            quantized(DType::kUInt8, {2}, 0.05f, 100), gelu_options(false));
    EXPECT_EQ((run<uint8_t>(gelu, std::vector<uint8_t>{120, 80})), (std::vector<uint8_t>{117, 97}));
    refusal(unary(tflite::BuiltinOperator_ELU, quantized(DType::kUInt8, {2}, 0.05f, 100),
                  quantized(DType::kUInt8, {2}, 0.05f, 100)));
}

TEST(ActivationThreads, ResultsDoNotDependOnTheThreadCount) {
    std::vector<int8_t> in(100'003);
    for (size_t i = 0; i < in.size(); ++i) in[i] = static_cast<int8_t>((i * 37) % 256);
    const auto model = unary(tflite::BuiltinOperator_TANH, quantized(DType::kInt8, {100'003}, 0.05f, 3),
                             quantized(DType::kInt8, {100'003}, 1.0f / 128, 0));
    EXPECT_EQ(run<int8_t>(model, in, 1), run<int8_t>(model, in, 3));
    std::vector<float> x(70'007);
    for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i % 200) * 0.05f - 5.0f;
    const Operand alpha{
        DType::kFloat32, {7}, std::nullopt, bytes_of(std::vector<float>{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f})};
    const auto prelu = single_op(tflite::BuiltinOperator_PRELU, {f32({10'001, 7}), alpha}, f32({10'001, 7}));
    EXPECT_EQ(run<float>(prelu, x, 1), run<float>(prelu, x, 2));
}

}  // namespace
}  // namespace litelab
