// MAX_POOL_2D, AVERAGE_POOL_2D and L2_POOL_2D on one-operator models, values worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "support/op_model.h"

namespace litelab {
namespace {

using namespace test;

// One pooling operator from an NHWC input of `type` to an output of the same type.
template <class T>
Result<Output> pool(tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options, DType type,
                    std::vector<int32_t> shape, const std::vector<T>& input, std::optional<Quantization> in_q = {},
                    std::optional<Quantization> out_q = {}) {
    const Model model = single_op(op, {activation(type, std::move(shape), in_q)},
                                  activation(type, {}, out_q ? out_q : in_q), std::move(options));
    return only_output(try_run(model, {bytes_of(input)}));
}

TEST(PoolingKernels, MaxPoolFloatValidStride2) {
    const std::vector<float> in = {1,  2,  3,  4,   //
                                   5,  6,  7,  8,   //
                                   -1, -2, -3, -4,  //
                                   0,  9,  -9, 0};
    auto r = pool(tflite::BuiltinOperator_MAX_POOL_2D, pool_options(tflite::Padding_VALID, 2, 2, 2, 2), DType::kFloat32,
                  {1, 4, 4, 1}, in);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{1, 2, 2, 1}));
    EXPECT_EQ(r->values<float>(), (std::vector<float>{6, 8, 9, 0}));
}

TEST(PoolingKernels, AveragePoolFloatSameCountsOnlyInsideElements) {
    // 3x3 SAME, stride 1 on 1..9: the corner averages 1,2,4,5 (4 elements, not 9).
    const std::vector<float> in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    auto r = pool(tflite::BuiltinOperator_AVERAGE_POOL_2D, pool_options(tflite::Padding_SAME, 1, 1, 3, 3),
                  DType::kFloat32, {1, 3, 3, 1}, in);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{1, 3, 3, 1}));
    const auto v = r->values<float>();
    EXPECT_FLOAT_EQ(v[0], 3.0f);       // (1+2+4+5)/4
    EXPECT_FLOAT_EQ(v[1], 21.0f / 6);  // (1+2+3+4+5+6)/6
    EXPECT_FLOAT_EQ(v[4], 5.0f);       // all nine
    EXPECT_FLOAT_EQ(v[8], 7.0f);       // (5+6+8+9)/4
}

TEST(PoolingKernels, AveragePoolFloatRelu6Clamps) {
    const std::vector<float> in = {-4, -2, 10, 14};
    auto r = pool(tflite::BuiltinOperator_AVERAGE_POOL_2D,
                  pool_options(tflite::Padding_VALID, 1, 1, 1, 2, tflite::ActivationFunctionType_RELU6),
                  DType::kFloat32, {1, 2, 2, 1}, in);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<float>(), (std::vector<float>{0, 6}));
}

TEST(PoolingKernels, AveragePoolInt8RoundsHalfAwayFromZero) {
    // One row of two pixels, two channels: channel 0 sums -5, channel 1 sums 5, both over 2.
    const std::vector<int8_t> in = {-2, 2, -3, 3};
    auto r = pool(tflite::BuiltinOperator_AVERAGE_POOL_2D, pool_options(tflite::Padding_VALID, 1, 1, 1, 2),
                  DType::kInt8, {1, 1, 2, 2}, in, quant(0.5f, 0));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{1, 1, 1, 2}));
    EXPECT_EQ(r->values<int8_t>(), (std::vector<int8_t>{-3, 3}));
}

TEST(PoolingKernels, AveragePoolInt16SameStride2PadsAfter) {
    // 3x3 with a 2x2 window, stride 2, SAME: one padding row/column, after the input.
    const std::vector<int16_t> in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    auto r = pool(tflite::BuiltinOperator_AVERAGE_POOL_2D, pool_options(tflite::Padding_SAME, 2, 2, 2, 2),
                  DType::kInt16, {1, 3, 3, 1}, in, quant(1.0f / 512, 0));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{1, 2, 2, 1}));
    // (1+2+4+5)/4 = 3, (3+6)/2 = 4.5 -> 5, (7+8)/2 = 7.5 -> 8, 9.
    EXPECT_EQ(r->values<int16_t>(), (std::vector<int16_t>{3, 5, 8, 9}));
}

TEST(PoolingKernels, MaxPoolUint8Relu6ClampsInOutputQuantization) {
    // scale 0.1, zero point 10: RELU6 keeps [0, 6], i.e. [10, 70].
    const std::vector<uint8_t> in = {5, 3, 100, 20};
    auto r = pool(tflite::BuiltinOperator_MAX_POOL_2D,
                  pool_options(tflite::Padding_VALID, 1, 1, 1, 1, tflite::ActivationFunctionType_RELU6), DType::kUInt8,
                  {1, 2, 2, 1}, in, quant(0.1f, 10));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<uint8_t>(), (std::vector<uint8_t>{10, 10, 70, 20}));
}

TEST(PoolingKernels, MaxPoolInt8SameTakesOnlyRealElements) {
    // All inputs negative: padding must not contribute a zero.
    const std::vector<int8_t> in = {-100, -90, -80, -70};
    auto r = pool(tflite::BuiltinOperator_MAX_POOL_2D, pool_options(tflite::Padding_SAME, 1, 1, 3, 3), DType::kInt8,
                  {1, 2, 2, 1}, in, quant(1.0f, 0));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<int8_t>(), (std::vector<int8_t>{-70, -70, -70, -70}));
}

TEST(PoolingKernels, L2PoolFloat) {
    const std::vector<float> in = {3, 4, 0, 1};
    auto r = pool(tflite::BuiltinOperator_L2_POOL_2D, pool_options(tflite::Padding_VALID, 1, 1, 1, 2), DType::kFloat32,
                  {1, 2, 2, 1}, in);
    ASSERT_TRUE(r) << r.error().message;
    const auto v = r->values<float>();
    EXPECT_FLOAT_EQ(v[0], std::sqrt(12.5f));
    EXPECT_FLOAT_EQ(v[1], std::sqrt(0.5f));
}

TEST(PoolingKernels, RefusesWhatTfliteCannotCompute) {
    const std::vector<int8_t> in(4, 0);
    auto l2 = pool(tflite::BuiltinOperator_L2_POOL_2D, pool_options(tflite::Padding_VALID, 1, 1, 1, 1), DType::kInt8,
                   {1, 2, 2, 1}, in, quant(1.0f, 0));
    ASSERT_FALSE(l2);
    EXPECT_EQ(l2.error().code, ErrorCode::kUnsupported);
    EXPECT_NE(l2.error().message.find("L2_POOL_2D"), std::string::npos) << l2.error().message;

    auto rescale = pool(tflite::BuiltinOperator_MAX_POOL_2D, pool_options(tflite::Padding_VALID, 1, 1, 1, 1),
                        DType::kInt8, {1, 2, 2, 1}, in, quant(1.0f, 0), quant(0.5f, 0));
    ASSERT_FALSE(rescale);
    EXPECT_NE(rescale.error().message.find("quantization"), std::string::npos) << rescale.error().message;

    auto rank3 = pool(tflite::BuiltinOperator_MAX_POOL_2D, pool_options(tflite::Padding_VALID, 1, 1, 1, 1),
                      DType::kInt8, {2, 2, 1}, in, quant(1.0f, 0));
    ASSERT_FALSE(rank3);
    EXPECT_NE(rank3.error().message.find("rank 3"), std::string::npos) << rank3.error().message;
}

}  // namespace
}  // namespace litelab
