// Unary elementwise kernels (SQRT, RSQRT, EXP, LOG, ABS, NEG) on hand-worked values, and the
// int16 lookup tables against the float functions they tabulate.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "elementwise_test_util.h"
#include "runtime/kernels/elementwise/lookup_table.h"

namespace litelab::elementwise_test {
namespace {

using tflite::BuiltinOperator;

Model unary(BuiltinOperator op, const Operand& in, const Operand& out) { return single_op(op, {in}, out); }

TEST(ElementwiseUnary, FloatFunctions) {
    const auto f = plain(DType::kFloat32, {3});
    EXPECT_EQ(run<float>(unary(BuiltinOperator::BuiltinOperator_SQRT, f, f), {bytes_of<float>({4, 0.25f, 0})}),
              (std::vector<float>{2, 0.5f, 0}));
    EXPECT_EQ(run<float>(unary(BuiltinOperator::BuiltinOperator_RSQRT, f, f), {bytes_of<float>({4, 0.25f, 1})}),
              (std::vector<float>{0.5f, 2, 1}));
    EXPECT_EQ(run<float>(unary(BuiltinOperator::BuiltinOperator_EXP, f, f), {bytes_of<float>({0, 1, -1})}),
              (std::vector<float>{1, std::exp(1.0f), std::exp(-1.0f)}));
    EXPECT_EQ(run<float>(unary(BuiltinOperator::BuiltinOperator_LOG, f, f), {bytes_of<float>({1, 2, 0})}),
              (std::vector<float>{0, std::log(2.0f), -std::numeric_limits<float>::infinity()}));
    EXPECT_EQ(run<float>(unary(BuiltinOperator::BuiltinOperator_ABS, f, f), {bytes_of<float>({-1.5f, 2, -0.0f})}),
              (std::vector<float>{1.5f, 2, 0}));
    EXPECT_EQ(run<float>(unary(BuiltinOperator::BuiltinOperator_NEG, f, f), {bytes_of<float>({-1.5f, 2, 0})}),
              (std::vector<float>{1.5f, -2, -0.0f}));
}

TEST(ElementwiseUnary, IntegerAbsAndNegWrapAtTheMinimum) {
    const auto i32 = plain(DType::kInt32, {3});
    constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
    EXPECT_EQ(run<int32_t>(unary(BuiltinOperator::BuiltinOperator_ABS, i32, i32), {bytes_of<int32_t>({-7, 7, kMin})}),
              (std::vector<int32_t>{7, 7, kMin}));
    EXPECT_EQ(run<int32_t>(unary(BuiltinOperator::BuiltinOperator_NEG, i32, i32), {bytes_of<int32_t>({-7, 7, kMin})}),
              (std::vector<int32_t>{7, -7, kMin}));
    const auto i64 = plain(DType::kInt64, {2});
    EXPECT_EQ(
        run<int64_t>(unary(BuiltinOperator::BuiltinOperator_NEG, i64, i64), {bytes_of<int64_t>({5'000'000'000, -1})}),
        (std::vector<int64_t>{-5'000'000'000, 1}));
    // int16 without quantization: plain values, -32768 stays (TFLite casts 32768 back to int16).
    const auto i16 = plain(DType::kInt16, {3});
    EXPECT_EQ(run<int16_t>(unary(BuiltinOperator::BuiltinOperator_ABS, i16, i16), {bytes_of<int16_t>({-3, 4, -32768})}),
              (std::vector<int16_t>{3, 4, -32768}));
    // NEG of int8 negates the stored values, whatever the quantization.
    const auto q8 = quantized(DType::kInt8, {3}, 0.5f, 4);
    EXPECT_EQ(run<int8_t>(unary(BuiltinOperator::BuiltinOperator_NEG, q8, q8), {bytes_of<int8_t>({5, -128, 127})}),
              (std::vector<int8_t>{-5, -128, -127}));
}

TEST(ElementwiseUnary, Int8AbsRescalesBetweenQuantizations) {
    // In: scale 0.5, zero point 10; out: scale 0.25, zero point -128 (multiplier 2).
    // 0 -> |-10| = 10 -> 20 - 128 = -108; 13 -> 3 -> 6 -> -122; -118 -> 128 -> 256 -> 127.
    const Model m = unary(BuiltinOperator::BuiltinOperator_ABS, quantized(DType::kInt8, {5}, 0.5f, 10),
                          quantized(DType::kInt8, {5}, 0.25f, -128));
    EXPECT_EQ(run<int8_t>(m, {bytes_of<int8_t>({0, 20, 13, 10, -118})}),
              (std::vector<int8_t>{-108, -108, -122, -128, 127}));
    // Equal scales: no multiplier, |x - zp| + zp clamped.
    const Model same = unary(BuiltinOperator::BuiltinOperator_ABS, quantized(DType::kInt8, {2}, 0.5f, 0),
                             quantized(DType::kInt8, {2}, 0.5f, 0));
    EXPECT_EQ(run<int8_t>(same, {bytes_of<int8_t>({-128, -7})}), (std::vector<int8_t>{127, 7}));
}

TEST(ElementwiseUnary, Int8RsqrtByNewtonRaphson) {
    // In scale 0.25, out scale 1/128: 16 -> 1/sqrt(4) = 0.5 -> 64; 64 -> 0.25 -> 32;
    // 9 -> 1/1.5 -> 85.3 -> 85; 100 -> 0.2 -> 25.6 -> 26; 0 -> TFLite's 127.
    const Model m = unary(BuiltinOperator::BuiltinOperator_RSQRT, quantized(DType::kInt8, {5}, 0.25f, 0),
                          quantized(DType::kInt8, {5}, 1.0f / 128, 0));
    EXPECT_EQ(run<int8_t>(m, {bytes_of<int8_t>({16, 64, 9, 100, 0})}), (std::vector<int8_t>{64, 32, 85, 26, 127}));
    EXPECT_NE(run_error(m, {bytes_of<int8_t>({16, -1, 9, 100, 0})}).find("negative"), std::string::npos);
}

TEST(ElementwiseUnary, Int8ExpAndLogTables) {
    // EXP: in scale 0.02, out scale 0.05 and zero point -128.
    // 0 -> 1 -> 20 - 128; 50 -> e = 54.37 -> -74; -50 -> 7.36 -> -121; 100 -> 147.8 -> 20;
    // 127 -> e^2.54 = 253.6 -> 126.
    const Model exp = unary(BuiltinOperator::BuiltinOperator_EXP, quantized(DType::kInt8, {5}, 0.02f, 0),
                            quantized(DType::kInt8, {5}, 0.05f, -128));
    EXPECT_EQ(run<int8_t>(exp, {bytes_of<int8_t>({0, 50, -50, 100, 127})}),
              (std::vector<int8_t>{-108, -74, -121, 20, 126}));
    // LOG back: -108 is 1.0 -> 0; -74 is 2.7 -> 0.993 -> 50; -88 is 2.0 -> 0.693 -> 35;
    // 127 is 12.75 -> 2.546 -> 127; -128 is 0: the smallest output.
    const Model log = unary(BuiltinOperator::BuiltinOperator_LOG, quantized(DType::kInt8, {5}, 0.05f, -128),
                            quantized(DType::kInt8, {5}, 0.02f, 0));
    EXPECT_EQ(run<int8_t>(log, {bytes_of<int8_t>({-108, -74, -88, 127, -128})}),
              (std::vector<int8_t>{0, 50, 35, 127, -128}));
}

// Every int16 value through the kernel against the float function, within `lsb` output steps.
template <class F>
void expect_int16_close(BuiltinOperator op, float in_scale, float out_scale, F f, int lsb, int16_t from) {
    std::vector<int16_t> in;
    for (int v = from; v <= 32767; ++v) in.push_back(static_cast<int16_t>(v));
    const auto n = static_cast<int32_t>(in.size());
    const Model m = unary(op, quantized(DType::kInt16, {n}, in_scale, 0), quantized(DType::kInt16, {n}, out_scale, 0));
    const auto out = run<int16_t>(m, {bytes_of(in)});
    ASSERT_EQ(out.size(), in.size());
    int worst = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        const float expected = std::clamp(std::round(f(static_cast<float>(in[i]) * in_scale) / out_scale), -32768.0f, 32767.0f);
        worst = std::max(worst, static_cast<int>(std::abs(expected - static_cast<float>(out[i]))));
    }
    EXPECT_LE(worst, lsb) << tflite::EnumNameBuiltinOperator(op);
}

TEST(ElementwiseUnary, Int16TablesFollowTheirFunctions) {
    // 512 interpolated steps over the input range: where the function bends little over a step
    // (here), the table stays within 2 output steps of the float function...
    // ...except where it is steep: TFLite spaces the 512 steps over 65535 input values while the
    // lookup assumes 65536, so the last entries sit almost one input step early. exp over
    // [-4, 4) into [0, 64) rises 2 output steps per input step at the top: 4 steps off there.
    expect_int16_close(BuiltinOperator::BuiltinOperator_EXP, 4.0f / 32768, 64.0f / 32768,
                       [](float x) { return std::exp(x); }, 4, -32768);
    // log over [1, 8) into [-8, 8).
    expect_int16_close(BuiltinOperator::BuiltinOperator_LOG, 8.0f / 32768, 8.0f / 32768,
                       [](float x) { return std::log(x); }, 2, 4096);
    // rsqrt over [2, 8) into [0, 2).
    expect_int16_close(BuiltinOperator::BuiltinOperator_RSQRT, 8.0f / 32768, 2.0f / 32768,
                       [](float x) { return 1 / std::sqrt(x); }, 2, 8192);
}

TEST(ElementwiseUnary, Int16LookupInterpolatesBetweenEntries) {
    // Entries 64 apart, one per 128 inputs: the lookup halves its input, rounding the
    // interpolated part ((64 * offset + 64) >> 7).
    std::vector<int16_t> lut(513);
    for (size_t i = 0; i < lut.size(); ++i) lut[i] = static_cast<int16_t>((static_cast<int>(i) - 256) * 64);
    EXPECT_EQ(lut_lookup(int16_t{0}, lut.data()), 0);
    EXPECT_EQ(lut_lookup(int16_t{6}, lut.data()), 3);
    EXPECT_EQ(lut_lookup(int16_t{255}, lut.data()), 128);
    EXPECT_EQ(lut_lookup(int16_t{-1}, lut.data()), 0);
    EXPECT_EQ(lut_lookup(int16_t{-32768}, lut.data()), -16384);
    EXPECT_EQ(lut_lookup(int16_t{32767}, lut.data()), 16384);
}

TEST(ElementwiseUnary, RefusesWhatTfliteCannotCompute) {
    EXPECT_NE(compile_error(unary(BuiltinOperator::BuiltinOperator_SQRT, quantized(DType::kInt8, {2}, 1.0f, 0),
                                  quantized(DType::kInt8, {2}, 1.0f, 0))).find("INT8"),
              std::string::npos);
    EXPECT_NE(compile_error(unary(BuiltinOperator::BuiltinOperator_LOG, quantized(DType::kInt16, {2}, 1.0f, 3),
                                  quantized(DType::kInt16, {2}, 1.0f, 0))).find("zero points"),
              std::string::npos);
    EXPECT_NE(compile_error(unary(BuiltinOperator::BuiltinOperator_ABS, plain(DType::kInt8, {2}), plain(DType::kInt8, {2})))
                  .find("without quantization"),
              std::string::npos);
    EXPECT_NE(compile_error(unary(BuiltinOperator::BuiltinOperator_NEG, plain(DType::kFloat32, {2}), plain(DType::kInt32, {2})))
                  .find("output of type INT32"),
              std::string::npos);
}

}  // namespace
}  // namespace litelab::elementwise_test
