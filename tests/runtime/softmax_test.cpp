// SOFTMAX, LOG_SOFTMAX and L2_NORMALIZATION on one-operator models, values worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "runtime/kernels/softmax/int16_lut.h"
#include "support/op_model.h"

namespace litelab {
namespace {

using namespace test;

tflite::BuiltinOptionsUnion l2_options(tflite::ActivationFunctionType activation) {
    tflite::L2NormOptionsT o;
    o.fused_activation_function = activation;
    return options_of(std::move(o));
}

struct Spec {
    DType type = DType::kFloat32;
    std::optional<Quantization> quant;
};

// input -> op -> output of the input's shape.
template <class Out, class In>
Result<std::vector<Out>> run(tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options, Spec in_spec,
                             std::vector<int32_t> shape, const std::vector<In>& input, Spec out_spec) {
    const Model model = single_op(op, {activation(in_spec.type, shape, in_spec.quant)},
                                  activation(out_spec.type, {}, out_spec.quant), std::move(options));
    auto output = only_output(try_run(model, {bytes_of(input)}));
    if (!output) return output.error();
    EXPECT_EQ(output->shape, shape);
    return output->template values<Out>();
}

TEST(SoftmaxKernels, FloatRowsWithBeta) {
    auto r =
        run<float, float>(tflite::BuiltinOperator_SOFTMAX, softmax_options(1.0f), {}, {2, 3}, {1, 2, 3, 5, 5, 5}, {});
    ASSERT_TRUE(r) << r.error().message;
    const std::vector<float> expected = {0.09003057f, 0.24472847f, 0.66524096f, 1 / 3.0f, 1 / 3.0f, 1 / 3.0f};
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR((*r)[i], expected[i], 1e-7) << i;

    // beta 0.5 on [0, 2]: e^0 / (e^0 + e^1) and e^1 / (e^0 + e^1).
    auto half = run<float, float>(tflite::BuiltinOperator_SOFTMAX, softmax_options(0.5f), {}, {1, 2}, {0, 2}, {});
    ASSERT_TRUE(half) << half.error().message;
    EXPECT_NEAR((*half)[0], 1 / (1 + std::exp(1.0f)), 1e-7);
    EXPECT_NEAR((*half)[1], std::exp(1.0f) / (1 + std::exp(1.0f)), 1e-7);
}

TEST(SoftmaxKernels, Int8EqualInputsShareProbabilityEvenly) {
    // Four equal values: 1/4 each, 64/256, stored as 64 - 128. A lone maximum 255 steps above
    // the rest takes everything: 256/256 saturates to 127, the others give -128.
    const Spec in{DType::kInt8, quant(1.0f, 0)};
    const Spec out{DType::kInt8, quant(1.0f / 256, -128)};
    auto r = run<int8_t, int8_t>(tflite::BuiltinOperator_SOFTMAX, softmax_options(1.0f), in, {2, 4},
                                 {5, 5, 5, 5, 127, -128, -128, -128}, out);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(*r, (std::vector<int8_t>{-64, -64, -64, -64, 127, -128, -128, -128}));
}

TEST(SoftmaxKernels, Uint8ToInt16HalvesTwoEqualValues) {
    // 1/2 in scale 1/65536 is 32768, stored with zero point -32768 as 0.
    const Spec in{DType::kUInt8, quant(0.5f, 0)};
    const Spec out{DType::kInt16, quant(1.0f / 65536, -32768)};
    auto r = run<int16_t, uint8_t>(tflite::BuiltinOperator_SOFTMAX, softmax_options(1.0f), in, {1, 2}, {7, 7}, out);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(*r, (std::vector<int16_t>{0, 0}));
}

TEST(SoftmaxKernels, Uint8ToInt16UsesTheFloatTable) {
    // One nat apart (scale 1/8, 8 steps): 1 / (1 + e) = 0.268941 and e / (1 + e) = 0.731059 of
    // 65536 are 17625.4 and 47910.6, rounded and moved down by 32768.
    const Spec in{DType::kUInt8, quant(0.125f, 0)};
    const Spec out{DType::kInt16, quant(1.0f / 65536, -32768)};
    auto r = run<int16_t, uint8_t>(tflite::BuiltinOperator_SOFTMAX, softmax_options(1.0f), in, {1, 2}, {0, 8}, out);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(*r, (std::vector<int16_t>{-15143, 15143}));
}

TEST(SoftmaxKernels, Uint8TwoValuesOneNatApart) {
    // scale 1/8, 8 steps apart: exp(-1) / (1 + exp(-1)) = 0.26894 -> 68.85 -> 69 of 256; 187 for the other.
    const Spec in{DType::kUInt8, quant(0.125f, 0)};
    const Spec out{DType::kUInt8, quant(1.0f / 256, 0)};
    auto r = run<uint8_t, uint8_t>(tflite::BuiltinOperator_SOFTMAX, softmax_options(1.0f), in, {1, 2}, {0, 8}, out);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(*r, (std::vector<uint8_t>{69, 187}));
}

TEST(SoftmaxKernels, Int16TablesAndEvenSplit) {
    // exp over [-10, 0] in steps of 10/512, in units of 1/32768: exp(0) saturates to 32767.
    const softmax::Int16Lut exp_lut =
        softmax::make_int16_lut(10.0 / 65535, 32767, 2.0 / 65535, 0, [](double v) { return std::exp(v); });
    EXPECT_EQ(exp_lut[512], 32767);
    EXPECT_NEAR(exp_lut[256], 32768 * std::exp(-5.0), 1.0);
    EXPECT_NEAR(softmax::int16_lut_lookup(0, exp_lut), 32768 * std::exp(-5.0), 1.0);

    // Four equal values: 1/4 = 8192 of 32768, within the tables' rounding.
    const Spec q{DType::kInt16, quant(1.0f / 32768, 0)};
    auto r = run<int16_t, int16_t>(tflite::BuiltinOperator_SOFTMAX, softmax_options(1.0f),
                                   {DType::kInt16, quant(0.001f, 0)}, {1, 4}, {300, 300, 300, 300}, q);
    ASSERT_TRUE(r) << r.error().message;
    for (int16_t v : *r) EXPECT_NEAR(v, 8192, 2);
}

TEST(SoftmaxKernels, RefusesOtherOutputQuantizations) {
    auto r = run<int8_t, int8_t>(tflite::BuiltinOperator_SOFTMAX, softmax_options(1.0f), {DType::kInt8, quant(1.0f, 0)},
                                 {1, 2}, {1, 2}, {DType::kInt8, quant(1.0f / 256, 0)});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
    EXPECT_NE(r.error().message.find("zero point -128"), std::string::npos) << r.error().message;

    auto mixed =
        run<uint8_t, int8_t>(tflite::BuiltinOperator_SOFTMAX, softmax_options(1.0f), {DType::kInt8, quant(1.0f, 0)},
                             {1, 2}, {1, 2}, {DType::kUInt8, quant(1.0f / 256, 0)});
    ASSERT_FALSE(mixed);
    EXPECT_NE(mixed.error().message.find("INT8 input with UINT8 output"), std::string::npos) << mixed.error().message;
}

TEST(LogSoftmaxKernels, Float) {
    auto r = run<float, float>(tflite::BuiltinOperator_LOG_SOFTMAX, {}, {}, {1, 3}, {1, 2, 3}, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_NEAR((*r)[0], -2.4076059f, 1e-6);
    EXPECT_NEAR((*r)[1], -1.4076059f, 1e-6);
    EXPECT_NEAR((*r)[2], -0.4076059f, 1e-6);
}

TEST(LogSoftmaxKernels, Int8AndUint8) {
    // Two equal values: log(1/2) = -0.6931 = -11.09 steps of 1/16 below the zero point.
    auto s8 = run<int8_t, int8_t>(tflite::BuiltinOperator_LOG_SOFTMAX, {}, {DType::kInt8, quant(0.1f, 0)}, {1, 2},
                                  {10, 10}, {DType::kInt8, quant(16.0f / 256, 127)});
    ASSERT_TRUE(s8) << s8.error().message;
    EXPECT_EQ(*s8, (std::vector<int8_t>{116, 116}));

    // One nat apart (scale 1/8, 8 steps): log(1/(1+e^-1)) = -0.3133 -> 255 - 5.01 = 250;
    // -1.3133 -> 255 - 21.01 = 234.
    auto u8 = run<uint8_t, uint8_t>(tflite::BuiltinOperator_LOG_SOFTMAX, {}, {DType::kUInt8, quant(0.125f, 0)}, {1, 2},
                                    {8, 0}, {DType::kUInt8, quant(16.0f / 256, 255)});
    ASSERT_TRUE(u8) << u8.error().message;
    EXPECT_EQ(*u8, (std::vector<uint8_t>{250, 234}));
}

TEST(L2NormalizationKernels, FloatAndZeroRow) {
    auto r = run<float, float>(tflite::BuiltinOperator_L2_NORMALIZATION, {}, {}, {2, 2}, {3, 4, 0, 0}, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_NEAR((*r)[0], 0.6f, 1e-7);
    EXPECT_NEAR((*r)[1], 0.8f, 1e-7);
    EXPECT_EQ((*r)[2], 0.0f);
    EXPECT_EQ((*r)[3], 0.0f);
}

TEST(L2NormalizationKernels, Int8AndUint8) {
    // [3, 4] / 5 = [0.6, 0.8] -> 76.8 and 102.4 in steps of 1/128.
    auto s8 = run<int8_t, int8_t>(tflite::BuiltinOperator_L2_NORMALIZATION, {}, {DType::kInt8, quant(0.3f, 0)}, {1, 2},
                                  {3, 4}, {DType::kInt8, quant(1.0f / 128, 0)});
    ASSERT_TRUE(s8) << s8.error().message;
    EXPECT_EQ(*s8, (std::vector<int8_t>{77, 102}));

    auto u8 = run<uint8_t, uint8_t>(tflite::BuiltinOperator_L2_NORMALIZATION, {}, {DType::kUInt8, quant(0.3f, 100)},
                                    {1, 2}, {103, 96}, {DType::kUInt8, quant(1.0f / 128, 128)});
    ASSERT_TRUE(u8) << u8.error().message;
    EXPECT_EQ(*u8, (std::vector<uint8_t>{128 + 77, 128 - 102}));
}

TEST(L2NormalizationKernels, RefusesFusedActivation) {
    auto r = run<float, float>(tflite::BuiltinOperator_L2_NORMALIZATION,
                               l2_options(tflite::ActivationFunctionType_RELU), {}, {1, 2}, {3, 4}, {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
}

}  // namespace
}  // namespace litelab
