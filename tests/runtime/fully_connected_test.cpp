// FULLY_CONNECTED on hand-worked examples, under both matmul paths: float, int8 (per tensor and
// per channel), uint8, 16x8 (64- and 32-bit bias), hybrid (symmetric and asymmetric inputs),
// shapes (keep_num_dims) and what the factory refuses.
#include <cmath>

#include <gtest/gtest.h>

#include "fully_connected_test_helpers.h"
#include "runtime/kernels/fully_connected/hybrid_quantize.h"

namespace litelab {
namespace {

using namespace fc_test;

constexpr auto kFc = tflite::BuiltinOperator_FULLY_CONNECTED;
const MatmulPath kPaths[] = {MatmulPath::kReference, MatmulPath::kFast};

// Weights [[1, 0, -1], [0.5, 0.5, 0.5]], bias [0.5, -1]; rows [1, 2, 3] and [-1, 0.5, 2]:
// 1 - 3 + 0.5 = -1.5, 3 - 1 = 2, -1 - 2 + 0.5 = -2.5, 0.75 - 1 = -0.25.
Model float_model(tflite::ActivationFunctionType fused, bool with_bias = true) {
    const std::vector<float> weights = {1, 0, -1, 0.5f, 0.5f, 0.5f};
    const std::vector<float> bias = {0.5f, -1};
    return single_op(kFc,
                     {activation(DType::kFloat32, {2, 3}), constant(DType::kFloat32, {2, 3}, weights),
                      with_bias ? constant(DType::kFloat32, {2}, bias) : omitted()},
                     activation(DType::kFloat32, {2, 2}), fc_options(fused));
}
const std::vector<float> kFloatRows = {1, 2, 3, -1, 0.5f, 2};

TEST(FullyConnected, FloatWithBias) {
    for (MatmulPath path : kPaths) {
        const auto out =
            values_of<float>(run(float_model(tflite::ActivationFunctionType_NONE), {bytes_of(kFloatRows)}, path));
        EXPECT_EQ(out, (std::vector<float>{-1.5f, 2.0f, -2.5f, -0.25f}));
    }
}

TEST(FullyConnected, FloatReluAndNoBias) {
    for (MatmulPath path : kPaths) {
        auto out =
            values_of<float>(run(float_model(tflite::ActivationFunctionType_RELU), {bytes_of(kFloatRows)}, path));
        EXPECT_EQ(out, (std::vector<float>{0.0f, 2.0f, 0.0f, 0.0f}));
        out = values_of<float>(
            run(float_model(tflite::ActivationFunctionType_RELU6, false), {bytes_of(kFloatRows)}, path));
        EXPECT_EQ(out, (std::vector<float>{0.0f, 3.0f, 0.0f, 0.75f}));
    }
}

TEST(FullyConnected, OutputShapes) {
    const std::vector<float> weights(12, 1.0f);
    auto model = [&](std::vector<int32_t> in_shape, bool keep) {
        return single_op(kFc, {activation(DType::kFloat32, in_shape), constant(DType::kFloat32, {4, 3}, weights)},
                         activation(DType::kFloat32, {1}), fc_options(tflite::ActivationFunctionType_NONE, keep));
    };
    EXPECT_EQ(output_shape(model({2, 5, 3}, true)), (std::vector<int32_t>{2, 5, 4}));
    EXPECT_EQ(output_shape(model({2, 5, 3}, false)), (std::vector<int32_t>{10, 4}));
    EXPECT_EQ(output_shape(model({2, 6}, false)), (std::vector<int32_t>{4, 4}));  // flattened to rows of 3
    expect_contains(compile_error(model({2, 6}, true)), "keep_num_dims");
    expect_contains(compile_error(model({2, 5}, false)), "not a whole number of rows of 3");
}

// int8, weights per tensor with zero point 2: input scale 0.5 zp -1, weights scale 0.25, output
// scale 1 zp 3 (multiplier 1/8). Input [1, 3, -1] -> real [1, 2, 0]; weights
// [[6, 2, -2], [2, 10, 4]] -> real [[1, 0, -1], [0, 2, 0.5]]; bias [8, -8] (scale 1/8).
// Row 0: acc 8 + 8 = 16 -> 2 -> 5; 32 - 8 = 24 -> 3 -> 6. Row 1 [0, -3, 2]: acc -8 + 8 = 0 -> 3;
// -10 - 8 = -18 -> -2.25 rounds to -2 -> 1 (a RELU clamps it at the zero point, 3).
Model int8_model(tflite::ActivationFunctionType fused) {
    return single_op(kFc,
                     {activation(DType::kInt8, {2, 3}, quant(0.5f, -1)),
                      constant(DType::kInt8, {2, 3}, std::vector<int8_t>{6, 2, -2, 2, 10, 4}, quant(0.25f, 2)),
                      constant(DType::kInt32, {2}, std::vector<int32_t>{8, -8})},
                     activation(DType::kInt8, {2, 2}, quant(1.0f, 3)), fc_options(fused));
}
const std::vector<int8_t> kInt8Rows = {1, 3, -1, 0, -3, 2};

TEST(FullyConnected, Int8PerTensor) {
    for (MatmulPath path : kPaths) {
        auto out = values_of<int8_t>(run(int8_model(tflite::ActivationFunctionType_NONE), {bytes_of(kInt8Rows)}, path));
        EXPECT_EQ(out, (std::vector<int8_t>{5, 6, 3, 1}));
        out = values_of<int8_t>(run(int8_model(tflite::ActivationFunctionType_RELU), {bytes_of(kInt8Rows)}, path));
        EXPECT_EQ(out, (std::vector<int8_t>{5, 6, 3, 3}));
    }
}

// The same real weights per channel (scales 0.25 and 0.5, zero points 0): [[4, 0, -4], [0, 4, 1]],
// bias [8, -4]. Channel 1 has multiplier 1/4: row 1 gives -5 - 4 = -9 -> -2.25 -> -2 -> 1.
TEST(FullyConnected, Int8PerChannel) {
    const Model model = single_op(
        kFc,
        {activation(DType::kInt8, {2, 3}, quant(0.5f, -1)),
         constant(DType::kInt8, {2, 3}, std::vector<int8_t>{4, 0, -4, 0, 4, 1}, channel_quant({0.25f, 0.5f}, 0)),
         constant(DType::kInt32, {2}, std::vector<int32_t>{8, -4})},
        activation(DType::kInt8, {2, 2}, quant(1.0f, 3)), fc_options());
    for (MatmulPath path : kPaths)
        EXPECT_EQ(values_of<int8_t>(run(model, {bytes_of(kInt8Rows)}, path)), (std::vector<int8_t>{5, 6, 3, 1}));
}

// The int8 example shifted by 128 (zero points 127, 130, 131).
TEST(FullyConnected, UInt8) {
    const Model model = single_op(
        kFc,
        {activation(DType::kUInt8, {2, 3}, quant(0.5f, 127)),
         constant(DType::kUInt8, {2, 3}, std::vector<uint8_t>{134, 130, 126, 130, 138, 132}, quant(0.25f, 130)),
         constant(DType::kInt32, {2}, std::vector<int32_t>{8, -8})},
        activation(DType::kUInt8, {2, 2}, quant(1.0f, 131)), fc_options());
    const std::vector<uint8_t> rows = {129, 131, 127, 128, 125, 130};
    for (MatmulPath path : kPaths)
        EXPECT_EQ(values_of<uint8_t>(run(model, {bytes_of(rows)}, path)), (std::vector<uint8_t>{133, 134, 131, 129}));
}

// 16x8: input scale 0.5, weights 0.25, output 1 (all zero points 0), scale 1/8 applied in
// double as LiteRT does, rounding half away from zero whatever the bias type: -20 / 8 = -2.5
// -> -3 (older TFLite's 64-bit fixed-point multiply rounded it half up, to -2). Row 0
// [2, 4, 0]: 8 + 8 -> 2, 32 - 8 -> 3; row 1 [1, -2, 2]: -4 + 8 = 4 -> 0.5 -> 1.
template <class Bias>
Model int16_model(DType bias_type) {
    return single_op(kFc,
                     {activation(DType::kInt16, {2, 3}, quant(0.5f, 0)),
                      constant(DType::kInt8, {2, 3}, std::vector<int8_t>{4, 0, -4, 0, 8, 2}, quant(0.25f, 0)),
                      constant(bias_type, {2}, std::vector<Bias>{8, -8})},
                     activation(DType::kInt16, {2, 2}, quant(1.0f, 0)), fc_options());
}

TEST(FullyConnected, Int16WithInt64AndInt32Bias) {
    const std::vector<int16_t> rows = {2, 4, 0, 1, -2, 2};
    for (MatmulPath path : kPaths) {
        EXPECT_EQ(values_of<int16_t>(run(int16_model<int64_t>(DType::kInt64), {bytes_of(rows)}, path)),
                  (std::vector<int16_t>{2, 3, 1, -3}));
        EXPECT_EQ(values_of<int16_t>(run(int16_model<int32_t>(DType::kInt32), {bytes_of(rows)}, path)),
                  (std::vector<int16_t>{2, 3, 1, -3}));
    }
}

TEST(FullyConnected, RowQuantization) {
    // Symmetric: max |x| = 1 -> scale 1/127; -63.5 rounds away from zero to -64.
    const std::vector<float> row = {1.0f, -0.5f, 0.25f};
    int8_t q[3];
    RowQuantization r = symmetric_quantize_row(row.data(), 3, q);
    EXPECT_FLOAT_EQ(r.scale, 1.0f / 127.0f);
    EXPECT_EQ(r.offset, 0);
    EXPECT_EQ(std::vector<int8_t>(q, q + 3), (std::vector<int8_t>{127, -64, 32}));
    // Asymmetric: [-0.5, 1] over 255 steps, zero point -128 + 85 = -43; 0.3 -> -43 + 51 = 8.
    const std::vector<float> row2 = {1.0f, -0.5f, 0.3f};
    r = asymmetric_quantize_row(row2.data(), 3, q);
    EXPECT_FLOAT_EQ(r.scale, 1.5f / 255.0f);
    EXPECT_EQ(r.offset, -43);
    EXPECT_EQ(std::vector<int8_t>(q, q + 3), (std::vector<int8_t>{127, -128, 8}));
    // All zero: scale 1, offset 0.
    const std::vector<float> zeros = {0.0f, 0.0f};
    r = asymmetric_quantize_row(zeros.data(), 2, q);
    EXPECT_EQ(r.scale, 1.0f);
    EXPECT_EQ(r.offset, 0);
}

// Hybrid: weights int8 [[2, 0, -4], [1, 1, 1]] at scale 0.5, bias [0.5, -1].
Model hybrid_model(bool asymmetric, tflite::ActivationFunctionType fused = tflite::ActivationFunctionType_NONE) {
    return single_op(kFc,
                     {activation(DType::kFloat32, {1, 3}),
                      constant(DType::kInt8, {2, 3}, std::vector<int8_t>{2, 0, -4, 1, 1, 1}, quant(0.5f, 0)),
                      constant(DType::kFloat32, {2}, std::vector<float>{0.5f, -1.0f})},
                     activation(DType::kFloat32, {1, 2}), fc_options(fused, false, asymmetric));
}

TEST(FullyConnected, HybridSymmetric) {
    // [1, -0.5, 0.25] -> [127, -64, 32] at 1/127: dots 254 - 128 = 126 and 127 - 64 + 32 = 95,
    // times (1/127) * 0.5, plus the bias (exact: 1.0 and -0.625).
    const float scale = (1.0f / 127.0f) * 0.5f;
    for (MatmulPath path : kPaths) {
        const auto out =
            values_of<float>(run(hybrid_model(false), {bytes_of(std::vector<float>{1.0f, -0.5f, 0.25f})}, path));
        EXPECT_EQ(out, (std::vector<float>{0.5f + 126.0f * scale, -1.0f + 95.0f * scale}));
        const auto tanh = values_of<float>(run(hybrid_model(false, tflite::ActivationFunctionType_TANH),
                                           {bytes_of(std::vector<float>{1.0f, -0.5f, 0.25f})}, path));
        ASSERT_EQ(tanh.size(), 2u);
        EXPECT_NEAR(tanh[0], std::tanh(0.5f + 126.0f * scale), 1e-6);
    }
}

TEST(FullyConnected, HybridAsymmetric) {
    // [1, -0.5, 0.3] -> [127, -128, 8], offset -43, scale 1.5/255. Weight row sums -2 and 3:
    // 222 - (-2)(-43) = 136 and 7 - 3(-43) = 136; times (1.5/255) * 0.5 = 0.4, plus the bias.
    const float scale = (1.5f / 255.0f) * 0.5f;
    for (MatmulPath path : kPaths) {
        const auto out =
            values_of<float>(run(hybrid_model(true), {bytes_of(std::vector<float>{1.0f, -0.5f, 0.3f})}, path));
        EXPECT_EQ(out, (std::vector<float>{0.5f + 136.0f * scale, -1.0f + 136.0f * scale}));
    }
}

TEST(FullyConnected, HybridPerChannelAndZeroInput) {
    // Channel scales 0.5 and 0.25: the second unit's dot (95) scales by (1/127) * 0.25.
    const Model model = single_op(
        kFc,
        {activation(DType::kFloat32, {2, 3}),
         constant(DType::kInt8, {2, 3}, std::vector<int8_t>{2, 0, -4, 1, 1, 1}, channel_quant({0.5f, 0.25f}, 0))},
        activation(DType::kFloat32, {2, 2}), fc_options());
    for (MatmulPath path : kPaths) {
        const auto out =
            values_of<float>(run(model, {bytes_of(std::vector<float>{1.0f, -0.5f, 0.25f, 0, 0, 0})}, path));
        EXPECT_EQ(out, (std::vector<float>{126.0f * ((1.0f / 127.0f) * 0.5f), 95.0f * ((1.0f / 127.0f) * 0.25f), 0.0f, 0.0f}));
    }
}

TEST(FullyConnected, VariableWeights) {
    // Weights as a second model input: the fast path packs them at run time.
    const Model model = single_op(kFc,
                                  {activation(DType::kInt8, {2, 3}, quant(0.5f, -1)),
                                   activation(DType::kInt8, {2, 3}, quant(0.25f, 2)), omitted()},
                                  activation(DType::kInt8, {2, 2}, quant(1.0f, 3)), fc_options());
    const std::vector<int8_t> weights = {6, 2, -2, 2, 10, 4};
    // Without the bias: row 0: 8 -> 1 -> 4, 32 -> 4 -> 7; row 1: -8 -> -1 -> 2, -10 -> -1.25 -> 2.
    for (MatmulPath path : kPaths)
        EXPECT_EQ(values_of<int8_t>(run(model, {bytes_of(kInt8Rows), bytes_of(weights)}, path)),
                  (std::vector<int8_t>{4, 7, 2, 2}));
}

TEST(FullyConnected, Refusals) {
    Model shuffled = int8_model(tflite::ActivationFunctionType_NONE);
    tflite::FullyConnectedOptionsT options;
    options.weights_format = tflite::FullyConnectedOptionsWeightsFormat_SHUFFLED4x16INT8;
    shuffled.subgraphs[0].operators[0].builtin_options = options_of(options);
    expect_contains(compile_error(shuffled), "SHUFFLED4x16INT8");
    expect_contains(compile_error(int8_model(tflite::ActivationFunctionType_TANH)), "fused activation TANH");
    expect_contains(compile_error(float_model(tflite::ActivationFunctionType_SIGN_BIT)), "SIGN_BIT");

    auto with = [](DType in, DType w, DType out, std::optional<Quantization> wq) {
        const std::vector<uint8_t> weights(static_cast<size_t>(4 * dtype_bits(w) / 8), 1);
        return single_op(kFc, {activation(in, {1, 2}, quant(0.5f, 0)), constant(w, {2, 2}, weights, wq)},
                         activation(out, {1, 2}, quant(1.0f, 0)), fc_options());
    };
    expect_contains(compile_error(with(DType::kUInt8, DType::kUInt8, DType::kInt16, quant(1.0f, 0))),
                    "UINT8 input, UINT8 weights and INT16 output");
    expect_contains(compile_error(with(DType::kUInt8, DType::kUInt8, DType::kUInt8, channel_quant({1.0f, 1.0f}, 0))),
                    "quantized per channel");
    expect_contains(compile_error(with(DType::kInt8, DType::kInt8, DType::kInt8, channel_quant({1.0f, 1.0f}, 1))),
                    "along dimension 1");
    expect_contains(compile_error(with(DType::kInt8, DType::kInt8, DType::kInt8, std::nullopt)), "no quantization parameters");
    expect_contains(compile_error(with(DType::kFloat32, DType::kUInt8, DType::kFloat32, quant(1.0f, 0))),
                    "UINT8 weights");
    expect_contains(compile_error(with(DType::kInt8, DType::kInt16, DType::kInt8, quant(1.0f, 0))),
                    "weights of type INT16");
    EXPECT_EQ(compile_error(with(DType::kInt16, DType::kInt8, DType::kInt16, quant(1.0f, 0))), "");
}

}  // namespace
}  // namespace litelab
