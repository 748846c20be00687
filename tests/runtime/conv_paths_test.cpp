// CONV_2D's im2col + GEMM path against the reference loops on random shapes (strides,
// dilations, padding, batches, 1x1 filters): the same integers for int8, uint8 and hybrid,
// float within 1e-5 relative; and the same bytes whatever the thread count.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "conv_test_helpers.h"
#include "runtime/kernels/conv/int16_gemm_packed.h"

namespace litelab::conv_test {
namespace {

using conv::ConvPath;

struct RandomConv {
    int batches, height, width, in_c, out_c, filter_h, filter_w, stride_h, stride_w, dilation_h, dilation_w;
    tflite::Padding padding;
    tflite::ActivationFunctionType activation;
    int out_h, out_w;
};

int out_size(tflite::Padding padding, int in, int filter, int stride, int dilation) {
    const int effective = (filter - 1) * dilation + 1;
    return padding == tflite::Padding_SAME ? (in + stride - 1) / stride : (in + stride - effective) / stride;
}

RandomConv random_conv(std::mt19937& rng) {
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    for (;;) {
        RandomConv c{};
        c.batches = pick(1, 2);
        c.height = pick(1, 12);
        c.width = pick(1, 12);
        c.in_c = pick(1, 19);
        c.out_c = pick(1, 21);
        c.filter_h = pick(1, 4);
        c.filter_w = pick(1, 4);
        c.stride_h = pick(1, 3);
        c.stride_w = pick(1, 3);
        c.dilation_h = pick(1, 2);
        c.dilation_w = pick(1, 2);
        c.padding = pick(0, 1) ? tflite::Padding_SAME : tflite::Padding_VALID;
        c.activation = std::array{tflite::ActivationFunctionType_NONE, tflite::ActivationFunctionType_RELU,
                                  tflite::ActivationFunctionType_RELU6}[static_cast<size_t>(pick(0, 2))];
        c.out_h = out_size(c.padding, c.height, c.filter_h, c.stride_h, c.dilation_h);
        c.out_w = out_size(c.padding, c.width, c.filter_w, c.stride_w, c.dilation_w);
        if (c.out_h > 0 && c.out_w > 0) return c;
    }
}

Model conv_model(const RandomConv& c, DType in_type, DType weight_type, std::optional<Quantization> in_q,
                 std::optional<Quantization> w_q, std::optional<Quantization> out_q, std::mt19937& rng) {
    const auto weights = static_cast<size_t>(c.out_c * c.filter_h * c.filter_w * c.in_c);
    const std::vector<int32_t> filter_shape = {c.out_c, c.filter_h, c.filter_w, c.in_c};
    Operand filter;
    Operand bias;
    if (weight_type == DType::kFloat32) {
        filter = constant(weight_type, filter_shape, random_values<float>(rng, weights, -1, 1));
    } else if (weight_type == DType::kInt8) {
        filter = constant(weight_type, filter_shape, random_values<int8_t>(rng, weights, -127, 127), w_q);
    } else {
        filter = constant(weight_type, filter_shape, random_values<uint8_t>(rng, weights, 0, 255), w_q);
    }
    const auto channels = static_cast<size_t>(c.out_c);
    if (in_type == DType::kFloat32) {
        bias = constant(DType::kFloat32, {c.out_c}, random_values<float>(rng, channels, -1, 1));
    } else {
        bias = constant(DType::kInt32, {c.out_c}, random_values<int32_t>(rng, channels, -2000, 2000));
    }
    return single_op(tflite::BuiltinOperator_CONV_2D,
                     {activation(in_type, {c.batches, c.height, c.width, c.in_c}, in_q), filter, bias},
                     activation(in_type, {c.batches, c.out_h, c.out_w, c.out_c}, out_q),
                     conv_options(c.padding, c.stride_h, c.stride_w, c.activation, c.dilation_h, c.dilation_w));
}

Bytes random_input(const RandomConv& c, DType type, std::mt19937& rng) {
    const auto n = static_cast<size_t>(c.batches * c.height * c.width * c.in_c);
    switch (type) {
        case DType::kFloat32:
            return bytes_of(random_values<float>(rng, n, -1, 1));
        case DType::kInt8:
            return bytes_of(random_values<int8_t>(rng, n, -128, 127));
        default:
            return bytes_of(random_values<uint8_t>(rng, n, 0, 255));
    }
}

std::string describe(const RandomConv& c) {
    return "batch " + std::to_string(c.batches) + " " + std::to_string(c.height) + "x" + std::to_string(c.width) + "x" +
           std::to_string(c.in_c) + " -> " + std::to_string(c.out_c) + ", filter " + std::to_string(c.filter_h) + "x" +
           std::to_string(c.filter_w) + ", stride " + std::to_string(c.stride_h) + "," + std::to_string(c.stride_w) +
           ", dilation " + std::to_string(c.dilation_h) + "," + std::to_string(c.dilation_w) +
           (c.padding == tflite::Padding_SAME ? ", SAME" : ", VALID");
}

constexpr int kTrials = 40;

TEST(Conv2dPaths, FloatGemmMatchesReference) {
    std::mt19937 rng(11);
    for (int trial = 0; trial < kTrials; ++trial) {
        const RandomConv c = random_conv(rng);
        const Model m = conv_model(c, DType::kFloat32, DType::kFloat32, {}, {}, {}, rng);
        const auto input = random_input(c, DType::kFloat32, rng);
        const auto reference = run_as<float>(m, {input}, ConvPath::kReference);
        const auto fast = run_as<float>(m, {input}, ConvPath::kFast);
        ASSERT_EQ(reference.size(), fast.size());
        for (size_t i = 0; i < fast.size(); ++i)
            ASSERT_NEAR(fast[i], reference[i], 1e-5 * std::max(1.0f, std::abs(reference[i])))
                << describe(c) << " element " << i;
        // Tiles, not threads, decide the summation order.
        EXPECT_EQ(run(m, {input}, ConvPath::kFast, 3), raw_bytes(fast)) << describe(c);
        EXPECT_EQ(run(m, {input}, ConvPath::kReference, 2), raw_bytes(reference)) << describe(c);
    }
}

TEST(Conv2dPaths, Int8GemmGivesTheReferenceIntegers) {
    std::mt19937 rng(12);
    for (int trial = 0; trial < kTrials; ++trial) {
        const RandomConv c = random_conv(rng);
        std::vector<float> scales;
        for (int oc = 0; oc < c.out_c; ++oc) scales.push_back(0.002f + 0.001f * static_cast<float>(oc % 5));
        const Quantization weights = trial % 2 ? channel_quant(scales, 0) : quant(0.003f, 0);
        const Model m = conv_model(c, DType::kInt8, DType::kInt8, quant(0.05f, -7), weights, quant(0.08f, 5), rng);
        const auto input = random_input(c, DType::kInt8, rng);
        const auto reference = run(m, {input}, ConvPath::kReference);
        EXPECT_EQ(run(m, {input}, ConvPath::kFast), reference) << describe(c);
        EXPECT_EQ(run(m, {input}, ConvPath::kFast, 3), reference) << describe(c);
    }
}

TEST(Conv2dPaths, Uint8GemmGivesTheReferenceIntegers) {
    std::mt19937 rng(13);
    for (int trial = 0; trial < kTrials; ++trial) {
        const RandomConv c = random_conv(rng);
        const Model m =
            conv_model(c, DType::kUInt8, DType::kUInt8, quant(0.05f, 120), quant(0.004f, 131), quant(0.1f, 128), rng);
        const auto input = random_input(c, DType::kUInt8, rng);
        const auto reference = run(m, {input}, ConvPath::kReference);
        EXPECT_EQ(run(m, {input}, ConvPath::kFast), reference) << describe(c);
        EXPECT_EQ(run(m, {input}, ConvPath::kFast, 2), reference) << describe(c);
    }
}

TEST(Conv2dPaths, HybridGemmGivesTheReferenceResults) {
    std::mt19937 rng(14);
    for (int trial = 0; trial < kTrials; ++trial) {
        const RandomConv c = random_conv(rng);
        std::vector<float> scales;
        for (int oc = 0; oc < c.out_c; ++oc) scales.push_back(0.01f + 0.002f * static_cast<float>(oc % 3));
        // Odd trials per channel (asymmetric inputs), even ones per tensor (symmetric).
        const Quantization weights = trial % 2 && c.out_c > 1 ? channel_quant(scales, 0) : quant(0.01f, 0);
        const Model m = conv_model(c, DType::kFloat32, DType::kInt8, {}, weights, {}, rng);
        const auto input = random_input(c, DType::kFloat32, rng);
        const auto reference = run(m, {input}, ConvPath::kReference);
        // Integer sums are exact, the float epilogue is the same code: identical bytes.
        EXPECT_EQ(run(m, {input}, ConvPath::kFast), reference) << describe(c);
        EXPECT_EQ(run(m, {input}, ConvPath::kFast, 3), reference) << describe(c);
    }
}

// The integer GEMM on its own, at the extremes of its range (|values| up to 255, every product
// pair near 2 * 255^2), with pixel and filter counts that leave partial tiles (1-3 pixels, a
// group of fewer than 8 or a single group of 8), against plain sums.
TEST(ConvPaths, Int16GemmGivesThePlainSums) {
    std::printf("int16 GEMM path on this processor: %s\n", conv::int16_gemm_path());
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> value(-255, 255);
    for (const auto& dims : {std::array<int64_t, 3>{1, 3, 1},
                             {5, 27, 7},
                             {2, 16, 4},
                             {7, 160, 9},
                             {3, 1100, 5},
                             {9, 33, 16},
                             {6, 8, 24},
                             {4, 17, 8},
                             {11, 64, 37}}) {
        // Named copies: clang 14 cannot capture structured bindings in the lambda below.
        const int64_t rows = dims[0], depth = dims[1], cols = dims[2];
        std::vector<int16_t> filters(static_cast<size_t>(cols * depth));
        for (size_t i = 0; i < filters.size(); ++i) filters[i] = static_cast<int16_t>(i % 7 == 0 ? 255 : value(rng));
        const conv::PackedInt16Filters packed = conv::pack_int16_filters(
            cols, depth, [&](int64_t oc, int64_t k) { return filters[static_cast<size_t>(oc * depth + k)]; });
        const int64_t padded = conv::padded_depth(depth);
        ASSERT_EQ(packed.depth, padded);
        std::vector<int16_t> a(static_cast<size_t>(rows * padded), 0);
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t k = 0; k < depth; ++k)
                a[static_cast<size_t>(r * padded + k)] = static_cast<int16_t>(value(rng));
        a[0] = -255;
        for (const auto path : {conv::Int16GemmPath::kBest, conv::Int16GemmPath::kPortable}) {
            // A guard past the end: the GEMM writes exactly rows x cols values.
            std::vector<int32_t> c(static_cast<size_t>(rows * cols + 1), -1);
            conv::gemm_nt(a.data(), rows, packed, c.data(), path);
            EXPECT_EQ(c.back(), -1) << "wrote past the output";
            for (int64_t r = 0; r < rows; ++r)
                for (int64_t f = 0; f < cols; ++f) {
                    int64_t sum = 0;
                    for (int64_t k = 0; k < depth; ++k)
                        sum += int64_t{a[static_cast<size_t>(r * padded + k)]} *
                               filters[static_cast<size_t>(f * depth + k)];
                    ASSERT_EQ(c[static_cast<size_t>(r * cols + f)], sum)
                        << (path == conv::Int16GemmPath::kBest ? "best" : "portable") << " path, " << rows << "x"
                        << depth << "x" << cols << " at " << r << "," << f;
                }
        }
    }
}

}  // namespace
}  // namespace litelab::conv_test
