// Binary elementwise kernels (ADD, SUB, MUL, DIV, SQUARED_DIFFERENCE, MINIMUM, MAXIMUM) on
// hand-worked values: float with broadcasting and fused activations, integer wrapping and
// clamping, and TFLite's quantized arithmetic (each expected integer derived by hand from the
// multipliers TFLite computes, noted next to it).
#include <gtest/gtest.h>

#include <cfloat>
#include <limits>

#include "elementwise_test_util.h"
#include "runtime/kernels/elementwise/quantized_arithmetic.h"

namespace litelab::elementwise_test {
namespace {

using tflite::BuiltinOperator;

tflite::BuiltinOptionsUnion add_options(tflite::ActivationFunctionType act, bool pot_scale_int16 = true) {
    tflite::AddOptionsT o;
    o.fused_activation_function = act;
    o.pot_scale_int16 = pot_scale_int16;
    return options_of(o);
}

TEST(ElementwiseBinary, FloatAddBroadcastsARowAndAppliesRelu6) {
    const Model m =
        single_op(BuiltinOperator::BuiltinOperator_ADD, {plain(DType::kFloat32, {2, 3}), plain(DType::kFloat32, {3})},
                  plain(DType::kFloat32, {2, 3}), add_options(tflite::ActivationFunctionType_RELU6));
    std::vector<int32_t> shape;
    const auto out = run<float>(m, {bytes_of<float>({-1, 6, 7, 0.5f, -3, 6}), bytes_of<float>({1, 1, -2})}, 1, &shape);
    EXPECT_EQ(shape, (std::vector<int32_t>{2, 3}));
    // Sums {0, 7, 5, 1.5, -2, 4}, clamped to [0, 6].
    EXPECT_EQ(out, (std::vector<float>{0, 6, 5, 1.5f, 0, 4}));
}

TEST(ElementwiseBinary, FloatSubBroadcastsBothOperandsToRank4) {
    // [2,1,1,1] - [1,1,3,1] -> [2,1,3,1]
    const Model m = single_op(BuiltinOperator::BuiltinOperator_SUB,
                             {plain(DType::kFloat32, {2, 1, 1, 1}), plain(DType::kFloat32, {1, 1, 3, 1})},
                             plain(DType::kFloat32, {2, 1, 3, 1}));
    std::vector<int32_t> shape;
    const auto out = run<float>(m, {bytes_of<float>({10, 20}), bytes_of<float>({1, 2, 3})}, 1, &shape);
    EXPECT_EQ(shape, (std::vector<int32_t>{2, 1, 3, 1}));
    EXPECT_EQ(out, (std::vector<float>{9, 8, 7, 19, 18, 17}));
}

TEST(ElementwiseBinary, FloatDivByZeroGivesTheActivationBoundLikeTflite) {
    tflite::DivOptionsT o;
    const Model none =
        single_op(BuiltinOperator::BuiltinOperator_DIV, {plain(DType::kFloat32, {3}), plain(DType::kFloat32, {3})},
                  plain(DType::kFloat32, {3}), options_of(o));
    EXPECT_EQ(run<float>(none, {bytes_of<float>({1, -1, 3}), bytes_of<float>({0, 0, 2})}),
              (std::vector<float>{FLT_MAX, -FLT_MAX, 1.5f}));
    o.fused_activation_function = tflite::ActivationFunctionType_RELU6;
    const Model relu6 =
        single_op(BuiltinOperator::BuiltinOperator_DIV, {plain(DType::kFloat32, {3}), plain(DType::kFloat32, {3})},
                  plain(DType::kFloat32, {3}), options_of(o));
    EXPECT_EQ(run<float>(relu6, {bytes_of<float>({1, -1, 3}), bytes_of<float>({0, 0, 2})}),
              (std::vector<float>{6, 0, 1.5f}));
}

TEST(ElementwiseBinary, IntegerAddAndMulWrapAndClamp) {
    const Model add =
        single_op(BuiltinOperator::BuiltinOperator_ADD, {plain(DType::kInt32, {3}), plain(DType::kInt32, {1})},
                  plain(DType::kInt32, {3}), add_options(tflite::ActivationFunctionType_RELU));
    EXPECT_EQ(
        run<int32_t>(add, {bytes_of<int32_t>({5, -9, std::numeric_limits<int32_t>::max()}), bytes_of<int32_t>({3})}),
        // INT32_MAX + 3 wraps to a negative value, which RELU clamps to 0.
        (std::vector<int32_t>{8, 0, 0}));
    const Model mul = single_op(BuiltinOperator::BuiltinOperator_MUL,
                                {plain(DType::kInt64, {2}), plain(DType::kInt64, {2})}, plain(DType::kInt64, {2}));
    EXPECT_EQ(run<int64_t>(mul, {bytes_of<int64_t>({3'000'000'000, -7}), bytes_of<int64_t>({3, 6})}),
              (std::vector<int64_t>{9'000'000'000, -42}));
}

TEST(ElementwiseBinary, Int32DivTruncatesAndFailsOnZero) {
    const Model m = single_op(BuiltinOperator::BuiltinOperator_DIV,
                              {plain(DType::kInt32, {4}), plain(DType::kInt32, {4})}, plain(DType::kInt32, {4}));
    EXPECT_EQ(run<int32_t>(m, {bytes_of<int32_t>({7, -7, 9, std::numeric_limits<int32_t>::min()}),
                               bytes_of<int32_t>({2, 2, -3, -1})}),
              (std::vector<int32_t>{3, -3, -3, std::numeric_limits<int32_t>::min()}));
    EXPECT_NE(run_error(m, {bytes_of<int32_t>({1, 2, 3, 4}), bytes_of<int32_t>({1, 0, 1, 1})}).find("division by zero"),
              std::string::npos);
}

TEST(ElementwiseBinary, Int8AddRoundsHalvesAwayFromZero) {
    // Scales 0.5, 0.5 -> 1: input multipliers 0.5 (2^30, shift 0), output 2^-20 (2^30, shift -19).
    // 3 -> (3 << 20) * 0.5 = 1572864; * 2^-20 = 1.5 -> 2, and -1.5 -> -2 (TFLite's rounding shift).
    const Model m = single_op(BuiltinOperator::BuiltinOperator_ADD,
                             {quantized(DType::kInt8, {4}, 0.5f, 0), quantized(DType::kInt8, {4}, 0.5f, 0)},
                             quantized(DType::kInt8, {4}, 1.0f, 0));
    EXPECT_EQ(run<int8_t>(m, {bytes_of<int8_t>({10, 3, -3, 127}), bytes_of<int8_t>({20, 0, 0, 127})}),
              (std::vector<int8_t>{15, 2, -2, 127}));
}

TEST(ElementwiseBinary, Uint8AddWithZeroPointsAndRelu) {
    // Real values: (138 - 128) * 0.5 + (148 - 128) * 0.5 = 15 -> 128 + 15; RELU keeps >= 0.0 (128).
    const Model m = single_op(BuiltinOperator::BuiltinOperator_ADD,
                             {quantized(DType::kUInt8, {3}, 0.5f, 128), quantized(DType::kUInt8, {3}, 0.5f, 128)},
                             quantized(DType::kUInt8, {3}, 1.0f, 128), add_options(tflite::ActivationFunctionType_RELU));
    EXPECT_EQ(run<uint8_t>(m, {bytes_of<uint8_t>({138, 100, 255}), bytes_of<uint8_t>({148, 100, 255})}),
              // -28 -> clamped to 0.0 (128); 127 + 127 = 254 -> 255 at most.
              (std::vector<uint8_t>{143, 128, 255}));
}

TEST(ElementwiseBinary, Int8SubWithDifferentScalesBroadcast) {
    // Scales 1 and 0.5 -> 0.5: input multipliers 0.5 and 0.25; output 2 / (2^20 * 0.5) = 2^-18.
    // 10 - 4 * 0.5 = 8.0 -> 16; -20 - 2 = -22.0 -> -44; 100 - 2 = 98.0 -> 196 -> 127.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_SUB,
                             {quantized(DType::kInt8, {3}, 1.0f, 0), quantized(DType::kInt8, {1}, 0.5f, 0)},
                             quantized(DType::kInt8, {3}, 0.5f, 0));
    EXPECT_EQ(run<int8_t>(m, {bytes_of<int8_t>({10, -20, 100}), bytes_of<int8_t>({4})}),
              (std::vector<int8_t>{16, -44, 127}));
}

TEST(ElementwiseBinary, Int16AddGeneralPathWhenScalesAreNotPowersOfTwo) {
    // 0.3 + 0.3 -> 0.6 with a left shift of 15: 100 * 0.3 + 200 * 0.3 = 90 = 150 * 0.6.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_ADD,
                             {quantized(DType::kInt16, {2}, 0.3f, 0), quantized(DType::kInt16, {2}, 0.3f, 0)},
                             quantized(DType::kInt16, {2}, 0.6f, 0), add_options(tflite::ActivationFunctionType_NONE));
    EXPECT_EQ(run<int16_t>(m, {bytes_of<int16_t>({100, 30000}), bytes_of<int16_t>({200, 30000})}),
              (std::vector<int16_t>{150, 30000}));
}

TEST(ElementwiseBinary, Int16AddPowerOfTwoPathShiftsOneInput) {
    // Scales 2^-10 and 2^-12 -> 2^-10: input 2 is divided by 4, rounding half away from zero.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_ADD,
                             {quantized(DType::kInt16, {3}, 1.0f / 1024, 0), quantized(DType::kInt16, {3}, 1.0f / 4096, 0)},
                             quantized(DType::kInt16, {3}, 1.0f / 1024, 0), add_options(tflite::ActivationFunctionType_NONE));
    EXPECT_EQ(run<int16_t>(m, {bytes_of<int16_t>({1000, 1000, 32000}), bytes_of<int16_t>({1002, -1002, 4000})}),
              (std::vector<int16_t>{1251, 749, 32767}));
    // Without pot_scale_int16 the general path rounds once, after adding: 1000 - 250.5 = 749.5
    // -> 750 there, where the power-of-two path rounded the input first (-251).
    const Model general = single_op(BuiltinOperator::BuiltinOperator_ADD,
                                   {quantized(DType::kInt16, {3}, 1.0f / 1024, 0), quantized(DType::kInt16, {3}, 1.0f / 4096, 0)},
                                   quantized(DType::kInt16, {3}, 1.0f / 1024, 0),
                                   add_options(tflite::ActivationFunctionType_NONE, false));
    EXPECT_EQ(run<int16_t>(general, {bytes_of<int16_t>({1000, 1000, 32000}), bytes_of<int16_t>({1002, -1002, 4000})}),
              (std::vector<int16_t>{1251, 750, 32767}));
}

TEST(ElementwiseBinary, Int8MulUsesOneOutputMultiplier) {
    // 0.5 * 0.5 / 0.5 = 0.5 (2^30, shift 0): 15 * 0.5 = 7.5 -> 8 and -7.5 -> -7 (halves round up);
    // 10000 * 0.5 -> 127.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_MUL,
                             {quantized(DType::kInt8, {4}, 0.5f, 0), quantized(DType::kInt8, {4}, 0.5f, 0)},
                             quantized(DType::kInt8, {4}, 0.5f, 0));
    EXPECT_EQ(run<int8_t>(m, {bytes_of<int8_t>({3, -3, 100, 2}), bytes_of<int8_t>({5, 5, 100, -1})}),
              (std::vector<int8_t>{8, -7, 127, -1}));
}

TEST(ElementwiseBinary, Int8MulRoundsOnce) {
    // s = 0.0487 * 0.0311 / 0.0213 = 0.0711 = 0.5689 * 2^-3. (37 - 5) * (0 + 9) = 288 -> 20.48 -> 20,
    // -128 + 20 = -108. TFLite's default double rounding (163.8 -> 164 in Q31, then 164 / 8 = 20.5
    // -> 21) would give -107; LiteRT and Arm NN give -108.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_MUL,
                             {quantized(DType::kInt8, {1}, 0.0487f, 5), quantized(DType::kInt8, {1}, 0.0311f, -9)},
                             quantized(DType::kInt8, {1}, 0.0213f, -128));
    EXPECT_EQ(run<int8_t>(m, {bytes_of<int8_t>({37}), bytes_of<int8_t>({0})}), (std::vector<int8_t>{-108}));
}

TEST(ElementwiseBinary, Int16MulSymmetric) {
    // 2^-10 * 2^-10 / 2^-9 = 2^-11: 1024 * 2048 * 2^-11 = 1024 (1.0 * 2.0 = 2.0 at scale 2^-9).
    const Model m = single_op(BuiltinOperator::BuiltinOperator_MUL,
                             {quantized(DType::kInt16, {2}, 1.0f / 1024, 0), quantized(DType::kInt16, {2}, 1.0f / 1024, 0)},
                             quantized(DType::kInt16, {2}, 1.0f / 512, 0));
    EXPECT_EQ(run<int16_t>(m, {bytes_of<int16_t>({1024, -32768}), bytes_of<int16_t>({2048, -32768})}),
              (std::vector<int16_t>{1024, 32767}));
}

TEST(ElementwiseBinary, Uint8DivViaReciprocal) {
    // All scales 1: 10/3 -> 3, 20/3 -> 7, 200/7 -> 29, 255/5 = 51.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_DIV,
                             {quantized(DType::kUInt8, {4}, 1.0f, 0), quantized(DType::kUInt8, {4}, 1.0f, 0)},
                             quantized(DType::kUInt8, {4}, 1.0f, 0));
    EXPECT_EQ(run<uint8_t>(m, {bytes_of<uint8_t>({10, 20, 200, 255}), bytes_of<uint8_t>({3, 3, 7, 5})}),
              (std::vector<uint8_t>{3, 7, 29, 51}));
    EXPECT_NE(run_error(m, {bytes_of<uint8_t>({1, 1, 1, 1}), bytes_of<uint8_t>({1, 0, 1, 1})}).find("division by zero"),
              std::string::npos);
}

TEST(ElementwiseBinary, Uint8DivOfSmallDividendsShiftsLikeTfliteBuilds) {
    // s = 0.4873 / (0.0213 * 1) = 22.9 (shift 5). Divisor 234: reciprocal shift 7. Dividend 1 has
    // 30 bits of headroom, 0 has 31: total shifts of 5 - 7 - 30 = -32 and -33. Shifting by 32
    // and 33 bits is taken modulo 32 on every TFLite build, leaving the (positive) quotient
    // almost unshifted: 1 / 4.98 gives 255, and 0 gives the rounding bit alone, 100 + 1.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_DIV,
                             {quantized(DType::kUInt8, {3}, 0.4873f, 0), quantized(DType::kUInt8, {3}, 0.0213f, 0)},
                             quantized(DType::kUInt8, {3}, 1.0f, 100));
    EXPECT_EQ(run<uint8_t>(m, {bytes_of<uint8_t>({1, 0, 200}), bytes_of<uint8_t>({234, 234, 234})}),
              // 200 * 0.4873 / 4.98 = 19.6 -> 120 is an ordinary quotient.
              (std::vector<uint8_t>{255, 101, 120}));
}

TEST(ElementwiseQuantizedArithmetic, RoundingShiftsAndSignBits) {
    EXPECT_EQ(rounding_divide_by_pot_as_built(5, 1), 3);
    EXPECT_EQ(rounding_divide_by_pot_as_built(-5, 1), -3);
    EXPECT_EQ(rounding_divide_by_pot_as_built(-6, 2), -2);
    EXPECT_EQ(rounding_divide_by_pot_as_built(1000, 31), 0);
    // 32 and more: all-ones mask, shift count modulo 32.
    EXPECT_EQ(rounding_divide_by_pot_as_built(0, 32), 1);
    EXPECT_EQ(rounding_divide_by_pot_as_built(1000, 33), 501);
    EXPECT_EQ(rounding_divide_by_pot_as_built(-1000, 32), -1000);
    EXPECT_EQ(count_leading_sign_bits(0), 31);
    EXPECT_EQ(count_leading_sign_bits(-1), 31);
    EXPECT_EQ(count_leading_sign_bits(1), 30);
    EXPECT_EQ(count_leading_sign_bits(-2), 30);
    EXPECT_EQ(count_leading_sign_bits(255), 23);
    EXPECT_EQ(count_leading_sign_bits(std::numeric_limits<int32_t>::min()), 0);
    // 1/3 in Q0.31 after scaling 3 to 1.5 (one bit over unit): 2/3.
    int shift = 0;
    EXPECT_NEAR(reciprocal(3, 31, &shift) / 2147483648.0, 2.0 / 3.0, 1e-8);
    EXPECT_EQ(shift, 1);
}

TEST(ElementwiseBinary, Int8DivWithZeroPointsAndNegativeDivisors) {
    // Divisor zero point 10, scale 0.5: 6 -> -2.0, 14 -> 2.0. Dividend scale 0.25, zero point 0.
    // 40 * 0.25 / -2 = -5 -> -50 at scale 0.1; -41 * 0.25 / 2 = -5.125 -> -51.25 -> -51.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_DIV,
                             {quantized(DType::kInt8, {2}, 0.25f, 0), quantized(DType::kInt8, {2}, 0.5f, 10)},
                             quantized(DType::kInt8, {2}, 0.1f, 0));
    EXPECT_EQ(run<int8_t>(m, {bytes_of<int8_t>({40, -41}), bytes_of<int8_t>({6, 14})}),
              (std::vector<int8_t>{-50, -51}));
    // The zero point is the zero divisor.
    EXPECT_NE(run_error(m, {bytes_of<int8_t>({1, 1}), bytes_of<int8_t>({10, 14})}), "");
}

TEST(ElementwiseBinary, Int8SquaredDifference) {
    // Scales 1 -> 1 with a left shift of 7: (5 - 2)^2 = 9; (-10 - 2)^2 = 144 -> 127; (0 - 0) = 0.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_SQUARED_DIFFERENCE,
                             {quantized(DType::kInt8, {3}, 1.0f, 0), quantized(DType::kInt8, {3}, 1.0f, 0)},
                             quantized(DType::kInt8, {3}, 1.0f, 0));
    EXPECT_EQ(run<int8_t>(m, {bytes_of<int8_t>({5, -10, 0}), bytes_of<int8_t>({2, 2, 0})}),
              (std::vector<int8_t>{9, 127, 0}));
    // Output zero point -128, scale 4: 9 / 4 = 2.25 -> -126; 144 / 4 = 36 -> -92.
    const Model shifted = single_op(BuiltinOperator::BuiltinOperator_SQUARED_DIFFERENCE,
                                   {quantized(DType::kInt8, {3}, 1.0f, 0), quantized(DType::kInt8, {3}, 1.0f, 0)},
                                   quantized(DType::kInt8, {3}, 4.0f, -128));
    EXPECT_EQ(run<int8_t>(shifted, {bytes_of<int8_t>({5, -10, 0}), bytes_of<int8_t>({2, 2, 0})}),
              (std::vector<int8_t>{-126, -92, -128}));
}

TEST(ElementwiseBinary, FloatAndInt32SquaredDifference) {
    const Model f = single_op(BuiltinOperator::BuiltinOperator_SQUARED_DIFFERENCE,
                             {plain(DType::kFloat32, {2}), plain(DType::kFloat32, {1})}, plain(DType::kFloat32, {2}));
    EXPECT_EQ(run<float>(f, {bytes_of<float>({1.5f, -2}), bytes_of<float>({0.5f})}), (std::vector<float>{1, 6.25f}));
    const Model i = single_op(BuiltinOperator::BuiltinOperator_SQUARED_DIFFERENCE,
                             {plain(DType::kInt32, {2}), plain(DType::kInt32, {2})}, plain(DType::kInt32, {2}));
    EXPECT_EQ(run<int32_t>(i, {bytes_of<int32_t>({7, -3}), bytes_of<int32_t>({2, 4})}), (std::vector<int32_t>{25, 49}));
}

TEST(ElementwiseBinary, MinimumAndMaximumCompareStoredValues) {
    const Model mx = single_op(BuiltinOperator::BuiltinOperator_MAXIMUM,
                              {quantized(DType::kInt8, {2, 2}, 0.1f, 3), quantized(DType::kInt8, {2}, 0.1f, 3)},
                              quantized(DType::kInt8, {2, 2}, 0.1f, 3));
    EXPECT_EQ(run<int8_t>(mx, {bytes_of<int8_t>({-5, 9, 100, -128}), bytes_of<int8_t>({0, 10})}),
              (std::vector<int8_t>{0, 10, 100, 10}));
    const Model mn = single_op(BuiltinOperator::BuiltinOperator_MINIMUM,
                              {plain(DType::kInt64, {3}), plain(DType::kInt64, {})}, plain(DType::kInt64, {3}));
    EXPECT_EQ(run<int64_t>(mn, {bytes_of<int64_t>({-4'000'000'000, 2, 9}), bytes_of<int64_t>({3})}),
              (std::vector<int64_t>{-4'000'000'000, 2, 3}));
    const Model fmn = single_op(BuiltinOperator::BuiltinOperator_MINIMUM,
                               {plain(DType::kFloat32, {2}), plain(DType::kFloat32, {2})}, plain(DType::kFloat32, {2}));
    EXPECT_EQ(run<float>(fmn, {bytes_of<float>({-0.5f, 2}), bytes_of<float>({0.25f, 1})}),
              (std::vector<float>{-0.5f, 1}));
}

TEST(ElementwiseBinary, ThreadsGiveTheSameBroadcastResult) {
    // A [3,50,40,7] * [1,40,1] broadcast big enough to be split between threads.
    const Model m = single_op(BuiltinOperator::BuiltinOperator_MUL,
                             {plain(DType::kFloat32, {3, 50, 40, 7}), plain(DType::kFloat32, {1, 40, 1})},
                             plain(DType::kFloat32, {3, 50, 40, 7}));
    std::vector<float> a(3 * 50 * 40 * 7);
    std::vector<float> b(40);
    for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<float>(i % 97) - 48;
    for (size_t i = 0; i < b.size(); ++i) b[i] = static_cast<float>(i) * 0.25f;
    const auto one = run<float>(m, {bytes_of(a), bytes_of(b)}, 1);
    const auto three = run<float>(m, {bytes_of(a), bytes_of(b)}, 3);
    ASSERT_EQ(one.size(), a.size());
    EXPECT_EQ(one, three);
    // Element [2, 17, 33, 5]: a at its flat index times b[33].
    const size_t at = ((2 * 50 + 17) * 40 + 33) * 7 + 5;
    EXPECT_EQ(one[at], a[at] * b[33]);
}

TEST(ElementwiseBinary, RefusesWhatTfliteCannotCompute) {
    EXPECT_NE(compile_error(single_op(BuiltinOperator::BuiltinOperator_ADD,
                                      {plain(DType::kBool, {2}), plain(DType::kBool, {2})}, plain(DType::kBool, {2})))
                  .find("input type BOOL"),
              std::string::npos);
    EXPECT_NE(compile_error(single_op(BuiltinOperator::BuiltinOperator_DIV,
                                     {quantized(DType::kInt16, {2}, 1.0f, 0), quantized(DType::kInt16, {2}, 1.0f, 0)},
                                     quantized(DType::kInt16, {2}, 1.0f, 0))).find("INT16"),
              std::string::npos);
    EXPECT_NE(compile_error(single_op(BuiltinOperator::BuiltinOperator_ADD,
                                      {plain(DType::kFloat32, {2}), plain(DType::kFloat32, {3})},
                                      plain(DType::kFloat32, {3})))
                  .find("do not broadcast"),
              std::string::npos);
    EXPECT_NE(compile_error(single_op(BuiltinOperator::BuiltinOperator_ADD,
                                      {plain(DType::kFloat32, {2}), plain(DType::kFloat32, {2})},
                                      plain(DType::kFloat32, {2}), add_options(tflite::ActivationFunctionType_TANH)))
                  .find("TANH"),
              std::string::npos);
    EXPECT_NE(compile_error(single_op(BuiltinOperator::BuiltinOperator_ADD,
                                      {plain(DType::kInt8, {2}), plain(DType::kInt8, {2})}, plain(DType::kInt8, {2})))
                  .find("without quantization"),
              std::string::npos);
}

}  // namespace
}  // namespace litelab::elementwise_test
