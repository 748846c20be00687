// The layout kernels on hand-checked one-operator models: TRANSPOSE, CONCATENATION, PACK,
// UNPACK, SPLIT, SPLIT_V, SLICE, STRIDED_SLICE, GATHER, PAD, PADV2, MIRROR_PAD and the resizes.
#include <gtest/gtest.h>

#include <vector>

#include "support/op_model.h"

namespace litelab {
namespace {

using namespace test;

using Shape = std::vector<int32_t>;

TEST(LayoutKernels, TransposeMovesDimensions) {
    OpModel m;
    const int32_t in = m.input(DType::kFloat32, {2, 3, 2});
    m.output(DType::kFloat32);
    m.op(tflite::BuiltinOperator_TRANSPOSE, {in, m.ints({3}, {2, 0, 1})});
    const auto r = m.run({bytes_of(iota_floats(12))});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 2, 3}));
    // out[k][i][j] = in[i][j][k] = 6i + 2j + k
    EXPECT_EQ(r.out<float>(), (std::vector<float>{0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11}));
}

TEST(LayoutKernels, TransposeRank6Int8) {
    OpModel m;
    const int32_t in = m.input(DType::kInt8, {2, 1, 1, 1, 1, 3});
    m.output(DType::kInt8);
    m.op(tflite::BuiltinOperator_TRANSPOSE, {in, m.ints({6}, {5, 1, 2, 3, 4, 0})});
    const auto r = m.run({bytes_of(std::vector<int8_t>{1, 2, 3, -1, -2, -3})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{3, 1, 1, 1, 1, 2}));
    EXPECT_EQ(r.out<int8_t>(), (std::vector<int8_t>{1, -1, 2, -2, 3, -3}));
}

TEST(LayoutKernels, ConcatenationAlongTheLastAxisWithRelu) {
    OpModel m;
    const int32_t a = m.input(DType::kFloat32, {2, 1});
    const int32_t b = m.input(DType::kFloat32, {2, 2});
    m.output(DType::kFloat32);
    tflite::ConcatenationOptionsT options;
    options.axis = -1;
    options.fused_activation_function = tflite::ActivationFunctionType_RELU;
    m.op(tflite::BuiltinOperator_CONCATENATION, {a, b}, options_of(options));
    const auto r = m.run({bytes_of(std::vector<float>{1, -2}), bytes_of(std::vector<float>{-3, 4, 5, -6})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 3}));
    EXPECT_EQ(r.out<float>(), (std::vector<float>{1, 0, 4, 0, 5, 0}));
}

TEST(LayoutKernels, ConcatenationRescalesUint8InputsLikeTflite) {
    // Output scale 0.5, zero point 10. Input a: scale 1, zero point 0 -> q_out = 2 q + 10.
    // Input b shares the output's quantization and is copied.
    OpModel m;
    const int32_t a = m.input(DType::kUInt8, {1, 3}, quant(1.0f, 0));
    const int32_t b = m.input(DType::kUInt8, {1, 2}, quant(0.5f, 10));
    m.output(DType::kUInt8, quant(0.5f, 10));
    tflite::ConcatenationOptionsT options;
    options.axis = 1;
    m.op(tflite::BuiltinOperator_CONCATENATION, {a, b}, options_of(options));
    const auto r = m.run({bytes_of(std::vector<uint8_t>{0, 3, 200}), bytes_of(std::vector<uint8_t>{7, 255})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.out<uint8_t>(), (std::vector<uint8_t>{10, 16, 255, 7, 255}));
}

TEST(LayoutKernels, ConcatenationRefusesInt8InputsQuantizedUnlikeTheOutput) {
    OpModel m;
    const int32_t a = m.input(DType::kInt8, {1, 3}, quant(1.0f, 0));
    m.output(DType::kInt8, quant(0.5f, 0));
    m.op(tflite::BuiltinOperator_CONCATENATION, {a, a}, options_of(tflite::ConcatenationOptionsT{}));
    EXPECT_NE(m.run({}).error.find("INT8 inputs quantized unlike the output"), std::string::npos);
}

TEST(LayoutKernels, PackAndUnpackAlongTheMiddleAxis) {
    OpModel pack;
    const int32_t a = pack.input(DType::kInt32, {2, 2});
    const int32_t b = pack.input(DType::kInt32, {2, 2});
    pack.output(DType::kInt32);
    tflite::PackOptionsT options;
    options.values_count = 2;
    options.axis = 1;
    pack.op(tflite::BuiltinOperator_PACK, {a, b}, options_of(options));
    const auto packed = pack.run({bytes_of(std::vector<int32_t>{1, 2, 3, 4}), bytes_of(std::vector<int32_t>{5, 6, 7, 8})});
    ASSERT_EQ(packed.error, "");
    EXPECT_EQ(packed.shapes[0], (Shape{2, 2, 2}));
    EXPECT_EQ(packed.out<int32_t>(), (std::vector<int32_t>{1, 2, 5, 6, 3, 4, 7, 8}));

    OpModel unpack;
    const int32_t in = unpack.input(DType::kInt32, {2, 2, 2});
    unpack.output(DType::kInt32);
    unpack.output(DType::kInt32);
    tflite::UnpackOptionsT unpack_options;
    unpack_options.num = 2;
    unpack_options.axis = 1;
    unpack.op(tflite::BuiltinOperator_UNPACK, {in}, options_of(unpack_options));
    const auto parts = unpack.run({bytes_of(packed.out<int32_t>())});
    ASSERT_EQ(parts.error, "");
    EXPECT_EQ(parts.shapes[1], (Shape{2, 2}));
    EXPECT_EQ(parts.out<int32_t>(0), (std::vector<int32_t>{1, 2, 3, 4}));
    EXPECT_EQ(parts.out<int32_t>(1), (std::vector<int32_t>{5, 6, 7, 8}));
}

TEST(LayoutKernels, SplitIntoEqualParts) {
    OpModel m;
    const int32_t axis = m.ints({}, {-1});
    const int32_t in = m.input(DType::kFloat32, {2, 4});
    m.output(DType::kFloat32);
    m.output(DType::kFloat32);
    tflite::SplitOptionsT options;
    options.num_splits = 2;
    m.op(tflite::BuiltinOperator_SPLIT, {axis, in}, options_of(options));
    const auto r = m.run({bytes_of(iota_floats(8))});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 2}));
    EXPECT_EQ(r.out<float>(0), (std::vector<float>{0, 1, 4, 5}));
    EXPECT_EQ(r.out<float>(1), (std::vector<float>{2, 3, 6, 7}));
}

TEST(LayoutKernels, SplitVInfersTheMinusOnePart) {
    OpModel m;
    const int32_t in = m.input(DType::kInt16, {5, 1});
    m.output(DType::kInt16);
    m.output(DType::kInt16);
    m.output(DType::kInt16);
    tflite::SplitVOptionsT options;
    options.num_splits = 3;
    m.op(tflite::BuiltinOperator_SPLIT_V, {in, m.ints({3}, {1, -1, 2}), m.ints({}, {0})}, options_of(options));
    const auto r = m.run({bytes_of(std::vector<int16_t>{10, 20, 30, 40, 50})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[1], (Shape{2, 1}));
    EXPECT_EQ(r.out<int16_t>(0), (std::vector<int16_t>{10}));
    EXPECT_EQ(r.out<int16_t>(1), (std::vector<int16_t>{20, 30}));
    EXPECT_EQ(r.out<int16_t>(2), (std::vector<int16_t>{40, 50}));
}

TEST(LayoutKernels, SliceWithSizeMinusOneTakesTheRest) {
    OpModel m;
    const int32_t in = m.input(DType::kFloat32, {3, 4});
    m.output(DType::kFloat32);
    m.op(tflite::BuiltinOperator_SLICE, {in, m.ints({2}, {1, 1}), m.ints({2}, {-1, 2})});
    const auto r = m.run({bytes_of(iota_floats(12))});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 2}));
    EXPECT_EQ(r.out<float>(), (std::vector<float>{5, 6, 9, 10}));
}

TEST(LayoutKernels, SliceOutsideTheInputIsRefused) {
    OpModel m;
    const int32_t in = m.input(DType::kFloat32, {3, 4});
    m.output(DType::kFloat32);
    m.op(tflite::BuiltinOperator_SLICE, {in, m.ints({2}, {1, 3}), m.ints({2}, {1, 2})});
    EXPECT_NE(m.run({}).error.find("of dimension 1"), std::string::npos);
}

RunOutcome strided_slice(std::vector<int32_t> begin, std::vector<int32_t> end, std::vector<int32_t> strides,
                         tflite::StridedSliceOptionsT options, Shape shape = {3, 4}) {
    OpModel m;
    const int32_t in = m.input(DType::kFloat32, shape);
    m.output(DType::kFloat32);
    const auto n = static_cast<int32_t>(begin.size());
    m.op(tflite::BuiltinOperator_STRIDED_SLICE, {in, m.ints({n}, begin), m.ints({n}, end), m.ints({n}, strides)},
         options_of(options));
    int elements = 1;
    for (int32_t d : shape) elements *= d;
    return m.run({bytes_of(iota_floats(elements))});
}

TEST(LayoutKernels, StridedSliceBackwardsWithMasks) {
    // in[::-1, 3:0:-2] on [[0..3], [4..7], [8..11]]
    tflite::StridedSliceOptionsT options;
    options.begin_mask = 1;
    options.end_mask = 1;
    const auto r = strided_slice({5, 3}, {5, 0}, {-1, -2}, options);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{3, 2}));
    EXPECT_EQ(r.out<float>(), (std::vector<float>{11, 9, 7, 5, 3, 1}));
}

TEST(LayoutKernels, StridedSliceShrinksAndClamps) {
    // in[-1, -10:100]: the last row; begin and end clamp to the row.
    tflite::StridedSliceOptionsT options;
    options.shrink_axis_mask = 1;
    const auto r = strided_slice({-1, -10}, {0, 100}, {1, 1}, options);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{4}));
    EXPECT_EQ(r.out<float>(), (std::vector<float>{8, 9, 10, 11}));
}

TEST(LayoutKernels, StridedSliceEllipsisAndNewAxis) {
    // in[..., tf.newaxis, 1] on a [2, 2, 3] input: shape [2, 2, 1], elements in[i][j][1].
    tflite::StridedSliceOptionsT options;
    options.ellipsis_mask = 1;
    options.new_axis_mask = 2;
    options.shrink_axis_mask = 4;
    const auto r = strided_slice({0, 0, 1}, {0, 0, 2}, {1, 1, 1}, options, {2, 2, 3});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 2, 1}));
    EXPECT_EQ(r.out<float>(), (std::vector<float>{1, 4, 7, 10}));
}

TEST(LayoutKernels, StridedSliceOffsetCountsEndFromBegin) {
    // offset: end = begin + 2 in dimension 1 -> columns 1 and 2 of rows 1..2.
    tflite::StridedSliceOptionsT options;
    options.offset = true;
    const auto r = strided_slice({1, 1}, {2, 2}, {1, 1}, options);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 2}));
    EXPECT_EQ(r.out<float>(), (std::vector<float>{5, 6, 9, 10}));
}

TEST(LayoutKernels, GatherAlongAnAxisWithInt64Indices) {
    OpModel m;
    const int32_t params = m.input(DType::kFloat32, {2, 3});
    const int32_t indices = m.input(DType::kInt64, {2, 2});
    m.output(DType::kFloat32);
    tflite::GatherOptionsT options;
    options.axis = 1;
    m.op(tflite::BuiltinOperator_GATHER, {params, indices}, options_of(options));
    const auto r = m.run({bytes_of(iota_floats(6)), bytes_of(std::vector<int64_t>{2, 0, 1, 1})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 2, 2}));
    EXPECT_EQ(r.out<float>(), (std::vector<float>{2, 0, 1, 1, 5, 3, 4, 4}));
}

TEST(LayoutKernels, GatherWithBatchDims) {
    // params [2, 3], indices [2, 2], axis 1, batch_dims 1: out[b][i] = params[b][indices[b][i]].
    OpModel m;
    const int32_t params = m.input(DType::kInt8, {2, 3});
    const int32_t indices = m.input(DType::kInt32, {2, 2});
    m.output(DType::kInt8);
    tflite::GatherOptionsT options;
    options.axis = 1;
    options.batch_dims = 1;
    m.op(tflite::BuiltinOperator_GATHER, {params, indices}, options_of(options));
    const auto r = m.run({bytes_of(std::vector<int8_t>{10, 11, 12, 20, 21, 22}), bytes_of(std::vector<int32_t>{2, 0, 1, 1})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 2}));
    EXPECT_EQ(r.out<int8_t>(), (std::vector<int8_t>{12, 10, 21, 21}));
}

TEST(LayoutKernels, GatherIndexOutOfRangeFailsTheRun) {
    OpModel m;
    const int32_t params = m.input(DType::kFloat32, {3});
    const int32_t indices = m.input(DType::kInt32, {1});
    m.output(DType::kFloat32);
    m.op(tflite::BuiltinOperator_GATHER, {params, indices}, options_of(tflite::GatherOptionsT{}));
    EXPECT_EQ(m.run({bytes_of(iota_floats(3)), bytes_of(std::vector<int32_t>{3})}).error,
              "GATHER (op #0): index 3 outside [0, 3)");
}

TEST(LayoutKernels, PadQuantizedPadsWithTheZeroPoint) {
    OpModel m;
    const int32_t in = m.input(DType::kInt8, {1, 2}, quant(0.1f, -5));
    m.output(DType::kInt8, quant(0.1f, -5));
    m.op(tflite::BuiltinOperator_PAD, {in, m.ints({2, 2}, {1, 0, 2, 1})});
    const auto r = m.run({bytes_of(std::vector<int8_t>{7, 8})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{2, 5}));
    EXPECT_EQ(r.out<int8_t>(), (std::vector<int8_t>{-5, -5, -5, -5, -5, -5, -5, 7, 8, -5}));
}

TEST(LayoutKernels, PadV2PadsWithTheGivenValue) {
    OpModel m;
    const int32_t in = m.input(DType::kFloat32, {2});
    m.output(DType::kFloat32);
    m.op(tflite::BuiltinOperator_PADV2, {in, m.ints({1, 2}, {2, 1}), m.constant(DType::kFloat32, {}, std::vector<float>{-9})});
    const auto r = m.run({bytes_of(std::vector<float>{1, 2})});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.out<float>(), (std::vector<float>{-9, -9, 1, 2, -9}));
}

TEST(LayoutKernels, MirrorPadReflectAndSymmetric) {
    for (auto mode : {tflite::MirrorPadMode_REFLECT, tflite::MirrorPadMode_SYMMETRIC}) {
        OpModel m;
        const int32_t in = m.input(DType::kFloat32, {2, 3});
        m.output(DType::kFloat32);
        tflite::MirrorPadOptionsT options;
        options.mode = mode;
        m.op(tflite::BuiltinOperator_MIRROR_PAD, {in, m.ints({2, 2}, {1, 0, 2, 1})}, options_of(options));
        const auto r = m.run({bytes_of(std::vector<float>{1, 2, 3, 4, 5, 6})});
        ASSERT_EQ(r.error, "");
        EXPECT_EQ(r.shapes[0], (Shape{3, 6}));
        if (mode == tflite::MirrorPadMode_REFLECT)  // rows: 4 5 6 | 1 2 3 | 4 5 6; columns: 3 2 | 1 2 3 | 2
            EXPECT_EQ(r.out<float>(), (std::vector<float>{6, 5, 4, 5, 6, 5, 3, 2, 1, 2, 3, 2, 6, 5, 4, 5, 6, 5}));
        else  // rows: 1 2 3 | 1 2 3 | 4 5 6; columns: 2 1 | 1 2 3 | 3
            EXPECT_EQ(r.out<float>(), (std::vector<float>{2, 1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3, 5, 4, 4, 5, 6, 6}));
    }
}

TEST(LayoutKernels, MirrorPadRefusesPaddingBeyondTheMirror) {
    OpModel m;
    const int32_t in = m.input(DType::kFloat32, {2});
    m.output(DType::kFloat32);
    m.op(tflite::BuiltinOperator_MIRROR_PAD, {in, m.ints({1, 2}, {2, 0})}, options_of(tflite::MirrorPadOptionsT{}));
    EXPECT_NE(m.run({}).error.find("exceeds 1 for REFLECT"), std::string::npos);
}

RunOutcome resize(tflite::BuiltinOperator code, DType type, Shape in_shape, std::vector<int32_t> size, bool align,
                  bool half_pixel, Bytes data) {
    OpModel m;
    const int32_t in = m.input(type, in_shape);
    m.output(type);
    tflite::BuiltinOptionsUnion options;
    if (code == tflite::BuiltinOperator_RESIZE_BILINEAR) {
        tflite::ResizeBilinearOptionsT o;
        o.align_corners = align;
        o.half_pixel_centers = half_pixel;
        options.Set(o);
    } else {
        tflite::ResizeNearestNeighborOptionsT o;
        o.align_corners = align;
        o.half_pixel_centers = half_pixel;
        options.Set(o);
    }
    m.op(code, {in, m.ints({2}, size)}, std::move(options));
    return m.run({std::move(data)});
}

TEST(LayoutKernels, ResizeBilinearFloat) {
    // [[0, 1], [2, 3]] to 4x4: input rows/columns at 0, 0.5, 1, 1.5 (clamped to the last pixel).
    const auto r = resize(tflite::BuiltinOperator_RESIZE_BILINEAR, DType::kFloat32, {1, 2, 2, 1}, {4, 4}, false, false,
                          bytes_of(std::vector<float>{0, 1, 2, 3}));
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.shapes[0], (Shape{1, 4, 4, 1}));
    EXPECT_EQ(r.out<float>(), (std::vector<float>{0, 0.5, 1, 1, 1, 1.5, 2, 2, 2, 2.5, 3, 3, 2, 2.5, 3, 3}));
    // align_corners to 3x3: coordinates 0, 0.5, 1.
    const auto aligned = resize(tflite::BuiltinOperator_RESIZE_BILINEAR, DType::kFloat32, {1, 2, 2, 1}, {3, 3}, true,
                                false, bytes_of(std::vector<float>{0, 1, 2, 3}));
    ASSERT_EQ(aligned.error, "");
    EXPECT_EQ(aligned.out<float>(), (std::vector<float>{0, 0.5, 1, 1, 1.5, 2, 2, 2.5, 3}));
}

TEST(LayoutKernels, ResizeBilinear8BitUsesQ11WeightsRoundingHalfUp) {
    // align_corners 2x2 -> 3x3: weights 1024/2048; 138.75 -> 139, 177.5 -> 178, 227.5 -> 228.
    const auto r = resize(tflite::BuiltinOperator_RESIZE_BILINEAR, DType::kUInt8, {1, 2, 2, 1}, {3, 3}, true, false,
                          bytes_of(std::vector<uint8_t>{0, 100, 200, 255}));
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.out<uint8_t>(), (std::vector<uint8_t>{0, 50, 100, 100, 139, 178, 200, 228, 255}));
    // -1.5 -> -1 (half up, as XNNPACK rounds)
    const auto negative = resize(tflite::BuiltinOperator_RESIZE_BILINEAR, DType::kInt8, {1, 1, 2, 1}, {1, 3}, true, false,
                                 bytes_of(std::vector<int8_t>{-1, -2}));
    ASSERT_EQ(negative.error, "");
    EXPECT_EQ(negative.out<int8_t>(), (std::vector<int8_t>{-1, -1, -2}));
}

TEST(LayoutKernels, ResizeBilinearInt16RoundsHalfAwayFromZero) {
    // TFLite's reference integer arithmetic: -1.5 -> -2, 1.5 -> 2.
    const auto r = resize(tflite::BuiltinOperator_RESIZE_BILINEAR, DType::kInt16, {1, 1, 2, 1}, {1, 3}, true, false,
                          bytes_of(std::vector<int16_t>{-1, -2}));
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.out<int16_t>(), (std::vector<int16_t>{-1, -2, -2}));
    const auto positive = resize(tflite::BuiltinOperator_RESIZE_BILINEAR, DType::kInt16, {1, 1, 2, 1}, {1, 3}, true,
                                 false, bytes_of(std::vector<int16_t>{1, 2}));
    ASSERT_EQ(positive.error, "");
    EXPECT_EQ(positive.out<int16_t>(), (std::vector<int16_t>{1, 2, 2}));
}

TEST(LayoutKernels, ResizeNearestNeighborModes) {
    const auto data = bytes_of(std::vector<int16_t>{1, 2, 3});
    // 3 -> 5, scale 0.6: floor(0, 0.6, 1.2, 1.8, 2.4) = 0 0 1 1 2
    auto r = resize(tflite::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR, DType::kInt16, {1, 1, 3, 1}, {1, 5}, false, false, data);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.out<int16_t>(), (std::vector<int16_t>{1, 1, 2, 2, 3}));
    // half pixel: floor((x + 0.5) * 0.6) = floor(0.3, 0.9, 1.5, 2.1, 2.7) = 0 0 1 2 2
    r = resize(tflite::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR, DType::kInt16, {1, 1, 3, 1}, {1, 5}, false, true, data);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.out<int16_t>(), (std::vector<int16_t>{1, 1, 2, 3, 3}));
    // align corners: scale 0.5, round(0, 0.5, 1, 1.5, 2) = 0 1 1 2 2
    r = resize(tflite::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR, DType::kInt16, {1, 1, 3, 1}, {1, 5}, true, false, data);
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.out<int16_t>(), (std::vector<int16_t>{1, 2, 2, 3, 3}));
}

TEST(LayoutKernels, ResizeRefusesARunTimeSize) {
    OpModel m;
    const int32_t in = m.input(DType::kFloat32, {1, 2, 2, 1});
    const int32_t size = m.input(DType::kInt32, {2});
    m.output(DType::kFloat32);
    m.op(tflite::BuiltinOperator_RESIZE_BILINEAR, {in, size}, options_of(tflite::ResizeBilinearOptionsT{}));
    EXPECT_NE(m.run({}).error.find("the size input is not known at compile time"), std::string::npos);
}

}  // namespace
}  // namespace litelab
