// TILE and POW, hand-worked: tiling along each axis and several at once (float and int8 bytes),
// POW with broadcasting (float) and integer powers (int32), and their refusals.
#include <gtest/gtest.h>

#include <cmath>

#include "support/op_model.h"

namespace litelab::test {
namespace {

Model tile_model(DType type, std::vector<int32_t> shape, std::vector<int32_t> multiples, std::vector<int32_t> out) {
    tflite::BuiltinOptionsUnion o;
    o.Set(tflite::TileOptionsT{});
    return single_op(tflite::BuiltinOperator_TILE,
                     {plain(type, shape), constant(DType::kInt32, {static_cast<int32_t>(multiples.size())}, multiples)},
                     plain(type, out), std::move(o));
}

TEST(Tile, RepeatsRowsAndColumns) {
    // [[1, 2], [3, 4]] tiled (2, 3).
    const auto got =
        run_as<float>(tile_model(DType::kFloat32, {2, 2}, {2, 3}, {4, 6}), {bytes_of(std::vector<float>{1, 2, 3, 4})});
    EXPECT_EQ(got, (std::vector<float>{1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}));
}

TEST(Tile, ThreeAxesOfBytes) {
    // int8 [1, 2, 1] tiled (2, 1, 2): [[[a, a], [b, b]], [[a, a], [b, b]]].
    const auto got = run_as<int8_t>(tile_model(DType::kInt8, {1, 2, 1}, {2, 1, 2}, {2, 2, 2}),
                                    {bytes_of(std::vector<int8_t>{-5, 7})});
    EXPECT_EQ(got, (std::vector<int8_t>{-5, -5, 7, 7, -5, -5, 7, 7}));
}

TEST(Tile, RefusesMultiplesOfTheWrongRank) {
    EXPECT_NE(
        try_run(tile_model(DType::kFloat32, {2, 2}, {2}, {4, 2}), {bytes_of(std::vector<float>(4))}).error.find("rank"),
        std::string::npos);
}

TEST(Pow, FloatWithBroadcasting) {
    tflite::BuiltinOptionsUnion o;
    o.Set(tflite::PowOptionsT{});
    const Model m = single_op(tflite::BuiltinOperator_POW, {f32({2, 2}), f32({2})}, f32({2, 2}), std::move(o));
    const auto got =
        run_as<float>(m, {bytes_of(std::vector<float>{2, 9, 0.5f, 4}), bytes_of(std::vector<float>{3, 0.5f})});
    ASSERT_EQ(got.size(), 4u);
    EXPECT_FLOAT_EQ(got[0], 8.0f);
    EXPECT_FLOAT_EQ(got[1], 3.0f);
    EXPECT_FLOAT_EQ(got[2], 0.125f);
    EXPECT_FLOAT_EQ(got[3], 2.0f);
}

TEST(Pow, NegativeBaseWithFractionalExponentIsNaN) {
    tflite::BuiltinOptionsUnion o;
    o.Set(tflite::PowOptionsT{});
    const Model m = single_op(tflite::BuiltinOperator_POW, {f32({1}), f32({1})}, f32({1}), std::move(o));
    EXPECT_TRUE(
        std::isnan(run_as<float>(m, {bytes_of(std::vector<float>{-2}), bytes_of(std::vector<float>{0.5f})})[0]));
}

TEST(Pow, Int32PowersAndNegativeExponentRefused) {
    tflite::BuiltinOptionsUnion o;
    o.Set(tflite::PowOptionsT{});
    const Model m = single_op(tflite::BuiltinOperator_POW, {plain(DType::kInt32, {4}), plain(DType::kInt32, {4})},
                              plain(DType::kInt32, {4}), o);
    EXPECT_EQ(
        run_as<int32_t>(m, {bytes_of(std::vector<int32_t>{2, -3, 7, 5}), bytes_of(std::vector<int32_t>{10, 3, 0, 1})}),
        (std::vector<int32_t>{1024, -27, 1, 5}));
    EXPECT_NE(try_run(m, {bytes_of(std::vector<int32_t>{2, 2, 2, 2}), bytes_of(std::vector<int32_t>{1, -1, 1, 1})})
                  .error.find("negative INT32 exponent"),
              std::string::npos);
}

}  // namespace
}  // namespace litelab::test
