// CONV_2D on hand-checked values, per type: float (padding, strides, dilation, groups, fused
// activations, no bias), int8 per-channel, uint8, 16x8, hybrid (symmetric and per-channel).
#include <gtest/gtest.h>

#include "conv_test_helpers.h"

namespace litelab::conv_test {
namespace {

using tflite::ActivationFunctionType_NONE;
using tflite::ActivationFunctionType_RELU6;
using tflite::BuiltinOperator_CONV_2D;
using tflite::Padding_SAME;
using tflite::Padding_VALID;

TEST(Conv2d, FloatSamePaddingSumsTheNeighbourhoodInsideTheImage) {
    const std::vector<float> ones(9, 1.0f);
    const Model m = single_op(BuiltinOperator_CONV_2D,
                              {activation(DType::kFloat32, {1, 3, 3, 1}), constant(DType::kFloat32, {1, 3, 3, 1}, ones),
                               constant(DType::kFloat32, {1}, std::vector<float>{0.5f})},
                              activation(DType::kFloat32, {1, 3, 3, 1}), conv_options(Padding_SAME, 1, 1));
    const std::vector<float> input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (auto path : {conv::ConvPath::kReference, conv::ConvPath::kFast}) {
        const auto out = run_as<float>(m, {bytes_of(input)}, path);
        EXPECT_EQ(out, (std::vector<float>{12.5f, 21.5f, 16.5f, 27.5f, 45.5f, 33.5f, 24.5f, 39.5f, 28.5f}));
    }
}

TEST(Conv2d, FloatValidStrideTwoWithRelu6AndBias) {
    // Filter 0 adds the window's diagonal, filter 1 subtracts below-left from above-right (-3).
    const std::vector<float> filters = {1, 0, 0, 1, 0, 1, -1, 0};
    const Model m = single_op(
        BuiltinOperator_CONV_2D,
        {activation(DType::kFloat32, {1, 4, 4, 1}), constant(DType::kFloat32, {2, 2, 2, 1}, filters),
         constant(DType::kFloat32, {2}, std::vector<float>{0.0f, 4.0f})},
        activation(DType::kFloat32, {1, 2, 2, 2}), conv_options(Padding_VALID, 2, 2, ActivationFunctionType_RELU6));
    std::vector<float> input(16);
    for (int i = 0; i < 16; ++i) input[static_cast<size_t>(i)] = static_cast<float>(i);
    // Diagonal sums 5, 9, 21, 25 clamp to 6 above the first; -3 + 4 = 1.
    for (auto path : {conv::ConvPath::kReference, conv::ConvPath::kFast})
        EXPECT_EQ(run_as<float>(m, {bytes_of(input)}, path), (std::vector<float>{5, 1, 6, 1, 6, 1, 6, 1}));
}

TEST(Conv2d, FloatDilationSpreadsTheFilter) {
    // 3x3 ones dilated by 2 over a 5x5 image: rows and columns 0, 2, 4 -> 108.
    const Model m = single_op(BuiltinOperator_CONV_2D,
                              {activation(DType::kFloat32, {1, 5, 5, 1}),
                               constant(DType::kFloat32, {1, 3, 3, 1}, std::vector<float>(9, 1.0f)),
                               constant(DType::kFloat32, {1}, std::vector<float>{0.0f})},
                              activation(DType::kFloat32, {1, 1, 1, 1}),
                              conv_options(Padding_VALID, 1, 1, ActivationFunctionType_NONE, 2, 2));
    std::vector<float> input(25);
    for (int i = 0; i < 25; ++i) input[static_cast<size_t>(i)] = static_cast<float>(i);
    for (auto path : {conv::ConvPath::kReference, conv::ConvPath::kFast})
        EXPECT_EQ(run_as<float>(m, {bytes_of(input)}, path), std::vector<float>{108.0f});
}

TEST(Conv2d, FloatGroupsReadTheirOwnInputChannels) {
    // 4 input channels, filters of depth 2: filter 0 sees channels 0-1, filter 1 channels 2-3.
    const Model m = single_op(BuiltinOperator_CONV_2D,
                              {activation(DType::kFloat32, {1, 1, 1, 4}),
                               constant(DType::kFloat32, {2, 1, 1, 2}, std::vector<float>{1, 10, 100, 1000}),
                               constant(DType::kFloat32, {2}, std::vector<float>{0, 0})},
                              activation(DType::kFloat32, {1, 1, 1, 2}), conv_options(Padding_VALID, 1, 1));
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1, 2, 3, 4})}), (std::vector<float>{21, 4300}));
}

TEST(Conv2d, FloatWithoutBias) {
    const Model m = single_op(BuiltinOperator_CONV_2D,
                              {activation(DType::kFloat32, {1, 1, 2, 1}),
                               constant(DType::kFloat32, {1, 1, 1, 1}, std::vector<float>{-2}), omitted()},
                              activation(DType::kFloat32, {1, 1, 2, 1}), conv_options(Padding_SAME, 1, 1));
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1.5f, -3})}), (std::vector<float>{-3, 6}));
}

TEST(Conv2d, Int8PerChannelRequantizesEachChannel) {
    // Inputs (x + 1): pixel 0 (4, 6), pixel 1 (0, 10). Filters (2, -1) scale 0.25 and (3, 4)
    // scale 0.5, bias (-2, -20): sums 0, 16 | -12, 20. Multipliers 0.125 and 0.25 (output scale
    // 1): 0, 4 | -1.5 rounds half to even to -2 (XNNPACK's float requantization), 5; plus the
    // output zero point 3.
    const Model m = single_op(
        BuiltinOperator_CONV_2D,
        {activation(DType::kInt8, {1, 1, 2, 2}, quant(0.5f, -1)),
         constant(DType::kInt8, {2, 1, 1, 2}, std::vector<int8_t>{2, -1, 3, 4}, channel_quant({0.25f, 0.5f}, 0)),
         constant(DType::kInt32, {2}, std::vector<int32_t>{-2, -20})},
        activation(DType::kInt8, {1, 1, 2, 2}, quant(1.0f, 3)), conv_options(Padding_VALID, 1, 1));
    const std::vector<int8_t> input = {3, 5, -1, 9};
    for (auto path : {conv::ConvPath::kReference, conv::ConvPath::kFast})
        EXPECT_EQ(run_as<int8_t>(m, {bytes_of(input)}, path), (std::vector<int8_t>{3, 7, 1, 8}));
}

TEST(Conv2d, Int8Relu6ClampsInTheOutputsScale) {
    // Output scale 0.5, zero point -10: RELU6 keeps [-10, 2]. Sums 40 -> 20 -> 10 -> clamps to 2;
    // -40 -> -20 -> -30 -> clamps to -10.
    const Model m = single_op(BuiltinOperator_CONV_2D,
                              {activation(DType::kInt8, {1, 1, 2, 1}, quant(0.25f, 0)),
                               constant(DType::kInt8, {1, 1, 1, 1}, std::vector<int8_t>{2}, quant(1.0f, 0)),
                               constant(DType::kInt32, {1}, std::vector<int32_t>{0})},
                              activation(DType::kInt8, {1, 1, 2, 1}, quant(0.5f, -10)),
                              conv_options(Padding_VALID, 1, 1, ActivationFunctionType_RELU6));
    EXPECT_EQ(run_as<int8_t>(m, {bytes_of(std::vector<int8_t>{20, -20})}), (std::vector<int8_t>{2, -10}));
}

TEST(Conv2d, Uint8SubtractsBothZeroPoints) {
    // (130 - 128, 120 - 128) . (102 - 100, 97 - 100) = 4 + 24 = 28, + bias 6 = 34; multiplier
    // 1 * 0.5 / 2 = 0.25: 8.5 -> 9, + 10.
    const Model m = single_op(BuiltinOperator_CONV_2D,
                              {activation(DType::kUInt8, {1, 1, 1, 2}, quant(1.0f, 128)),
                               constant(DType::kUInt8, {1, 1, 1, 2}, std::vector<uint8_t>{102, 97}, quant(0.5f, 100)),
                               constant(DType::kInt32, {1}, std::vector<int32_t>{6})},
                              activation(DType::kUInt8, {1, 1, 1, 1}, quant(2.0f, 10)), conv_options(Padding_VALID, 1, 1));
    for (auto path : {conv::ConvPath::kReference, conv::ConvPath::kFast})
        EXPECT_EQ(run_as<uint8_t>(m, {bytes_of(std::vector<uint8_t>{130, 120})}, path), std::vector<uint8_t>{19});
}

TEST(Conv2d, Int16UsesInt64SumsAndTheReducedMultiplier) {
    // Filter 0: 3 * 1000 - 2000 + 100000 = 101000 at multiplier 1 -> saturates at 32767.
    // Filter 1: -2000 - 10000 - 7 = -12007 at multiplier 0.5: TFLite's 64-bit rounding adds half
    // and shifts, so -6003.5 becomes -6003 (not -6004).
    const Model m = single_op(
        BuiltinOperator_CONV_2D,
        {activation(DType::kInt16, {1, 1, 1, 2}, quant(1.0f, 0)),
         constant(DType::kInt8, {2, 1, 1, 2}, std::vector<int8_t>{3, 1, -2, 5}, channel_quant({0.5f, 0.25f}, 0)),
         constant(DType::kInt64, {2}, std::vector<int64_t>{100000, -7})},
        activation(DType::kInt16, {1, 1, 1, 2}, quant(0.5f, 0)), conv_options(Padding_VALID, 1, 1));
    EXPECT_EQ(run_as<int16_t>(m, {bytes_of(std::vector<int16_t>{1000, -2000})}), (std::vector<int16_t>{32767, -6003}));
}

TEST(Conv2d, Int16WithInt32BiasWhenTheModelDeclaresIt) {
    auto model = [](tflite::TensorType bias_type) {
        return single_op(BuiltinOperator_CONV_2D,
                         {activation(DType::kInt16, {1, 1, 1, 1}, quant(1.0f, 0)),
                          constant(DType::kInt8, {1, 1, 1, 1}, std::vector<int8_t>{3}, quant(1.0f, 0)),
                          constant(DType::kInt32, {1}, std::vector<int32_t>{-5})},
                         activation(DType::kInt16, {1, 1, 1, 1}, quant(1.0f, 0)),
                         conv_options(Padding_VALID, 1, 1, ActivationFunctionType_NONE, 1, 1, bias_type), 8);
    };
    EXPECT_EQ(run_as<int16_t>(model(tflite::TensorType_INT32), {bytes_of(std::vector<int16_t>{100})}),
              std::vector<int16_t>{295});
    EXPECT_NE(compile_error(model(tflite::TensorType_FLOAT32)).find("bias of type INT32"), std::string::npos);
}

TEST(Conv2d, HybridPerTensorQuantizesEachBatchItemSymmetrically) {
    // Input (1, -0.5) quantizes with scale 1/127 to (127, -64) (-63.5 rounds away from zero);
    // weights (2, 4) * 0.5. Sum 254 - 256 = -2, times (1/127) * 0.5, plus bias 0.25: the
    // quantization error shows (the exact answer is 0.25).
    const Model m = single_op(BuiltinOperator_CONV_2D,
                              {activation(DType::kFloat32, {1, 1, 1, 2}),
                               constant(DType::kInt8, {1, 1, 1, 2}, std::vector<int8_t>{2, 4}, quant(0.5f, 0)),
                               constant(DType::kFloat32, {1}, std::vector<float>{0.25f})},
                              activation(DType::kFloat32, {1, 1, 1, 1}), conv_options(Padding_VALID, 1, 1));
    const float factor = (1.0f / 127.0f) * 0.5f;
    for (auto path : {conv::ConvPath::kReference, conv::ConvPath::kFast}) {
        const auto out = run_as<float>(m, {bytes_of(std::vector<float>{1.0f, -0.5f})}, path);
        ASSERT_EQ(out.size(), 1u);
        EXPECT_FLOAT_EQ(out[0], -2.0f * factor + 0.25f);
        EXPECT_NEAR(out[0], 0.25f - 1.0f / 127.0f, 1e-7);
    }
}

TEST(Conv2d, HybridPerChannelQuantizesAsymmetrically) {
    // (1, -0.5) spans [-0.5, 1]: scale 1.5/255, zero point -43, values (127, -128), i.e. 170 and
    // -85 above the zero point. Filter 0 (2, 4) * 0.5: 340 - 340 = 0. Filter 1 (-3, 1) * 0.25:
    // -595 * 0.25 * 1.5/255 = -0.875, the exact answer.
    const Model m = single_op(
        BuiltinOperator_CONV_2D,
        {activation(DType::kFloat32, {1, 1, 1, 2}),
         constant(DType::kInt8, {2, 1, 1, 2}, std::vector<int8_t>{2, 4, -3, 1}, channel_quant({0.5f, 0.25f}, 0)),
         constant(DType::kFloat32, {2}, std::vector<float>{0.5f, 1.0f})},
        activation(DType::kFloat32, {1, 1, 1, 2}), conv_options(Padding_VALID, 1, 1));
    for (auto path : {conv::ConvPath::kReference, conv::ConvPath::kFast}) {
        const auto out = run_as<float>(m, {bytes_of(std::vector<float>{1.0f, -0.5f})}, path);
        ASSERT_EQ(out.size(), 2u);
        EXPECT_FLOAT_EQ(out[0], 0.5f);
        EXPECT_NEAR(out[1], 0.125f, 1e-6);
    }
}

TEST(Conv2d, RefusesWhatTfliteCannotRun) {
    const auto int8_input = activation(DType::kInt8, {1, 2, 2, 1}, quant(1.0f, 0));
    const auto int8_output = activation(DType::kInt8, {1, 2, 2, 1}, quant(1.0f, 0));
    // int8 activations with float weights.
    EXPECT_NE(compile_error(single_op(BuiltinOperator_CONV_2D,
                                      {int8_input, constant(DType::kFloat32, {1, 1, 1, 1}, std::vector<float>{1})},
                                      int8_output, conv_options(Padding_SAME, 1, 1)))
                  .find("INT8 input with FLOAT32 weights"),
              std::string::npos);
    // int8 weights with a non-zero zero point.
    EXPECT_NE(compile_error(single_op(BuiltinOperator_CONV_2D,
                                      {int8_input, constant(DType::kInt8, {1, 1, 1, 1}, std::vector<int8_t>{1}, quant(1, 3))},
                                      int8_output, conv_options(Padding_SAME, 1, 1)))
                  .find("zero point of 3"),
              std::string::npos);
    // A fused TANH (TFLite would silently skip it).
    EXPECT_NE(compile_error(single_op(BuiltinOperator_CONV_2D,
                                      {activation(DType::kFloat32, {1, 2, 2, 1}),
                                       constant(DType::kFloat32, {1, 1, 1, 1}, std::vector<float>{1})},
                                      activation(DType::kFloat32, {1, 2, 2, 1}),
                                      conv_options(Padding_SAME, 1, 1, tflite::ActivationFunctionType_TANH)))
                  .find("fused activation TANH"),
              std::string::npos);
    // Per-channel scales that do not match the filters.
    EXPECT_NE(compile_error(single_op(BuiltinOperator_CONV_2D,
                                      {int8_input, constant(DType::kInt8, {1, 1, 1, 1}, std::vector<int8_t>{1},
                                                            channel_quant({1.0f, 2.0f}, 0))},
                                      int8_output, conv_options(Padding_SAME, 1, 1)))
                  .find("2 scales for 1 output channels"),
              std::string::npos);
}

}  // namespace
}  // namespace litelab::conv_test
