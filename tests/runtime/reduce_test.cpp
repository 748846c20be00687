// MEAN, SUM, REDUCE_MAX, ARG_MAX and ARG_MIN on one-operator models, values worked by hand.
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "support/op_model.h"

namespace litelab {
namespace {

using namespace test;

struct Spec {
    DType type = DType::kFloat32;
    std::optional<Quantization> quant;
};

// input -> op(input, constant axes) -> output; `axes_constant` false feeds the axes as a
// second model input instead.
template <class T>
Result<Output> reduce(tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options, Spec in_spec,
                      std::vector<int32_t> shape, const std::vector<T>& input, std::vector<int32_t> axes,
                      Spec out_spec, bool axes_constant = true) {
    const std::vector<int32_t> axes_shape = {static_cast<int32_t>(axes.size())};
    const Operand axis =
        axes_constant ? constant(DType::kInt32, axes_shape, axes) : activation(DType::kInt32, axes_shape);
    const Model model = single_op(op, {activation(in_spec.type, std::move(shape), in_spec.quant), axis},
                                  activation(out_spec.type, {}, out_spec.quant), std::move(options));
    return only_output(try_run(model, {bytes_of(input)}));
}

TEST(ReduceKernels, MeanFloatOverRows) {
    auto r =
        reduce<float>(tflite::BuiltinOperator_MEAN, reducer_options(false), {}, {2, 3}, {1, 2, 6, -3, 0, 9}, {1}, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{2}));
    EXPECT_EQ(r->values<float>(), (std::vector<float>{3, 2}));
}

TEST(ReduceKernels, MeanFloatNegativeAndDuplicateAxesKeepDims) {
    // Axes -1, 0, -1 are {0, 1}: everything, kept as a 1x1.
    auto r =
        reduce<float>(tflite::BuiltinOperator_MEAN, reducer_options(true), {}, {2, 2}, {1, 2, 3, 6}, {-1, 0, -1}, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{1, 1}));
    EXPECT_EQ(r->values<float>(), (std::vector<float>{3}));
}

TEST(ReduceKernels, MeanMiddleAxisOf3d) {
    // 2x2x2, axis 1: out[i][k] = (in[i][0][k] + in[i][1][k]) / 2.
    auto r = reduce<float>(tflite::BuiltinOperator_MEAN, reducer_options(false), {}, {2, 2, 2},
                           {1, 2, 3, 4, 5, 6, 7, 8}, {1}, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{2, 2}));
    EXPECT_EQ(r->values<float>(), (std::vector<float>{2, 3, 6, 7}));
}

TEST(ReduceKernels, MeanInt32Truncates) {
    const Spec s32{DType::kInt32, std::nullopt};
    auto r =
        reduce<int32_t>(tflite::BuiltinOperator_MEAN, reducer_options(false), s32, {2, 2}, {1, 2, -1, -2}, {1}, s32);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<int32_t>(), (std::vector<int32_t>{1, -1}));
}

TEST(ReduceKernels, MeanInt8RescalesWithTheCountInTheMultiplier) {
    // in: scale 0.5, zero point -1; out: scale 0.25, zero point 2; n = 4: one multiplier for
    // 0.5 / 0.25 / 4 = 0.5, rounded once, half up.
    //   [1, 2, 4, 7]:     centred sum 14 + 4 = 18, 18 / 2 = 9, + 2 = 11
    //   [1, 2, 4, 6]:     17 / 2 = 8.5 rounds up to 9 -> 11
    //   [-5, -5, -5, -6]: -17 / 2 = -8.5 rounds up to -8 -> -6
    const Spec in{DType::kInt8, quant(0.5f, -1)};
    const Spec out{DType::kInt8, quant(0.25f, 2)};
    auto r = reduce<int8_t>(tflite::BuiltinOperator_MEAN, reducer_options(false), in, {3, 4},
                            {1, 2, 4, 7, 1, 2, 4, 6, -5, -5, -5, -6}, {1}, out);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<int8_t>(), (std::vector<int8_t>{11, 11, -6}));
}

TEST(ReduceKernels, MeanUint8SameQuantizationRoundsHalfUp) {
    // scale 1, zero point 128: [129, 130] -> centred 3 / 2 = 1.5 -> 2 -> 130.
    const Spec q{DType::kUInt8, quant(1.0f, 128)};
    auto r = reduce<uint8_t>(tflite::BuiltinOperator_MEAN, reducer_options(true), q, {1, 2}, {129, 130}, {1}, q);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{1, 1}));
    EXPECT_EQ(r->values<uint8_t>(), (std::vector<uint8_t>{130}));
}

TEST(ReduceKernels, MeanInt16RoundsTwiceLikeTheReference) {
    // Scales 1 and 1, six elements: the reference folds 1/6 into the multiplier by two bits of shift,
    // (2^30 << 2) / 6 = 715827882 (just under 2^32 / 6), and a right shift of 1. A sum of 9 is
    // 2.9999999 before the shift, rounded to 3, then 1.5 rounded away from zero: 2 (one rounding of
    // 9 * 715827882 / 2^32 = 1.4999999 would give 1). -9 gives -2 the same way.
    const Spec q{DType::kInt16, quant(1.0f, 0)};
    auto r = reduce<int16_t>(tflite::BuiltinOperator_MEAN, reducer_options(false), q, {2, 6},
                             {2, 2, 2, 1, 1, 1, -2, -2, -2, -1, -1, -1}, {1}, q);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<int16_t>(), (std::vector<int16_t>{2, -2}));
}

TEST(ReduceKernels, SumInt32OverColumns) {
    const Spec s32{DType::kInt32, std::nullopt};
    auto r = reduce<int32_t>(tflite::BuiltinOperator_SUM, reducer_options(false), s32, {3, 2}, {1, 10, 2, 20, 3, 30},
                             {0}, s32);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<int32_t>(), (std::vector<int32_t>{6, 60}));
}

TEST(ReduceKernels, SumUint8Rescales) {
    // in scale 1, out scale 2 (both zero point 0): 1 + 2 = 3 -> 1.5 -> 2; 7 + 9 = 16 -> 8.
    auto r = reduce<uint8_t>(tflite::BuiltinOperator_SUM, reducer_options(false), {DType::kUInt8, quant(1.0f, 0)},
                             {2, 2}, {1, 2, 7, 9}, {1}, {DType::kUInt8, quant(2.0f, 0)});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<uint8_t>(), (std::vector<uint8_t>{2, 8}));
}

TEST(ReduceKernels, SumInt8SharedQuantizationAddsRawValuesLikeTflite) {
    // TFLite adds int8 values in int8 when nothing needs rescaling: 100 + 100 wraps to -56.
    const Spec q{DType::kInt8, quant(1.0f, 0)};
    auto r = reduce<int8_t>(tflite::BuiltinOperator_SUM, reducer_options(false), q, {2, 2}, {100, 100, 3, -5}, {1}, q);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->values<int8_t>(), (std::vector<int8_t>{-56, -2}));
}

TEST(ReduceKernels, ReduceMaxInt8OverHeightAndWidth) {
    const Spec q{DType::kInt8, quant(0.1f, 3)};
    auto r = reduce<int8_t>(tflite::BuiltinOperator_REDUCE_MAX, reducer_options(true), q, {1, 2, 2, 2},
                            {-1, 5, 7, -8, -128, 0, 2, -3}, {1, 2}, q);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{1, 1, 1, 2}));
    EXPECT_EQ(r->values<int8_t>(), (std::vector<int8_t>{7, 5}));
}

TEST(ReduceKernels, ReduceMaxFloatOfNegatives) {
    auto r = reduce<float>(tflite::BuiltinOperator_REDUCE_MAX, reducer_options(false), {}, {3}, {-5, -2, -9}, {0}, {});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(r->shape.empty());
    EXPECT_EQ(r->values<float>(), (std::vector<float>{-2}));
}

TEST(ReduceKernels, ArgMaxTakesTheFirstOfEqualValues) {
    auto r = reduce<float>(tflite::BuiltinOperator_ARG_MAX, arg_max_options(tflite::TensorType_INT32), {}, {2, 4},
                           {1, 3, 3, 2, -1, -1, -1, -1}, {1}, {DType::kInt32, std::nullopt});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{2}));
    EXPECT_EQ(r->values<int32_t>(), (std::vector<int32_t>{1, 0}));
}

TEST(ReduceKernels, ArgMinInt8AlongNegativeAxisZeroGivesInt64) {
    const Spec q{DType::kInt8, quant(1.0f, 0)};
    auto r = reduce<int8_t>(tflite::BuiltinOperator_ARG_MIN, arg_min_options(tflite::TensorType_INT64), q, {2, 3},
                            {5, -7, 0, 4, -7, 9}, {-2}, {DType::kInt64, std::nullopt});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->shape, (std::vector<int32_t>{3}));
    EXPECT_EQ(r->values<int64_t>(), (std::vector<int64_t>{1, 0, 0}));
}

TEST(ReduceKernels, RefusesWhatItCannotPrepare) {
    auto dynamic_axes =
        reduce<float>(tflite::BuiltinOperator_MEAN, reducer_options(false), {}, {2, 2}, {1, 2, 3, 4}, {1}, {},
                      /*axes_constant=*/false);
    ASSERT_FALSE(dynamic_axes);
    EXPECT_EQ(dynamic_axes.error().code, ErrorCode::kUnsupported);
    EXPECT_NE(dynamic_axes.error().message.find("not constant"), std::string::npos) << dynamic_axes.error().message;

    auto int16_rescale =
        reduce<int16_t>(tflite::BuiltinOperator_SUM, reducer_options(false), {DType::kInt16, quant(1.0f, 0)}, {2, 2},
                        {1, 2, 3, 4}, {1}, {DType::kInt16, quant(2.0f, 0)});
    ASSERT_FALSE(int16_rescale);
    EXPECT_EQ(int16_rescale.error().code, ErrorCode::kUnsupported);

    auto max_rescale =
        reduce<int8_t>(tflite::BuiltinOperator_REDUCE_MAX, reducer_options(false), {DType::kInt8, quant(1.0f, 0)},
                       {2, 2}, {1, 2, 3, 4}, {1}, {DType::kInt8, quant(1.0f, 1)});
    ASSERT_FALSE(max_rescale);
    EXPECT_EQ(max_rescale.error().code, ErrorCode::kUnsupported);

    auto bad_axis =
        reduce<float>(tflite::BuiltinOperator_SUM, reducer_options(false), {}, {2, 2}, {1, 2, 3, 4}, {2}, {});
    ASSERT_FALSE(bad_axis);
    EXPECT_NE(bad_axis.error().message.find("out of range"), std::string::npos) << bad_axis.error().message;
}

}  // namespace
}  // namespace litelab
