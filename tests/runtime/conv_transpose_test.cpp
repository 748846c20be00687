// TRANSPOSE_CONV on hand-checked values: float SAME / VALID, fused activation, no bias; int8
// per-channel, uint8, 16x8, hybrid; non-constant weights; refusals.
#include <gtest/gtest.h>

#include "conv_test_helpers.h"

namespace litelab::conv_test {
namespace {

using tflite::BuiltinOperator_TRANSPOSE_CONV;
using tflite::Padding_SAME;
using tflite::Padding_VALID;

Operand output_shape(std::vector<int32_t> shape) {
    return constant(DType::kInt32, {static_cast<int32_t>(shape.size())}, shape);
}

TEST(TransposeConv, FloatSameStrideTwo) {
    // Each of 1, 2, 3, 4 spreads over a 3x3 block starting at (2y, 2x); blocks overlap in row
    // and column 2 (padding 0 for a 4x4 output). Bias 1.
    const Model m = single_op(BuiltinOperator_TRANSPOSE_CONV,
                              {output_shape({1, 4, 4, 1}), constant(DType::kFloat32, {1, 3, 3, 1}, std::vector<float>(9, 1)),
                               activation(DType::kFloat32, {1, 2, 2, 1}), constant(DType::kFloat32, {1}, std::vector<float>{1})},
                              activation(DType::kFloat32, {1, 4, 4, 1}), transpose_conv_options(Padding_SAME, 2, 2), 3);
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1, 2, 3, 4})}),
              (std::vector<float>{2, 2, 4, 3, 2, 2, 4, 3, 5, 5, 11, 7, 4, 4, 8, 5}));
}

TEST(TransposeConv, FloatValidTwoChannelsWithFusedActivation) {
    // Input (1, -2) along x, taps (1, 1) and (0.5, -1): channel 0 (1, -1, -2), channel 1
    // (0.5, -2, 2); RELU_N1_TO_1 clamps to [-1, 1].
    const Model m = single_op(
        BuiltinOperator_TRANSPOSE_CONV,
        {output_shape({1, 1, 3, 2}), constant(DType::kFloat32, {2, 1, 2, 1}, std::vector<float>{1, 1, 0.5f, -1}),
         activation(DType::kFloat32, {1, 1, 2, 1}), constant(DType::kFloat32, {2}, std::vector<float>{0, 0})},
        activation(DType::kFloat32, {1, 1, 3, 2}),
        transpose_conv_options(Padding_VALID, 1, 1, tflite::ActivationFunctionType_RELU_N1_TO_1), 4);
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1, -2})}), (std::vector<float>{1, 0.5f, -1, -1, -1, 1}));
}

TEST(TransposeConv, FloatWithoutBiasAndWithNonConstantWeights) {
    // Same geometry as above, without the activation: (1, -1, -2) and (0.5, -2, 2), the weights
    // fed as a second model input.
    const Model m = single_op(BuiltinOperator_TRANSPOSE_CONV,
                              {output_shape({1, 1, 3, 2}), activation(DType::kFloat32, {2, 1, 2, 1}),
                               activation(DType::kFloat32, {1, 1, 2, 1})},
                              activation(DType::kFloat32, {1, 1, 3, 2}), transpose_conv_options(Padding_VALID, 1, 1));
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1, 1, 0.5f, -1}), bytes_of(std::vector<float>{1, -2})}),
              (std::vector<float>{1, 0.5f, -1, -2, -2, 2}));
}

TEST(TransposeConv, Int8PerChannel) {
    // (10 - 2) = 8 times weights 3 (scale 0.25) and -1 (scale 1), input scale 0.5: (24 + 4) *
    // 0.125 = 3.5 -> 4, -8 * 0.5 = -4; output zero point -5.
    const Model m = single_op(
        BuiltinOperator_TRANSPOSE_CONV,
        {output_shape({1, 1, 1, 2}),
         constant(DType::kInt8, {2, 1, 1, 1}, std::vector<int8_t>{3, -1}, channel_quant({0.25f, 1.0f}, 0)),
         activation(DType::kInt8, {1, 1, 1, 1}, quant(0.5f, 2)), constant(DType::kInt32, {2}, std::vector<int32_t>{4, 0})},
        activation(DType::kInt8, {1, 1, 1, 2}, quant(1.0f, -5)), transpose_conv_options(Padding_VALID, 1, 1), 3);
    EXPECT_EQ(run_as<int8_t>(m, {bytes_of(std::vector<int8_t>{10})}), (std::vector<int8_t>{-1, -9}));
}

TEST(TransposeConv, Uint8SubtractsBothZeroPoints) {
    // (130 - 128) * (90 - 100) + 3 = -17, multiplier 0.25 / 0.5: -8.5 rounds half up to -8;
    // + 50.
    const Model m = single_op(
        BuiltinOperator_TRANSPOSE_CONV,
        {output_shape({1, 1, 1, 1}), constant(DType::kUInt8, {1, 1, 1, 1}, std::vector<uint8_t>{90}, quant(0.25f, 100)),
         activation(DType::kUInt8, {1, 1, 1, 1}, quant(1.0f, 128)),
         constant(DType::kInt32, {1}, std::vector<int32_t>{3})},
        activation(DType::kUInt8, {1, 1, 1, 1}, quant(0.5f, 50)), transpose_conv_options(Padding_VALID, 1, 1));
    EXPECT_EQ(run_as<uint8_t>(m, {bytes_of(std::vector<uint8_t>{130})}), std::vector<uint8_t>{42});
}

TEST(TransposeConv, Int16WithInt64Bias) {
    // -3 * 5 + 2 = -13 at multiplier 0.5: -6.5 -> -6 (64-bit rounding adds half).
    const Model m = single_op(
        BuiltinOperator_TRANSPOSE_CONV,
        {output_shape({1, 1, 1, 1}), constant(DType::kInt8, {1, 1, 1, 1}, std::vector<int8_t>{5}, quant(1.0f, 0)),
         activation(DType::kInt16, {1, 1, 1, 1}, quant(1.0f, 0)),
         constant(DType::kInt64, {1}, std::vector<int64_t>{2})},
        activation(DType::kInt16, {1, 1, 1, 1}, quant(2.0f, 0)), transpose_conv_options(Padding_VALID, 1, 1));
    EXPECT_EQ(run_as<int16_t>(m, {bytes_of(std::vector<int16_t>{-3})}), std::vector<int16_t>{-6});
}

TEST(TransposeConv, HybridQuantizesTheInputAsymmetrically) {
    // (1, -0.5) -> 170 and -85 above the zero point at scale 1.5/255; weight 4 * 0.25: the exact
    // 1 and -0.5.
    const Model m = single_op(BuiltinOperator_TRANSPOSE_CONV,
                              {output_shape({1, 1, 2, 1}),
                               constant(DType::kInt8, {1, 1, 1, 1}, std::vector<int8_t>{4}, quant(0.25f, 0)),
                               activation(DType::kFloat32, {1, 1, 2, 1})},
                              activation(DType::kFloat32, {1, 1, 2, 1}), transpose_conv_options(Padding_VALID, 1, 1));
    const auto out = run_as<float>(m, {bytes_of(std::vector<float>{1.0f, -0.5f})});
    ASSERT_EQ(out.size(), 2u);
    EXPECT_NEAR(out[0], 1.0f, 1e-6);
    EXPECT_NEAR(out[1], -0.5f, 1e-6);
}

TEST(TransposeConv, RefusesAComputedOutputShape) {
    const Model m = single_op(BuiltinOperator_TRANSPOSE_CONV,
                              {activation(DType::kInt32, {4}), constant(DType::kFloat32, {1, 1, 1, 1}, std::vector<float>{1}),
                               activation(DType::kFloat32, {1, 1, 1, 1})},
                              activation(DType::kFloat32, {1, 1, 1, 1}), transpose_conv_options(Padding_VALID, 1, 1));
    EXPECT_NE(compile_error(m).find("output_shape that is not constant"), std::string::npos);
}

}  // namespace
}  // namespace litelab::conv_test
