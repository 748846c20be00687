// DEPTHWISE_CONV_2D on hand-checked values: float with a depth multiplier, SAME padding and
// strides; int8 per-channel, uint8, 16x8, hybrid; thread-count independence; refusals.
#include <gtest/gtest.h>

#include "conv_test_helpers.h"

namespace litelab::conv_test {
namespace {

using tflite::BuiltinOperator_DEPTHWISE_CONV_2D;
using tflite::Padding_SAME;
using tflite::Padding_VALID;

TEST(DepthwiseConv2d, FloatDepthMultiplierTwo) {
    // Channels (1, 2, 3, 4) and (10, 20, 30, 40) over a 2x2 window; outputs 0-1 read channel 0,
    // 2-3 channel 1. Output 0 sums, 1 takes tap (0,0) - tap (0,1), 2 sums, 3 takes tap (1,1).
    const std::vector<float> filter = {1, 1, 1, 0, 1, -1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1};
    const Model m = single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                              {activation(DType::kFloat32, {1, 2, 2, 2}), constant(DType::kFloat32, {1, 2, 2, 4}, filter),
                               constant(DType::kFloat32, {4}, std::vector<float>{0.5f, 0, 0, -40})},
                              activation(DType::kFloat32, {1, 1, 1, 4}), depthwise_options(Padding_VALID, 1, 1, 2));
    const std::vector<float> input = {1, 10, 2, 20, 3, 30, 4, 40};
    EXPECT_EQ(run_as<float>(m, {bytes_of(input)}), (std::vector<float>{10.5f, -1, 100, 0}));
}

TEST(DepthwiseConv2d, FloatSameStrideTwoWithRelu) {
    // 3x3 ones centred on the corners of 1..9 (padding 1): 12, 16, 24, 28; bias -20, RELU.
    const Model m = single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                              {activation(DType::kFloat32, {1, 3, 3, 1}),
                               constant(DType::kFloat32, {1, 3, 3, 1}, std::vector<float>(9, 1.0f)),
                               constant(DType::kFloat32, {1}, std::vector<float>{-20})},
                              activation(DType::kFloat32, {1, 2, 2, 1}),
                              depthwise_options(Padding_SAME, 2, 2, 1, tflite::ActivationFunctionType_RELU));
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9})}),
              (std::vector<float>{0, 0, 4, 8}));
}

TEST(DepthwiseConv2d, FloatDilationAndNoBias) {
    // 2x2 ones dilated by 2 over 3x3 = corners 1 + 3 + 7 + 9.
    const Model m = single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                              {activation(DType::kFloat32, {1, 3, 3, 1}),
                               constant(DType::kFloat32, {1, 2, 2, 1}, std::vector<float>(4, 1.0f)), omitted()},
                              activation(DType::kFloat32, {1, 1, 1, 1}),
                              depthwise_options(Padding_VALID, 1, 1, 1, tflite::ActivationFunctionType_NONE, 2, 2));
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9})}), std::vector<float>{20});
}

TEST(DepthwiseConv2d, Int8PerChannel) {
    // (x - 2) = (4, -4); weights (3, -5 | 7, 1) with scales (1, 0.5, 0.25, 2) and input scale 0.5:
    // (12 + 1) * 0.5 = 6.5 -> 6; -20 * 0.25 = -5; -28 * 0.125 = -3.5 -> -4 (halves round to
    // even, as XNNPACK's float requantization); -4 * 1 = -4.
    const Model m = single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                              {activation(DType::kInt8, {1, 1, 1, 2}, quant(0.5f, 2)),
                               constant(DType::kInt8, {1, 1, 1, 4}, std::vector<int8_t>{3, -5, 7, 1},
                                        channel_quant({1.0f, 0.5f, 0.25f, 2.0f}, 3)),
                               constant(DType::kInt32, {4}, std::vector<int32_t>{1, 0, 0, 0})},
                              activation(DType::kInt8, {1, 1, 1, 4}, quant(1.0f, 0)),
                              depthwise_options(Padding_VALID, 1, 1, 2));
    EXPECT_EQ(run_as<int8_t>(m, {bytes_of(std::vector<int8_t>{6, -2})}), (std::vector<int8_t>{6, -5, -4, -4}));
}

TEST(DepthwiseConv2d, Uint8SubtractsBothZeroPoints) {
    // (2, -28) * (124 - 120) * 0.5 = 4, -56; plus 100.
    const Model m = single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                              {activation(DType::kUInt8, {1, 1, 2, 1}, quant(1.0f, 128)),
                               constant(DType::kUInt8, {1, 1, 1, 1}, std::vector<uint8_t>{124}, quant(0.5f, 120)),
                               constant(DType::kInt32, {1}, std::vector<int32_t>{0})},
                              activation(DType::kUInt8, {1, 1, 2, 1}, quant(1.0f, 100)),
                              depthwise_options(Padding_VALID, 1, 1, 1));
    EXPECT_EQ(run_as<uint8_t>(m, {bytes_of(std::vector<uint8_t>{130, 100})}), (std::vector<uint8_t>{104, 44}));
}

TEST(DepthwiseConv2d, Int16RoundsHalvesUpward) {
    // (30001 - 10) * 0.5 = 14995.5 -> 14996 and -1001 * 0.5 = -500.5 -> -500: TFLite's 64-bit
    // multiply adds half and shifts.
    const Model m = single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                              {activation(DType::kInt16, {1, 1, 1, 2}, quant(1.0f, 0)),
                               constant(DType::kInt8, {1, 1, 1, 2}, std::vector<int8_t>{1, 1}, quant(1.0f, 0)),
                               constant(DType::kInt64, {2}, std::vector<int64_t>{-10, 0})},
                              activation(DType::kInt16, {1, 1, 1, 2}, quant(2.0f, 0)),
                              depthwise_options(Padding_VALID, 1, 1, 1));
    EXPECT_EQ(run_as<int16_t>(m, {bytes_of(std::vector<int16_t>{30001, -1001})}), (std::vector<int16_t>{14996, -500}));
}

TEST(DepthwiseConv2d, HybridQuantizesEachBatchItemAsymmetrically) {
    // (1, -0.5) -> 170 and -85 above the zero point -43 at scale 1.5/255; weights 2 * 0.5 and
    // -3 * 0.25: 1.0 and 0.375, the exact answers.
    const Model m = single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                              {activation(DType::kFloat32, {1, 1, 1, 2}),
                               constant(DType::kInt8, {1, 1, 1, 2}, std::vector<int8_t>{2, -3},
                                        channel_quant({0.5f, 0.25f}, 3)),
                               constant(DType::kFloat32, {2}, std::vector<float>{0, 0})},
                              activation(DType::kFloat32, {1, 1, 1, 2}), depthwise_options(Padding_VALID, 1, 1, 1));
    const auto out = run_as<float>(m, {bytes_of(std::vector<float>{1.0f, -0.5f})});
    ASSERT_EQ(out.size(), 2u);
    EXPECT_NEAR(out[0], 1.0f, 1e-6);
    EXPECT_NEAR(out[1], 0.375f, 1e-6);
}

TEST(DepthwiseConv2d, ResultsDoNotDependOnThreads) {
    std::mt19937 rng(5);
    const Model m = single_op(
        BuiltinOperator_DEPTHWISE_CONV_2D,
        {activation(DType::kInt8, {2, 9, 7, 6}, quant(0.1f, 3)),
         constant(DType::kInt8, {1, 3, 3, 12}, random_values<int8_t>(rng, 108, -127, 127), quant(0.02f, 0)),
         constant(DType::kInt32, {12}, random_values<int32_t>(rng, 12, -500, 500))},
        activation(DType::kInt8, {2, 5, 4, 12}, quant(0.2f, -4)), depthwise_options(Padding_SAME, 2, 2, 2));
    const auto input = bytes_of(random_values<int8_t>(rng, 2 * 9 * 7 * 6, -128, 127));
    EXPECT_EQ(run(m, {input}, conv::ConvPath::kAuto, 3), run(m, {input}));
}

TEST(DepthwiseConv2d, RefusesBadFiltersAndBiasTypes) {
    EXPECT_NE(compile_error(single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                                      {activation(DType::kFloat32, {1, 2, 2, 1}),
                                       constant(DType::kFloat32, {2, 1, 1, 1}, std::vector<float>{1, 2})},
                                      activation(DType::kFloat32, {1, 2, 2, 1}), depthwise_options(Padding_SAME, 1, 1, 1)))
                  .find("[1, H, W, C]"),
              std::string::npos);
    EXPECT_NE(compile_error(single_op(BuiltinOperator_DEPTHWISE_CONV_2D,
                                      {activation(DType::kInt16, {1, 1, 1, 1}, quant(1.0f, 0)),
                                       constant(DType::kInt8, {1, 1, 1, 1}, std::vector<int8_t>{1}, quant(1.0f, 0)),
                                       constant(DType::kInt32, {1}, std::vector<int32_t>{0})},
                                      activation(DType::kInt16, {1, 1, 1, 1}, quant(1.0f, 0)),
                                      depthwise_options(Padding_SAME, 1, 1, 1)))
                  .find("bias of type INT32"),
              std::string::npos);
}

}  // namespace
}  // namespace litelab::conv_test
