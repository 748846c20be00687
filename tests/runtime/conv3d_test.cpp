// CONV_3D and CONV_3D_TRANSPOSE: hand-worked cases, and random shapes against straightforward
// references written here (a padded-input sum for the convolution, a scatter for the
// transposed one, where the kernel gathers), over strides, dilations, SAME/VALID and threads.
#include <gtest/gtest.h>

#include <random>

#include "support/op_model.h"

namespace litelab::test {
namespace {

tflite::BuiltinOptionsUnion conv3d_options(
    tflite::Padding padding, std::array<int, 3> stride, std::array<int, 3> dilation,
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE) {
    tflite::Conv3DOptionsT o;
    o.padding = padding;
    o.stride_d = stride[0];
    o.stride_h = stride[1];
    o.stride_w = stride[2];
    o.dilation_d_factor = dilation[0];
    o.dilation_h_factor = dilation[1];
    o.dilation_w_factor = dilation[2];
    o.fused_activation_function = activation;
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(o));
    return u;
}

TEST(Conv3d, HandWorkedSumOverACube) {
    // 2x2x2 input of 1..8, one 2x2x2 filter of ones, VALID: the sum 36, plus bias 0.5.
    std::vector<float> input{1, 2, 3, 4, 5, 6, 7, 8};
    const Model m =
        single_op(tflite::BuiltinOperator_CONV_3D,
                  {f32({1, 2, 2, 2, 1}), constant(DType::kFloat32, {2, 2, 2, 1, 1}, std::vector<float>(8, 1.0f)),
                   constant(DType::kFloat32, {1}, std::vector<float>{0.5f})},
                  f32({1, 1, 1, 1, 1}), conv3d_options(tflite::Padding_VALID, {1, 1, 1}, {1, 1, 1}));
    EXPECT_EQ(run_as<float>(m, {bytes_of(input)}), std::vector<float>{36.5f});
}

TEST(Conv3d, FusedReluClamps) {
    const Model m =
        single_op(tflite::BuiltinOperator_CONV_3D,
                  {f32({1, 1, 1, 2, 1}), constant(DType::kFloat32, {1, 1, 1, 1, 1}, std::vector<float>{-2.0f})},
                  f32({1, 1, 1, 2, 1}),
                  conv3d_options(tflite::Padding_VALID, {1, 1, 1}, {1, 1, 1}, tflite::ActivationFunctionType_RELU));
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1.0f, -3.0f})}), (std::vector<float>{0.0f, 6.0f}));
}

struct Case {
    std::array<int, 3> in, k, stride, dilation;
    int cin, cout;
    tflite::Padding padding;
};

int out_size(tflite::Padding p, int in, int k, int s, int d) {
    const int eff = (k - 1) * d + 1;
    return p == tflite::Padding_SAME ? (in + s - 1) / s : (in - eff + s) / s;
}

TEST(Conv3d, RandomShapesMatchAPaddedInputReference) {
    std::mt19937 rng(7);
    const std::vector<Case> cases = {{{4, 5, 6}, {2, 3, 2}, {1, 1, 1}, {1, 1, 1}, 3, 4, tflite::Padding_VALID},
                                     {{5, 5, 5}, {3, 3, 3}, {2, 1, 2}, {1, 2, 1}, 2, 3, tflite::Padding_SAME},
                                     {{3, 6, 4}, {1, 2, 3}, {1, 3, 1}, {1, 1, 2}, 4, 2, tflite::Padding_SAME}};
    for (const Case& c : cases) {
        std::array<int, 3> out{}, pad{};
        for (size_t i = 0; i < 3; ++i) {
            out[i] = out_size(c.padding, c.in[i], c.k[i], c.stride[i], c.dilation[i]);
            const int eff = (c.k[i] - 1) * c.dilation[i] + 1;
            pad[i] =
                c.padding == tflite::Padding_SAME ? std::max((out[i] - 1) * c.stride[i] + eff - c.in[i], 0) / 2 : 0;
        }
        const auto x = random_values<float>(rng, static_cast<size_t>(2 * c.in[0] * c.in[1] * c.in[2] * c.cin), -1, 1);
        const auto w = random_values<float>(rng, static_cast<size_t>(c.k[0] * c.k[1] * c.k[2] * c.cin * c.cout), -1, 1);
        const auto b = random_values<float>(rng, static_cast<size_t>(c.cout), -1, 1);
        // Reference: zero-padded copy of the input, then a plain six-fold sum.
        const int pd = c.in[0] + 2 * pad[0] + 8, ph = c.in[1] + 2 * pad[1] + 8, pw = c.in[2] + 2 * pad[2] + 8;
        std::vector<float> padded(static_cast<size_t>(2 * pd * ph * pw * c.cin), 0.0f);
        for (int n = 0; n < 2; ++n)
            for (int d = 0; d < c.in[0]; ++d)
                for (int h = 0; h < c.in[1]; ++h)
                    for (int q = 0; q < c.in[2]; ++q)
                        for (int ci = 0; ci < c.cin; ++ci)
                            padded[static_cast<size_t>(
                                (((n * pd + d + pad[0]) * ph + h + pad[1]) * pw + q + pad[2]) * c.cin + ci)] =
                                x[static_cast<size_t>((((n * c.in[0] + d) * c.in[1] + h) * c.in[2] + q) * c.cin + ci)];
        std::vector<float> expected;
        for (int n = 0; n < 2; ++n)
            for (int od = 0; od < out[0]; ++od)
                for (int oh = 0; oh < out[1]; ++oh)
                    for (int ow = 0; ow < out[2]; ++ow)
                        for (int co = 0; co < c.cout; ++co) {
                            double sum = b[static_cast<size_t>(co)];
                            for (int kd = 0; kd < c.k[0]; ++kd)
                                for (int kh = 0; kh < c.k[1]; ++kh)
                                    for (int kw = 0; kw < c.k[2]; ++kw)
                                        for (int ci = 0; ci < c.cin; ++ci) {
                                            const int d = od * c.stride[0] + kd * c.dilation[0];
                                            const int h = oh * c.stride[1] + kh * c.dilation[1];
                                            const int q = ow * c.stride[2] + kw * c.dilation[2];
                                            sum +=
                                                padded[static_cast<size_t>((((n * pd + d) * ph + h) * pw + q) * c.cin +
                                                                           ci)] *
                                                w[static_cast<size_t>(
                                                    (((kd * c.k[1] + kh) * c.k[2] + kw) * c.cin + ci) * c.cout + co)];
                                        }
                            expected.push_back(static_cast<float>(sum));
                        }
        const Model m =
            single_op(tflite::BuiltinOperator_CONV_3D,
                      {f32({2, c.in[0], c.in[1], c.in[2], c.cin}),
                       constant(DType::kFloat32, {c.k[0], c.k[1], c.k[2], c.cin, c.cout}, w),
                       constant(DType::kFloat32, {c.cout}, b)},
                      f32({2, out[0], out[1], out[2], c.cout}), conv3d_options(c.padding, c.stride, c.dilation));
        for (int threads : {1, 2}) {
            const auto got = run_as<float>(m, {bytes_of(x)}, threads);
            ASSERT_EQ(got.size(), expected.size());
            for (size_t i = 0; i < got.size(); ++i) ASSERT_NEAR(got[i], expected[i], 1e-4) << "element " << i;
        }
    }
}

TEST(Conv3dTranspose, HandWorkedStrideTwo) {
    // One input voxel per axis pair: [1, 2] along W with stride 2 and a [1, 10] kernel
    // gives 1*[1, 10] at 0 and 2*[1, 10] at 2: [1, 10, 2, 20].
    const Model m =
        single_op(tflite::BuiltinOperator_CONV_3D_TRANSPOSE,
                  {constant(DType::kInt32, {5}, std::vector<int32_t>{1, 1, 1, 4, 1}),
                   constant(DType::kFloat32, {1, 1, 2, 1, 1}, std::vector<float>{1, 10}), f32({1, 1, 1, 2, 1})},
                  f32({1, 1, 1, 4, 1}), conv3d_options(tflite::Padding_VALID, {1, 1, 2}, {1, 1, 1}));
    EXPECT_EQ(run_as<float>(m, {bytes_of(std::vector<float>{1, 2})}), (std::vector<float>{1, 10, 2, 20}));
}

TEST(Conv3dTranspose, RandomShapesMatchAScatterReference) {
    std::mt19937 rng(11);
    const std::array<int, 3> in{2, 3, 2}, k{2, 3, 2}, stride{2, 1, 3};
    const int cin = 3, cout = 2;
    std::array<int, 3> out{};
    for (size_t i = 0; i < 3; ++i) out[i] = (in[i] - 1) * stride[i] + k[i];
    const auto x = random_values<float>(rng, static_cast<size_t>(in[0] * in[1] * in[2] * cin), -1, 1);
    const auto w = random_values<float>(rng, static_cast<size_t>(k[0] * k[1] * k[2] * cout * cin), -1, 1);
    const auto b = random_values<float>(rng, static_cast<size_t>(cout), -1, 1);
    std::vector<double> expected(static_cast<size_t>(out[0] * out[1] * out[2] * cout), 0.0);
    for (size_t i = 0; i < expected.size(); ++i) expected[i] = b[i % static_cast<size_t>(cout)];
    for (int d = 0; d < in[0]; ++d)
        for (int h = 0; h < in[1]; ++h)
            for (int q = 0; q < in[2]; ++q)
                for (int ci = 0; ci < cin; ++ci)
                    for (int kd = 0; kd < k[0]; ++kd)
                        for (int kh = 0; kh < k[1]; ++kh)
                            for (int kw = 0; kw < k[2]; ++kw)
                                for (int co = 0; co < cout; ++co) {
                                    const int od = d * stride[0] + kd, oh = h * stride[1] + kh, ow = q * stride[2] + kw;
                                    expected[static_cast<size_t>(((od * out[1] + oh) * out[2] + ow) * cout + co)] +=
                                        x[static_cast<size_t>(((d * in[1] + h) * in[2] + q) * cin + ci)] *
                                        w[static_cast<size_t>((((kd * k[1] + kh) * k[2] + kw) * cout + co) * cin + ci)];
                                }
    const Model m =
        single_op(tflite::BuiltinOperator_CONV_3D_TRANSPOSE,
                  {constant(DType::kInt32, {5}, std::vector<int32_t>{1, out[0], out[1], out[2], cout}),
                   constant(DType::kFloat32, {k[0], k[1], k[2], cout, cin}, w), f32({1, in[0], in[1], in[2], cin}),
                   constant(DType::kFloat32, {cout}, b)},
                  f32({1, out[0], out[1], out[2], cout}), conv3d_options(tflite::Padding_VALID, stride, {1, 1, 1}));
    const auto got = run_as<float>(m, {bytes_of(x)}, 2);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) ASSERT_NEAR(got[i], expected[i], 1e-4) << "element " << i;
}

TEST(Conv3d, RefusesGroupedFilters) {
    const Model grouped =
        single_op(tflite::BuiltinOperator_CONV_3D,
                  {f32({1, 2, 2, 2, 4}), constant(DType::kFloat32, {1, 1, 1, 2, 2}, std::vector<float>(4, 1.0f))},
                  f32({1, 2, 2, 2, 2}), conv3d_options(tflite::Padding_VALID, {1, 1, 1}, {1, 1, 1}));
    EXPECT_NE(try_run(grouped, {bytes_of(std::vector<float>(32))}).error.find("grouped CONV_3D"), std::string::npos);
}

}  // namespace
}  // namespace litelab::test
