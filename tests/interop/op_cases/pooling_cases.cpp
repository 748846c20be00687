// Interop cases for MAX_POOL_2D, AVERAGE_POOL_2D and L2_POOL_2D: every type, SAME and VALID
// padding, strides that leave partial windows, non-square filters, fused activations.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "op_case.h"

namespace litelab::test {

namespace {

struct PoolCase {
    std::string name;
    tflite::BuiltinOperator op = tflite::BuiltinOperator_MAX_POOL_2D;
    DType type = DType::kFloat32;
    std::vector<int32_t> shape;  // NHWC input
    tflite::Padding padding = tflite::Padding_VALID;
    int32_t stride_h = 1;
    int32_t stride_w = 1;
    int32_t filter_h = 2;
    int32_t filter_w = 2;
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
    float scale = 0.05f;  // quantized types: input and output share the quantization
    int64_t zero_point = 0;
};

OpCase make_case(const PoolCase& c) {
    std::optional<Quantization> q;
    if (c.type != DType::kFloat32) q = quant(c.scale, c.zero_point);
    // Peers size their output buffers from the stored shape: SAME keeps ceil(in / stride),
    // VALID ceil((in - filter + 1) / stride).
    auto extent = [&](int32_t in, int32_t filter, int32_t stride) {
        const int32_t span = c.padding == tflite::Padding_SAME ? in : in - filter + 1;
        return (span + stride - 1) / stride;
    };
    const std::vector<int32_t> out_shape = {c.shape[0], extent(c.shape[1], c.filter_h, c.stride_h),
                                            extent(c.shape[2], c.filter_w, c.stride_w), c.shape[3]};
    const Model model =
        single_op(c.op, {activation(c.type, c.shape, q)}, activation(c.type, out_shape, q),
                  pool_options(c.padding, c.stride_h, c.stride_w, c.filter_h, c.filter_w, c.activation));
    // Inputs wide enough for RELU6 and RELU_N1_TO_1 to clip.
    OpCase result = in_range(case_of(c.name, model), -8.0f, 8.0f);
    if (c.op == tflite::BuiltinOperator_AVERAGE_POOL_2D && c.type != DType::kFloat32)
        result.unreliable_peers = {{"armnn",
                                    "Arm NN 20.08 rounds an average that falls exactly halfway down; TFLite's "
                                    "reference kernels and LiteRT round it away from zero"}};
    return result;
}

PoolCase spec(std::string name, tflite::BuiltinOperator op, DType type, std::vector<int32_t> shape,
              tflite::Padding padding, int32_t stride_h, int32_t stride_w, int32_t filter_h, int32_t filter_w,
              tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE, float scale = 0.05f,
              int64_t zero_point = 0) {
    PoolCase c;
    c.name = std::move(name);
    c.op = op;
    c.type = type;
    c.shape = std::move(shape);
    c.padding = padding;
    c.stride_h = stride_h;
    c.stride_w = stride_w;
    c.filter_h = filter_h;
    c.filter_w = filter_w;
    c.activation = activation;
    c.scale = scale;
    c.zero_point = zero_point;
    return c;
}

}  // namespace

std::vector<OpCase> pooling_op_cases() {
    using tflite::ActivationFunctionType_NONE;
    using tflite::ActivationFunctionType_RELU;
    using tflite::ActivationFunctionType_RELU6;
    using tflite::ActivationFunctionType_RELU_N1_TO_1;
    const auto kMax = tflite::BuiltinOperator_MAX_POOL_2D;
    const auto kAvg = tflite::BuiltinOperator_AVERAGE_POOL_2D;
    const auto kL2 = tflite::BuiltinOperator_L2_POOL_2D;
    const auto kSame = tflite::Padding_SAME;
    const auto kValid = tflite::Padding_VALID;
    const std::vector<PoolCase> specs = {
        // float32
        spec("MAX_POOL_2D_float_valid_2x2_s2", kMax, DType::kFloat32, {2, 8, 8, 3}, kValid, 2, 2, 2, 2),
        spec("MAX_POOL_2D_float_same_3x3_s2_relu6", kMax, DType::kFloat32, {1, 9, 7, 4}, kSame, 2, 2, 3, 3,
             ActivationFunctionType_RELU6),
        spec("AVERAGE_POOL_2D_float_same_3x3_s1", kAvg, DType::kFloat32, {1, 6, 5, 3}, kSame, 1, 1, 3, 3),
        spec("AVERAGE_POOL_2D_float_same_2x3_s2x1_relu", kAvg, DType::kFloat32, {2, 7, 6, 2}, kSame, 2, 1, 2, 3,
             ActivationFunctionType_RELU),
        spec("AVERAGE_POOL_2D_float_valid_3x2_s2_relu_n1", kAvg, DType::kFloat32, {1, 9, 8, 5}, kValid, 2, 2, 3, 2,
             ActivationFunctionType_RELU_N1_TO_1),
        spec("L2_POOL_2D_float_valid_2x2_s2", kL2, DType::kFloat32, {1, 8, 6, 3}, kValid, 2, 2, 2, 2),
        spec("L2_POOL_2D_float_same_3x3_s2", kL2, DType::kFloat32, {1, 7, 7, 2}, kSame, 2, 2, 3, 3),
        // int8
        spec("MAX_POOL_2D_int8_valid_2x2_s2", kMax, DType::kInt8, {1, 10, 10, 4}, kValid, 2, 2, 2, 2),
        spec("MAX_POOL_2D_int8_same_3x3_s2_relu6", kMax, DType::kInt8, {1, 9, 9, 4}, kSame, 2, 2, 3, 3,
             ActivationFunctionType_RELU6, 0.05f, -20),
        spec("AVERAGE_POOL_2D_int8_same_3x3_s2", kAvg, DType::kInt8, {2, 9, 9, 3}, kSame, 2, 2, 3, 3,
             ActivationFunctionType_NONE, 0.05f, 5),
        spec("AVERAGE_POOL_2D_int8_valid_2x3_s1_relu", kAvg, DType::kInt8, {1, 7, 8, 4}, kValid, 1, 1, 2, 3,
             ActivationFunctionType_RELU, 0.05f, -3),
        // uint8
        spec("MAX_POOL_2D_uint8_same_2x2_s2", kMax, DType::kUInt8, {1, 9, 9, 4}, kSame, 2, 2, 2, 2,
             ActivationFunctionType_NONE, 0.07f, 128),
        spec("AVERAGE_POOL_2D_uint8_same_3x3_s2_relu6", kAvg, DType::kUInt8, {1, 9, 9, 4}, kSame, 2, 2, 3, 3,
             ActivationFunctionType_RELU6, 0.07f, 120),
        spec("AVERAGE_POOL_2D_uint8_valid_2x2_s1", kAvg, DType::kUInt8, {1, 6, 6, 4}, kValid, 1, 1, 2, 2,
             ActivationFunctionType_NONE, 0.07f, 128),
        // int16 (16x8: symmetric, zero point 0)
        spec("MAX_POOL_2D_int16_same_3x3_s2", kMax, DType::kInt16, {1, 9, 9, 4}, kSame, 2, 2, 3, 3,
             ActivationFunctionType_NONE, 0.0005f, 0),
        spec("AVERAGE_POOL_2D_int16_same_3x3_s2_relu", kAvg, DType::kInt16, {1, 9, 9, 4}, kSame, 2, 2, 3, 3,
             ActivationFunctionType_RELU, 0.0005f, 0),
        spec("AVERAGE_POOL_2D_int16_valid_2x2_s2", kAvg, DType::kInt16, {1, 10, 10, 4}, kValid, 2, 2, 2, 2,
             ActivationFunctionType_NONE, 0.0005f, 0),
    };
    std::vector<OpCase> cases;
    for (const PoolCase& s : specs) cases.push_back(make_case(s));
    return cases;
}

}  // namespace litelab::test
