// BATCH_MATMUL on hand-worked examples under both matmul paths: float with adj_x / adj_y and
// broadcast batch dimensions, int8 (to int8 and to int32), 16x8 and int16, hybrid, refusals.
#include <gtest/gtest.h>

#include "fully_connected_test_helpers.h"

namespace litelab {
namespace {

using namespace fc_test;

constexpr auto kBmm = tflite::BuiltinOperator_BATCH_MATMUL;
const MatmulPath kPaths[] = {MatmulPath::kReference, MatmulPath::kFast};

// A0 = [[1, 2, 3], [4, 5, 6]], A1 = [[-1, 0, 1], [2, -2, 0]], B = [[1, 0], [0, 1], [1, 1]]:
// A0 B = [[4, 5], [10, 11]], A1 B = [[0, 1], [2, -2]].
TEST(BatchMatmul, FloatWithAdjointsAndConstantRhs) {
    const std::vector<float> a = {1, 2, 3, 4, 5, 6, -1, 0, 1, 2, -2, 0};
    const std::vector<float> a_t = {1, 4, 2, 5, 3, 6, -1, 2, 0, -2, 1, 0};
    const std::vector<float> b = {1, 0, 0, 1, 1, 1};
    const std::vector<float> b_t = {1, 0, 1, 0, 1, 1};
    for (MatmulPath path : kPaths) {
        const Model plain =
            single_op(kBmm, {activation(DType::kFloat32, {2, 2, 3}), constant(DType::kFloat32, {3, 2}, b)},
                      activation(DType::kFloat32, {2, 2, 2}), bmm_options());
        EXPECT_EQ(values_of<float>(run(plain, {bytes_of(a)}, path)), (std::vector<float>{4, 5, 10, 11, 0, 1, 2, -2}));
        const Model adjoint =
            single_op(kBmm, {activation(DType::kFloat32, {2, 3, 2}), activation(DType::kFloat32, {2, 3})},
                      activation(DType::kFloat32, {2, 2, 2}), bmm_options(true, true));
        EXPECT_EQ(values_of<float>(run(adjoint, {bytes_of(a_t), bytes_of(b_t)}, path)),
                  (std::vector<float>{4, 5, 10, 11, 0, 1, 2, -2}));
    }
}

// LHS [2, 1, 1, 3] rows [1, 2, 3] and [-1, 0, 1]; RHS [1, 2, 3, 1] columns [1, 1, 1] and
// [1, 0, -1]: every pair -> [6, -2, 0, -2] in an output of shape [2, 2, 1, 1].
TEST(BatchMatmul, BroadcastsBatchDimensions) {
    const Model model =
        single_op(kBmm, {activation(DType::kFloat32, {2, 1, 1, 3}), activation(DType::kFloat32, {1, 2, 3, 1})},
                  activation(DType::kFloat32, {2, 2, 1, 1}), bmm_options());
    EXPECT_EQ(output_shape(model), (std::vector<int32_t>{2, 2, 1, 1}));
    for (MatmulPath path : kPaths) {
        const auto out = values_of<float>(run(
            model, {bytes_of(std::vector<float>{1, 2, 3, -1, 0, 1}), bytes_of(std::vector<float>{1, 1, 1, 1, 0, -1})},
            path));
        EXPECT_EQ(out, (std::vector<float>{6, -2, 0, -2}));
    }
    // Ranks may differ: a rank-2 RHS applies to every LHS matrix.
    const Model mixed =
        single_op(kBmm, {activation(DType::kFloat32, {3, 1, 4, 2}), activation(DType::kFloat32, {2, 5})},
                  activation(DType::kFloat32, {1}), bmm_options());
    EXPECT_EQ(output_shape(mixed), (std::vector<int32_t>{3, 1, 4, 5}));
}

// LHS int8 scale 0.5 zp 1: [3, 5] = [1, 2]; RHS int8 scale 0.25 zp -2: [2, 6] = [1, 2]; output
// scale 1: (2 + 2)(3 - 1) + (6 + 2)(5 - 1) = 40, times 1/8 = 5. To int32: raw 3*2 + 5*6 = 36.
TEST(BatchMatmul, Int8ToInt8AndInt32) {
    for (MatmulPath path : kPaths) {
        for (bool constant_rhs : {false, true}) {
            const Operand rhs = constant_rhs
                                    ? constant(DType::kInt8, {2, 1}, std::vector<int8_t>{2, 6}, quant(0.25f, -2))
                                    : activation(DType::kInt8, {2, 1}, quant(0.25f, -2));
            std::vector<Bytes> inputs = {bytes_of(std::vector<int8_t>{3, 5})};
            if (!constant_rhs) inputs.push_back(bytes_of(std::vector<int8_t>{2, 6}));
            const Model to_int8 = single_op(kBmm, {activation(DType::kInt8, {1, 2}, quant(0.5f, 1)), rhs},
                                            activation(DType::kInt8, {1, 1}, quant(1.0f, 0)), bmm_options());
            EXPECT_EQ(values_of<int8_t>(run(to_int8, inputs, path)), (std::vector<int8_t>{5}));
            const Model to_int32 = single_op(kBmm, {activation(DType::kInt8, {1, 2}, quant(0.5f, 1)), rhs},
                                             activation(DType::kInt32, {1, 1}), bmm_options());
            EXPECT_EQ(values_of<int32_t>(run(to_int32, inputs, path)), (std::vector<int32_t>{36}));
        }
    }
}

// int16 x int8 and int16 x int16, zero points 0, 64-bit sums and the 64-bit multiply (rounding
// half up); results saturate at the int16 range.
TEST(BatchMatmul, Int16) {
    for (MatmulPath path : kPaths) {
        const Model x8 = single_op(kBmm,
                                   {activation(DType::kInt16, {2, 2}, quant(0.5f, 0)),
                                    constant(DType::kInt8, {2, 2}, std::vector<int8_t>{1, 1, -6, -7}, quant(0.25f, 0))},
                                   activation(DType::kInt16, {2, 2}, quant(1.0f, 0)), bmm_options());
        // Row [2, 3]: columns [1, -6] -> -16 -> -2, [1, -7] -> -19 -> -2; row [1, -2]: 13 -> 1.625
        // -> 2, 15 -> 1.875 -> 2.
        EXPECT_EQ(values_of<int16_t>(run(x8, {bytes_of(std::vector<int16_t>{2, 3, 1, -2})}, path)),
                  (std::vector<int16_t>{-2, -2, 2, 2}));
        const Model x16 = single_op(kBmm,
                                    {activation(DType::kInt16, {1, 1}, quant(0.5f, 0)),
                                     constant(DType::kInt16, {1, 1}, std::vector<int16_t>{32000}, quant(1.0f, 0))},
                                    activation(DType::kInt16, {1, 1}, quant(0.5f, 0)), bmm_options());
        EXPECT_EQ(values_of<int16_t>(run(x16, {bytes_of(std::vector<int16_t>{3})}, path)),
                  (std::vector<int16_t>{32767}));
    }
}

// Hybrid: LHS row [1, -0.5, 0.25] -> [127, -64, 32] at 1/127; RHS stored K x N as
// [[2, 1], [0, 1], [-4, 1]] at scale 0.5 -> dots 126 and 95 times (1/127) * 0.5.
TEST(BatchMatmul, Hybrid) {
    const float scale = (1.0f / 127.0f) * 0.5f;
    for (MatmulPath path : kPaths) {
        for (bool adj_x : {false, true}) {
            const Model model =
                single_op(kBmm,
                          {activation(DType::kFloat32, adj_x ? std::vector<int32_t>{3, 1} : std::vector<int32_t>{1, 3}),
                           constant(DType::kInt8, {3, 2}, std::vector<int8_t>{2, 1, 0, 1, -4, 1}, quant(0.5f, 0))},
                          activation(DType::kFloat32, {1, 2}), bmm_options(adj_x));
            const auto out = values_of<float>(run(model, {bytes_of(std::vector<float>{1.0f, -0.5f, 0.25f})}, path));
            EXPECT_EQ(out, (std::vector<float>{126.0f * scale, 95.0f * scale}));
        }
        // Asymmetric: [1, -0.5, 0.3] -> [127, -128, 8], offset -43; column sums -2 and 3 give 136
        // each (as in the FULLY_CONNECTED test), times (1.5/255) * 0.5.
        const Model asym = single_op(
            kBmm,
            {activation(DType::kFloat32, {1, 3}),
             constant(DType::kInt8, {3, 2}, std::vector<int8_t>{2, 1, 0, 1, -4, 1}, quant(0.5f, 0))},
            activation(DType::kFloat32, {1, 2}), bmm_options(false, false, true));
        const float asym_scale = (1.5f / 255.0f) * 0.5f;
        EXPECT_EQ(values_of<float>(run(asym, {bytes_of(std::vector<float>{1.0f, -0.5f, 0.3f})}, path)),
                  (std::vector<float>{136.0f * asym_scale, 136.0f * asym_scale}));
    }
}

TEST(BatchMatmul, Refusals) {
    auto model = [](DType l, DType r, DType out, std::vector<int32_t> lshape, std::vector<int32_t> rshape) {
        return single_op(kBmm, {activation(l, lshape, quant(1.0f, 0)), activation(r, rshape, quant(1.0f, 0))},
                         activation(out, {1}, quant(1.0f, 0)), bmm_options());
    };
    expect_contains(compile_error(model(DType::kInt8, DType::kInt16, DType::kInt8, {2, 2}, {2, 2})), "INT8 LHS, INT16 RHS and INT8 output");
    expect_contains(compile_error(model(DType::kFloat32, DType::kFloat32, DType::kFloat32, {1, 1, 1, 1, 1, 2, 2}, {2, 2})), "rank 7");
    expect_contains(compile_error(model(DType::kFloat32, DType::kFloat32, DType::kFloat32, {2, 2, 3}, {3, 3, 2})), "do not broadcast");
    expect_contains(compile_error(model(DType::kFloat32, DType::kFloat32, DType::kFloat32, {2, 3}, {2, 2})), "depth");
    EXPECT_EQ(compile_error(model(DType::kInt16, DType::kInt16, DType::kInt16, {2, 2}, {2, 2})), "");
}

}  // namespace
}  // namespace litelab
