// QUANTIZE, DEQUANTIZE and CAST on hand-checked values: every type pair TFLite supports, per
// channel parameters, float16 (converted exhaustively), and the refusals.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "model/builder.h"
#include "runtime/interpreter.h"
#include "runtime/kernels/quantize/half_float.h"
#include "support/op_model.h"

namespace litelab {
namespace {

using namespace test;

Model one(tflite::BuiltinOperator op, const Operand& in, const Operand& out) { return single_op(op, {in}, out); }

TEST(Quantize, FloatToInt8RoundsHalfAwayFromZeroAndClamps) {
    // Scale 0.5, zero point -1: 0.25 -> 0.5 -> 1 -> 0; 0.75 -> 1.5 -> 2 -> 1; -0.25 -> -1 -> -2.
    const auto model = one(tflite::BuiltinOperator_QUANTIZE, f32({7}), quantized(DType::kInt8, {7}, 0.5f, -1));
    EXPECT_EQ((run<int8_t>(model, std::vector<float>{-1.0f, 0.25f, 0.75f, -0.25f, 0.0f, 100.0f, -100.0f})),
              (std::vector<int8_t>{-3, 0, 1, -2, -1, 127, -128}));
}

TEST(Quantize, FloatToUint8AndInt16) {
    const auto u8 = one(tflite::BuiltinOperator_QUANTIZE, f32({4}), quantized(DType::kUInt8, {4}, 0.1f, 128));
    EXPECT_EQ((run<uint8_t>(u8, std::vector<float>{0.0f, 1.0f, -20.0f, 20.0f})), (std::vector<uint8_t>{128, 138, 0, 255}));
    const auto i16 = one(tflite::BuiltinOperator_QUANTIZE, f32({4}), quantized(DType::kInt16, {4}, 1.0f / 1024, 0));
    EXPECT_EQ((run<int16_t>(i16, std::vector<float>{1.0f, -0.5f, 40.0f, -40.0f})),
              (std::vector<int16_t>{1024, -512, 32767, -32768}));
}

TEST(Quantize, FloatToInt8PerChannel) {
    // Channels along dimension 1 with scales 1, 0.5, 0.25 and zero points 0, 1, -1.
    const Operand out{DType::kInt8, {2, 3}, channel_quant({1.0f, 0.5f, 0.25f}, {0, 1, -1}, 1), {}};
    const auto model = one(tflite::BuiltinOperator_QUANTIZE, f32({2, 3}), out);
    EXPECT_EQ((run<int8_t>(model, std::vector<float>{1, 1, 1, -2, -2, -2})), (std::vector<int8_t>{1, 3, 3, -2, -3, -9}));
}

TEST(Quantize, RequantizeInt8ToUint8IsAShiftOf128) {
    const auto model = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt8, {3}, 0.02f, -128),
                           quantized(DType::kUInt8, {3}, 0.02f, 0));
    EXPECT_EQ((run<uint8_t>(model, std::vector<int8_t>{-128, 0, 127})), (std::vector<uint8_t>{0, 128, 255}));
    const auto back = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kUInt8, {3}, 0.02f, 0),
                          quantized(DType::kInt8, {3}, 0.02f, -128));
    EXPECT_EQ((run<int8_t>(back, std::vector<uint8_t>{0, 128, 255})), (std::vector<int8_t>{-128, 0, 127}));
}

TEST(Quantize, RequantizeInt8ToANewScale) {
    // Scale 1 to 2, zero point 10 (XNNPACK's multiplier 128/256, exact): ties round up,
    // 3 -> 1.5 -> 2, 5 -> 2.5 -> 3, -5 -> -2.5 -> -2.
    const auto model = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt8, {5}, 1.0f, 0),
                           quantized(DType::kInt8, {5}, 2.0f, 10));
    EXPECT_EQ((run<int8_t>(model, std::vector<int8_t>{3, 5, -5, 127, -128})), (std::vector<int8_t>{12, 13, 8, 74, -54}));
}

TEST(Quantize, RequantizeInt8ToInt8FollowsXnnpack) {
    // Ratio 0.02 / 0.037 = 0.5405 becomes XNNPACK's 138/256 = 0.5391: 127 -> 68 (TFLite: 68.65
    // -> 69); -128 -> -69; 50 -> 27.
    const auto model = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt8, {3}, 0.02f, 0),
                           quantized(DType::kInt8, {3}, 0.037f, 0));
    EXPECT_EQ((run<int8_t>(model, std::vector<int8_t>{127, -128, 50})), (std::vector<int8_t>{68, -69, 27}));
}

TEST(Quantize, RequantizeBetweenTypesKeepsTfliteArithmetic) {
    // uint8 (zero point 127) to int8, ratio 2/3: 255 is 128 -> 85.33 -> 85 (an 8-bit multiplier,
    // 171/256, would give 85.5 -> 86).
    const auto model = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kUInt8, {2}, 0.02f, 127),
                           quantized(DType::kInt8, {2}, 0.03f, 0));
    EXPECT_EQ((run<int8_t>(model, std::vector<uint8_t>{255, 127})), (std::vector<int8_t>{85, 0}));
}

TEST(Quantize, RequantizeInt16AndInt32) {
    // int16 (scale 1/1024) to int8 (scale 1/16, zero point 0): divide by 64.
    const auto to_int8 = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt16, {4}, 1.0f / 1024, 0),
                             quantized(DType::kInt8, {4}, 1.0f / 16, 0));
    EXPECT_EQ((run<int8_t>(to_int8, std::vector<int16_t>{64, -640, 32767, -96})), (std::vector<int8_t>{1, -10, 127, -2}));
    // int16 to int16 with four times the scale, and to int32 with a quarter of it.
    const auto to_int16 = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt16, {3}, 0.01f, 0),
                              quantized(DType::kInt16, {3}, 0.04f, 0));
    EXPECT_EQ((run<int16_t>(to_int16, std::vector<int16_t>{400, -6, 32767})), (std::vector<int16_t>{100, -2, 8192}));
    const auto to_int32 = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt16, {2}, 0.01f, 0),
                              quantized(DType::kInt32, {2}, 0.0025f, 3));
    EXPECT_EQ((run<int32_t>(to_int32, std::vector<int16_t>{-32768, 100})), (std::vector<int32_t>{-131069, 403}));
    const auto from_int32 = one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt32, {3}, 0.001f, 0),
                                quantized(DType::kInt8, {3}, 0.1f, 0));
    EXPECT_EQ((run<int8_t>(from_int32, std::vector<int32_t>{250, -1000000, 1000})), (std::vector<int8_t>{3, -128, 10}));
}

TEST(Quantize, RefusesPairsTfliteDoesNotRequantize) {
    EXPECT_NE(refusal(one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt8, {2}, 0.1f, 0),
                          quantized(DType::kInt16, {2}, 0.1f, 0)))
                  .find("INT8 to INT16"),
              std::string::npos);
    refusal(one(tflite::BuiltinOperator_QUANTIZE, f32({2}), quantized(DType::kInt32, {2}, 0.1f, 0)));
    refusal(one(tflite::BuiltinOperator_QUANTIZE, quantized(DType::kInt16, {2}, 0.1f, 4),
                quantized(DType::kInt16, {2}, 0.1f, 0)));
    auto no_scale = Interpreter::compile(one(tflite::BuiltinOperator_QUANTIZE, f32({2}), plain(DType::kInt8, {2})));
    EXPECT_FALSE(no_scale.ok());
}

TEST(Dequantize, PerTensorTypes) {
    const auto i8 = one(tflite::BuiltinOperator_DEQUANTIZE, quantized(DType::kInt8, {3}, 0.5f, -1), f32({3}));
    EXPECT_EQ((run<float>(i8, std::vector<int8_t>{-128, -1, 127})), (std::vector<float>{-63.5f, 0.0f, 64.0f}));
    const auto u8 = one(tflite::BuiltinOperator_DEQUANTIZE, quantized(DType::kUInt8, {2}, 0.25f, 128), f32({2}));
    EXPECT_EQ((run<float>(u8, std::vector<uint8_t>{0, 255})), (std::vector<float>{-32.0f, 31.75f}));
    const auto i16 = one(tflite::BuiltinOperator_DEQUANTIZE, quantized(DType::kInt16, {2}, 1.0f / 32768, 0), f32({2}));
    EXPECT_EQ((run<float>(i16, std::vector<int16_t>{-32768, 16384})), (std::vector<float>{-1.0f, 0.5f}));
}

TEST(Dequantize, Int8PerChannelAlongTheFirstDimension) {
    const Operand in{DType::kInt8, {2, 2}, channel_quant({0.5f, 2.0f}, {0, 1}, 0), {}};
    const auto model = one(tflite::BuiltinOperator_DEQUANTIZE, in, f32({2, 2}));
    EXPECT_EQ((run<float>(model, std::vector<int8_t>{4, -4, 4, -4})), (std::vector<float>{2.0f, -2.0f, 6.0f, -10.0f}));
}

TEST(Dequantize, Float16InputAndFoldedFloat16Weights) {
    // 0x3C00 is 1, 0xC000 is -2, 0x3555 is 0.333251953125, 0x0001 is 2^-24.
    const std::vector<uint16_t> halves = {0x3C00, 0xC000, 0x3555, 0x0001};
    const std::vector<float> floats = {1.0f, -2.0f, 0.333251953125f, 0x1p-24f};
    const auto model = one(tflite::BuiltinOperator_DEQUANTIZE, plain(DType::kFloat16, {4}), f32({4}));
    EXPECT_EQ((run<float>(model, halves)), floats);

    // A constant float16 input is dequantized once, at compile time, into a constant.
    ModelBuilder b;
    const int32_t x = b.add_tensor("x", DType::kFloat32, {4});
    const int32_t w = b.add_tensor("w", DType::kFloat16, {4}, bytes_of(halves));
    const int32_t w32 = b.add_tensor("w32", DType::kFloat32, {4});
    const int32_t y = b.add_tensor("y", DType::kFloat32, {4});
    b.add_operator(tflite::BuiltinOperator_DEQUANTIZE, {w}, {w32});
    b.add_operator(tflite::BuiltinOperator_CAST, {x}, {y});  // any second operator keeps an input
    b.set_inputs({x});
    b.set_outputs({y, w32});
    auto interpreter = Interpreter::compile(std::move(b).finish());
    ASSERT_TRUE(interpreter.ok()) << interpreter.error().message;
    EXPECT_EQ((*interpreter)->entry().nodes.size(), 1u);  // only the CAST is left to run
    const TensorInfo& folded = (*interpreter)->entry().tensors[static_cast<size_t>(w32)];
    ASSERT_TRUE(folded.is_constant());
    std::vector<float> values(4);
    std::memcpy(values.data(), folded.constant.data(), 16);
    EXPECT_EQ(values, floats);
}

TEST(Dequantize, RefusesOtherTypes) {
    refusal(one(tflite::BuiltinOperator_DEQUANTIZE, quantized(DType::kInt32, {2}, 0.1f, 0), f32({2})));
    refusal(one(tflite::BuiltinOperator_DEQUANTIZE, quantized(DType::kInt8, {2}, 0.1f, 0), plain(DType::kFloat16, {2})));
}

TEST(HalfFloat, EveryHalfSurvivesTheRoundTrip) {
    for (uint32_t h = 0; h <= 0xFFFF; ++h) {
        const auto bits = static_cast<uint16_t>(h);
        const float f = quantize::half_to_float(bits);
        if (std::isnan(f)) {
            EXPECT_TRUE(std::isnan(quantize::half_to_float(quantize::float_to_half(f)))) << h;
            continue;
        }
        ASSERT_EQ(quantize::float_to_half(f), bits) << h;
    }
}

TEST(HalfFloat, RoundsToNearestEven) {
    using quantize::float_to_half;
    EXPECT_EQ(float_to_half(1.0f + 0x1p-11f), 0x3C00);       // halfway: to the even 1.0
    EXPECT_EQ(float_to_half(1.0f + 3 * 0x1p-11f), 0x3C02);   // halfway: to the even 1 + 2^-9
    EXPECT_EQ(float_to_half(1.0f + 0x1p-11f + 0x1p-20f), 0x3C01);
    EXPECT_EQ(float_to_half(0.1f), 0x2E66);
    EXPECT_EQ(float_to_half(65504.0f), 0x7BFF);
    EXPECT_EQ(float_to_half(65519.0f), 0x7BFF);
    EXPECT_EQ(float_to_half(65520.0f), 0x7C00);  // rounds to infinity
    EXPECT_EQ(float_to_half(-1e9f), 0xFC00);
    EXPECT_EQ(float_to_half(0x1p-25f), 0x0000);  // halfway to the smallest subnormal: to even 0
    EXPECT_EQ(float_to_half(0x1p-25f * 1.5f), 0x0001);
    EXPECT_EQ(float_to_half(-0.0f), 0x8000);
}

TEST(Cast, FloatToIntegersTruncatesAndSaturates) {
    const auto i32 = one(tflite::BuiltinOperator_CAST, f32({4}), plain(DType::kInt32, {4}));
    EXPECT_EQ((run<int32_t>(i32, std::vector<float>{1.7f, -1.7f, 3e9f, std::nanf("")})),
              (std::vector<int32_t>{1, -1, std::numeric_limits<int32_t>::max(), 0}));
    const auto u8 = one(tflite::BuiltinOperator_CAST, f32({3}), plain(DType::kUInt8, {3}));
    EXPECT_EQ((run<uint8_t>(u8, std::vector<float>{200.9f, 300.0f, -5.0f})), (std::vector<uint8_t>{200, 255, 0}));
    const auto i64 = one(tflite::BuiltinOperator_CAST, f32({2}), plain(DType::kInt64, {2}));
    EXPECT_EQ((run<int64_t>(i64, std::vector<float>{-1e10f, 0x1p40f})), (std::vector<int64_t>{-10000000000, int64_t{1} << 40}));
}

TEST(Cast, IntegersAmongThemselvesWrapLikeCpp) {
    const auto narrow = one(tflite::BuiltinOperator_CAST, plain(DType::kInt64, {2}), plain(DType::kInt32, {2}));
    EXPECT_EQ((run<int32_t>(narrow, std::vector<int64_t>{(int64_t{1} << 32) + 5, -7})), (std::vector<int32_t>{5, -7}));
    const auto to_u8 = one(tflite::BuiltinOperator_CAST, plain(DType::kInt32, {3}), plain(DType::kUInt8, {3}));
    EXPECT_EQ((run<uint8_t>(to_u8, std::vector<int32_t>{-1, 256, 77})), (std::vector<uint8_t>{255, 0, 77}));
    const auto widen = one(tflite::BuiltinOperator_CAST, plain(DType::kInt8, {2}), plain(DType::kInt16, {2}));
    EXPECT_EQ((run<int16_t>(widen, std::vector<int8_t>{-128, 127})), (std::vector<int16_t>{-128, 127}));
    const auto to_float = one(tflite::BuiltinOperator_CAST, plain(DType::kInt32, {2}), f32({2}));
    EXPECT_EQ((run<float>(to_float, std::vector<int32_t>{-3, 16777217})), (std::vector<float>{-3.0f, 16777216.0f}));
}

TEST(Cast, BoolBothWays) {
    const auto to_bool = one(tflite::BuiltinOperator_CAST, f32({3}), plain(DType::kBool, {3}));
    EXPECT_EQ((run<uint8_t>(to_bool, std::vector<float>{0.0f, -0.5f, 2.0f})), (std::vector<uint8_t>{0, 1, 1}));
    const auto from_bool = one(tflite::BuiltinOperator_CAST, plain(DType::kBool, {2}), plain(DType::kInt32, {2}));
    EXPECT_EQ((run<int32_t>(from_bool, std::vector<uint8_t>{1, 0})), (std::vector<int32_t>{1, 0}));
}

TEST(Cast, Float16AndFloat64) {
    const auto to_half = one(tflite::BuiltinOperator_CAST, f32({3}), plain(DType::kFloat16, {3}));
    EXPECT_EQ((run<uint16_t>(to_half, std::vector<float>{0.1f, 1e5f, -2.0f})), (std::vector<uint16_t>{0x2E66, 0x7C00, 0xC000}));
    const auto from_half = one(tflite::BuiltinOperator_CAST, plain(DType::kFloat16, {2}), plain(DType::kInt32, {2}));
    EXPECT_EQ((run<int32_t>(from_half, std::vector<uint16_t>{0x4500, 0xC500})), (std::vector<int32_t>{5, -5}));
    const auto to_double = one(tflite::BuiltinOperator_CAST, f32({1}), plain(DType::kFloat64, {1}));
    EXPECT_EQ((run<double>(to_double, std::vector<float>{0.1f})), (std::vector<double>{static_cast<double>(0.1f)}));
}

TEST(Cast, RefusesStrings) {
    refusal(one(tflite::BuiltinOperator_CAST, plain(DType::kString, {1}), f32({1})));
}

}  // namespace
}  // namespace litelab
