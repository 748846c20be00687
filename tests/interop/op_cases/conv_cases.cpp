// Interop cases for CONV_2D, DEPTHWISE_CONV_2D and TRANSPOSE_CONV: every type (float32; int8
// per-tensor and per-channel; legacy uint8; 16x8; hybrid float with int8 weights) with SAME and
// VALID padding, strides, dilations, groups, depth multipliers, fused activations, batches, and
// shapes large enough for the im2col + GEMM paths.
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "model/builder.h"
#include "op_case.h"

namespace litelab::test {

namespace {

enum class Kind {
    kFloat,
    kInt8PerTensor,
    kInt8PerChannel,
    kUInt8,
    kInt16,
    kHybridPerTensor,
    kHybridPerChannel,
};

struct ConvSpec {
    std::string name;
    tflite::BuiltinOperator op = tflite::BuiltinOperator_CONV_2D;
    Kind kind = Kind::kFloat;
    std::vector<int32_t> input;  // NHWC
    int32_t out_channels = 1;    // CONV_2D / TRANSPOSE_CONV filters; DEPTHWISE: the multiplier
    int32_t filter_h = 3;
    int32_t filter_w = 3;
    tflite::Padding padding = tflite::Padding_SAME;
    int32_t stride = 1;
    int32_t dilation = 1;
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
    bool bias = true;
    int32_t groups = 1;  // CONV_2D only
    int32_t version = 1;
};

int32_t out_size(tflite::Padding padding, int32_t in, int32_t filter, int32_t stride, int32_t dilation) {
    const int32_t effective = (filter - 1) * dilation + 1;
    return padding == tflite::Padding_SAME ? (in + stride - 1) / stride : (in + stride - effective) / stride;
}

bool is_quantized(Kind k) {
    return k != Kind::kFloat && k != Kind::kHybridPerTensor && k != Kind::kHybridPerChannel;
}
bool per_channel(Kind k) {
    return k == Kind::kInt8PerChannel || k == Kind::kInt16 || k == Kind::kHybridPerChannel;
}

DType activation_type(Kind k) {
    switch (k) {
        case Kind::kInt8PerTensor:
        case Kind::kInt8PerChannel:
            return DType::kInt8;
        case Kind::kUInt8:
            return DType::kUInt8;
        case Kind::kInt16:
            return DType::kInt16;
        default:
            return DType::kFloat32;
    }
}

// Input scale and zero point chosen so that random inputs over the type's full range are
// plausible activations (about [-2.5, 2.5]).
Quantization input_quantization(Kind k) {
    switch (k) {
        case Kind::kInt8PerTensor:
        case Kind::kInt8PerChannel:
            return quant(0.02f, -3);
        case Kind::kUInt8:
            return quant(0.02f, 131);
        case Kind::kInt16:
            return quant(2.5f / 32768.0f, 0);
        default:
            return {};
    }
}

OpCase make_case(const ConvSpec& c) {
    std::mt19937 rng(static_cast<uint32_t>(std::hash<std::string>{}(c.name) & 0xffffffffu));
    std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
    const bool depthwise = c.op == tflite::BuiltinOperator_DEPTHWISE_CONV_2D;
    const bool transpose = c.op == tflite::BuiltinOperator_TRANSPOSE_CONV;
    const int32_t batches = c.input[0], height = c.input[1], width = c.input[2], in_c = c.input[3];
    const int32_t out_c = depthwise ? in_c * c.out_channels : c.out_channels;
    const int32_t filter_in = depthwise ? 1 : in_c / c.groups;
    std::vector<int32_t> filter_shape = depthwise ? std::vector<int32_t>{1, c.filter_h, c.filter_w, out_c}
                                                  : std::vector<int32_t>{out_c, c.filter_h, c.filter_w, filter_in};
    const int32_t axis = depthwise ? 3 : 0;
    // Transposed: the output is what a convolution of it (same padding/stride) would read.
    const bool valid = c.padding == tflite::Padding_VALID;
    const int32_t out_h = transpose ? (valid ? (height - 1) * c.stride + c.filter_h : height * c.stride)
                                    : out_size(c.padding, height, c.filter_h, c.stride, c.dilation);
    const int32_t out_w = transpose ? (valid ? (width - 1) * c.stride + c.filter_w : width * c.stride)
                                    : out_size(c.padding, width, c.filter_w, c.stride, c.dilation);
    const int64_t weights = int64_t{out_c} * c.filter_h * c.filter_w * filter_in;
    // Products summed per output: sets output scales so results spread over ~±40 steps.
    const double taps = static_cast<double>(c.filter_h * c.filter_w * (depthwise ? 1 : filter_in)) /
                        (transpose ? static_cast<double>(c.stride * c.stride) : 1.0);
    const double spread = std::sqrt(std::max(1.0, taps));

    ModelBuilder b;
    const DType type = activation_type(c.kind);
    std::optional<Quantization> in_q, out_q, w_q;
    Bytes filter_data;
    DType filter_type = DType::kFloat32;
    std::vector<float> w_scales(static_cast<size_t>(out_c), 0.008f);
    if (per_channel(c.kind))
        for (auto& s : w_scales) s = 0.004f + 0.008f * (unit(rng) + 1.0f) / 2.0f;
    if (c.kind == Kind::kFloat) {
        std::vector<float> w(static_cast<size_t>(weights));
        for (auto& v : w) v = unit(rng);
        filter_data = bytes_of(w);
    } else {
        Quantization q;
        q.scale = per_channel(c.kind) ? w_scales : std::vector<float>{w_scales[0]};
        q.zero_point.assign(q.scale.size(), 0);
        q.quantized_dimension = per_channel(c.kind) ? axis : 0;
        if (c.kind == Kind::kUInt8) {
            q.zero_point = {122};
            std::vector<uint8_t> w(static_cast<size_t>(weights));
            for (auto& v : w) v = static_cast<uint8_t>(std::uniform_int_distribution<int>(0, 255)(rng));
            filter_data = bytes_of(w);
            filter_type = DType::kUInt8;
        } else {
            std::vector<int8_t> w(static_cast<size_t>(weights));
            for (auto& v : w) v = static_cast<int8_t>(std::uniform_int_distribution<int>(-127, 127)(rng));
            filter_data = bytes_of(w);
            filter_type = DType::kInt8;
        }
        w_q = q;
    }
    if (is_quantized(c.kind)) {
        in_q = input_quantization(c.kind);
        const double in_range = c.kind == Kind::kInt16 ? 10000.0 : 74.0;  // std of random inputs, in steps
        const double acc_std = spread * in_range * 73.0 * in_q->scale[0] * w_scales[0];
        const double steps = c.kind == Kind::kInt16 ? 6000.0 : 40.0;
        const int64_t out_zero_point = c.kind == Kind::kUInt8 ? 125 : c.kind == Kind::kInt16 ? 0 : 4;
        out_q = quant(static_cast<float>(acc_std / steps), out_zero_point);
    }

    std::vector<int32_t> op_inputs;
    if (transpose)
        op_inputs.push_back(
            b.add_int32_constant("output_shape", {4}, std::vector<int32_t>{batches, out_h, out_w, out_c}));
    const int32_t filter = b.add_tensor("filter", filter_type, filter_shape, filter_data, w_q);
    const int32_t input = b.add_tensor("input", type, c.input, {}, in_q);
    if (transpose) {
        op_inputs.push_back(filter);
        op_inputs.push_back(input);
    } else {
        op_inputs.push_back(input);
        op_inputs.push_back(filter);
    }
    if (c.bias) {
        if (is_quantized(c.kind)) {
            // In accumulator units (input scale * filter scale), about one sum's spread.
            const double acc_std = spread * (c.kind == Kind::kInt16 ? 10000.0 : 74.0) * 73.0;
            std::vector<int64_t> values(static_cast<size_t>(out_c));
            for (auto& v : values) v = std::llround(unit(rng) * acc_std);
            if (c.kind == Kind::kInt16) {
                op_inputs.push_back(b.add_tensor("bias", DType::kInt64, {out_c}, bytes_of(values)));
            } else {
                std::vector<int32_t> narrow(values.begin(), values.end());
                op_inputs.push_back(b.add_tensor("bias", DType::kInt32, {out_c}, bytes_of(narrow)));
            }
        } else {
            std::vector<float> values(static_cast<size_t>(out_c));
            for (auto& v : values) v = unit(rng);
            op_inputs.push_back(b.add_float_constant("bias", {out_c}, values));
        }
    } else if (!transpose) {
        op_inputs.push_back(-1);
    }
    const int32_t output = b.add_tensor("output", type, {batches, out_h, out_w, out_c}, {}, out_q);

    tflite::BuiltinOptionsUnion options;
    if (depthwise)
        options =
            depthwise_options(c.padding, c.stride, c.stride, c.out_channels, c.activation, c.dilation, c.dilation);
    else if (transpose)
        options = transpose_conv_options(c.padding, c.stride, c.stride, c.activation);
    else
        options = conv_options(c.padding, c.stride, c.stride, c.activation, c.dilation, c.dilation);
    b.add_operator(c.op, op_inputs, {output}, std::move(options), c.version);
    b.set_inputs({input});
    b.set_outputs({output});

    OpCase result = case_of(c.name, std::move(b).finish());
    if (c.kind == Kind::kFloat && taps >= 100) {
        // Sums of 100+ products taken in another order (GEMM blocking, SIMD lanes) differ by a
        // few 1e-6 where they cancel to near zero.
        result.atol = 1e-5;
    }
    if (!c.bias && !transpose) {
        result.no_peer_reason =
            "TFLite's CONV_2D and DEPTHWISE_CONV_2D require a bias tensor (all three peers refuse -1)";
    }
    if (c.groups != 1) result.unreliable_peers.push_back({"armnn", "Arm NN 20.08 ignores convolution groups"});
    if (c.kind == Kind::kHybridPerTensor) {
        // Per-channel hybrid models run on LiteRT's builtin kernels and agree closely; this one
        // LiteRT hands to XNNPACK, which does not quantize the input the way TFLite's hybrid
        // kernel does (differences of a few 1e-2). Classic TFLite must agree.
        result.unreliable_peers.push_back({"litert", "XNNPACK skips TFLite's hybrid input quantization"});
    }
    return result;
}

ConvSpec conv(std::string name, Kind kind, std::vector<int32_t> input, int32_t out_channels, int32_t filter,
              tflite::Padding padding, int32_t stride, int32_t version) {
    ConvSpec c;
    c.name = std::move(name);
    c.kind = kind;
    c.input = std::move(input);
    c.out_channels = out_channels;
    c.filter_h = c.filter_w = filter;
    c.padding = padding;
    c.stride = stride;
    c.version = version;
    return c;
}

ConvSpec with(ConvSpec c, tflite::BuiltinOperator op) {
    c.op = op;
    return c;
}
ConvSpec with_activation(ConvSpec c, tflite::ActivationFunctionType a) {
    c.activation = a;
    return c;
}
ConvSpec with_dilation(ConvSpec c, int32_t d) {
    c.dilation = d;
    return c;
}
ConvSpec without_bias(ConvSpec c) {
    c.bias = false;
    return c;
}
ConvSpec with_groups(ConvSpec c, int32_t g) {
    c.groups = g;
    return c;
}

}  // namespace

std::vector<OpCase> conv_op_cases() {
    using tflite::ActivationFunctionType_RELU;
    using tflite::ActivationFunctionType_RELU6;
    using tflite::ActivationFunctionType_RELU_N1_TO_1;
    const auto kSame = tflite::Padding_SAME;
    const auto kValid = tflite::Padding_VALID;
    const auto kDepthwise = tflite::BuiltinOperator_DEPTHWISE_CONV_2D;
    const auto kTranspose = tflite::BuiltinOperator_TRANSPOSE_CONV;
    const std::vector<ConvSpec> specs = {
        // CONV_2D float32
        conv("CONV_2D_float_same_3x3", Kind::kFloat, {1, 8, 7, 3}, 4, 3, kSame, 1, 1),
        with_activation(conv("CONV_2D_float_valid_3x3_s2_relu", Kind::kFloat, {2, 9, 9, 4}, 5, 3, kValid, 2, 1),
                        ActivationFunctionType_RELU),
        with_activation(
            with_dilation(
                conv("CONV_2D_float_same_3x3_dilation2_relu6", Kind::kFloat, {1, 10, 9, 3}, 4, 3, kSame, 1, 2), 2),
            ActivationFunctionType_RELU6),
        with_activation(conv("CONV_2D_float_valid_2x2_s1_relu_n1", Kind::kFloat, {1, 5, 6, 2}, 3, 2, kValid, 1, 1),
                        ActivationFunctionType_RELU_N1_TO_1),
        conv("CONV_2D_float_1x1_gemm", Kind::kFloat, {1, 16, 16, 32}, 24, 1, kValid, 1, 1),
        conv("CONV_2D_float_same_3x3_s2_gemm", Kind::kFloat, {1, 28, 28, 16}, 32, 3, kSame, 2, 1),
        without_bias(conv("CONV_2D_float_same_3x3_no_bias", Kind::kFloat, {1, 6, 6, 2}, 3, 3, kSame, 1, 1)),
        with_groups(conv("CONV_2D_float_grouped", Kind::kFloat, {1, 6, 6, 8}, 6, 3, kSame, 1, 6), 2),
        // CONV_2D int8
        conv("CONV_2D_int8_per_channel_same_3x3", Kind::kInt8PerChannel, {1, 8, 8, 3}, 5, 3, kSame, 1, 3),
        conv("CONV_2D_int8_per_tensor_valid_3x3_s2", Kind::kInt8PerTensor, {2, 9, 9, 4}, 6, 3, kValid, 2, 3),
        with_activation(
            with_dilation(
                conv("CONV_2D_int8_dilation2_relu6", Kind::kInt8PerChannel, {1, 10, 10, 3}, 4, 3, kSame, 1, 3), 2),
            ActivationFunctionType_RELU6),
        with_activation(conv("CONV_2D_int8_relu_gemm", Kind::kInt8PerChannel, {1, 28, 28, 16}, 32, 3, kSame, 2, 3),
                        ActivationFunctionType_RELU),
        conv("CONV_2D_int8_1x1_gemm", Kind::kInt8PerChannel, {1, 16, 16, 32}, 24, 1, kValid, 1, 3),
        // CONV_2D uint8
        conv("CONV_2D_uint8_same_3x3", Kind::kUInt8, {1, 8, 8, 3}, 4, 3, kSame, 1, 1),
        with_activation(conv("CONV_2D_uint8_valid_s2_relu6_gemm", Kind::kUInt8, {1, 20, 20, 8}, 16, 3, kValid, 2, 1),
                        ActivationFunctionType_RELU6),
        // CONV_2D 16x8
        conv("CONV_2D_int16_same_3x3", Kind::kInt16, {1, 8, 8, 3}, 4, 3, kSame, 1, 4),
        with_activation(conv("CONV_2D_int16_valid_s2_relu", Kind::kInt16, {1, 9, 9, 4}, 5, 3, kValid, 2, 4),
                        ActivationFunctionType_RELU),
        // CONV_2D hybrid
        conv("CONV_2D_hybrid_per_tensor_same_3x3", Kind::kHybridPerTensor, {2, 8, 8, 3}, 4, 3, kSame, 1, 2),
        with_activation(
            conv("CONV_2D_hybrid_per_channel_s2_relu", Kind::kHybridPerChannel, {2, 9, 9, 4}, 6, 3, kSame, 2, 5),
            ActivationFunctionType_RELU),
        conv("CONV_2D_hybrid_per_channel_gemm", Kind::kHybridPerChannel, {1, 20, 20, 16}, 16, 3, kSame, 1, 5),

        // DEPTHWISE_CONV_2D
        with(conv("DEPTHWISE_CONV_2D_float_same_3x3", Kind::kFloat, {1, 8, 8, 4}, 1, 3, kSame, 1, 1), kDepthwise),
        with_activation(
            with(conv("DEPTHWISE_CONV_2D_float_valid_s2_mult2_relu6", Kind::kFloat, {2, 9, 9, 3}, 2, 3, kValid, 2, 1),
                 kDepthwise),
            ActivationFunctionType_RELU6),
        with_dilation(with(conv("DEPTHWISE_CONV_2D_float_dilation2", Kind::kFloat, {1, 10, 10, 2}, 1, 3, kSame, 1, 2),
                           kDepthwise),
                      2),
        without_bias(
            with(conv("DEPTHWISE_CONV_2D_float_no_bias", Kind::kFloat, {1, 6, 6, 3}, 1, 3, kSame, 1, 1), kDepthwise)),
        with(conv("DEPTHWISE_CONV_2D_int8_per_channel_same", Kind::kInt8PerChannel, {1, 8, 8, 6}, 1, 3, kSame, 1, 3),
             kDepthwise),
        with_activation(with(conv("DEPTHWISE_CONV_2D_int8_per_tensor_s2_mult2_relu", Kind::kInt8PerTensor, {1, 9, 9, 3},
                                  2, 3, kSame, 2, 3),
                             kDepthwise),
                        ActivationFunctionType_RELU),
        with(conv("DEPTHWISE_CONV_2D_uint8_same", Kind::kUInt8, {1, 8, 8, 4}, 1, 3, kSame, 1, 1), kDepthwise),
        // 37 channels: two blocks of 16 summed in registers and a remainder of 5.
        with(conv("DEPTHWISE_CONV_2D_uint8_37_channels_s2", Kind::kUInt8, {1, 7, 7, 37}, 1, 3, kSame, 2, 1),
             kDepthwise),
        with(conv("DEPTHWISE_CONV_2D_int8_per_channel_37_channels", Kind::kInt8PerChannel, {2, 6, 6, 37}, 1, 3, kValid,
                  1, 3),
             kDepthwise),
        // One input channel, 11 filters: a block of 8 summed in registers and a remainder of 3.
        with(conv("DEPTHWISE_CONV_2D_uint8_one_channel_mult11", Kind::kUInt8, {1, 9, 8, 1}, 11, 3, kSame, 2, 1),
             kDepthwise),
        with(conv("DEPTHWISE_CONV_2D_int8_per_channel_one_channel_mult11", Kind::kInt8PerChannel, {2, 7, 7, 1}, 11, 3,
                  kValid, 1, 3),
             kDepthwise),
        with(conv("DEPTHWISE_CONV_2D_int16_same", Kind::kInt16, {1, 8, 8, 4}, 1, 3, kSame, 1, 5), kDepthwise),
        with(conv("DEPTHWISE_CONV_2D_hybrid_per_channel", Kind::kHybridPerChannel, {2, 8, 8, 4}, 1, 3, kSame, 1, 6),
             kDepthwise),

        // TRANSPOSE_CONV
        with(conv("TRANSPOSE_CONV_float_same_s2", Kind::kFloat, {1, 5, 5, 3}, 4, 3, kSame, 2, 3), kTranspose),
        without_bias(with(conv("TRANSPOSE_CONV_float_valid_s1_no_bias", Kind::kFloat, {1, 4, 5, 2}, 3, 3, kValid, 1, 1),
                          kTranspose)),
        with_activation(
            with(conv("TRANSPOSE_CONV_float_same_s2_relu", Kind::kFloat, {2, 4, 4, 3}, 2, 3, kSame, 2, 4), kTranspose),
            ActivationFunctionType_RELU),
        with(conv("TRANSPOSE_CONV_int8_per_channel_same_s2", Kind::kInt8PerChannel, {1, 5, 5, 3}, 4, 3, kSame, 2, 3),
             kTranspose),
        with(conv("TRANSPOSE_CONV_uint8_valid_s2", Kind::kUInt8, {1, 4, 4, 2}, 3, 3, kValid, 2, 2), kTranspose),
        with(conv("TRANSPOSE_CONV_int16_same_s2", Kind::kInt16, {1, 4, 4, 3}, 2, 3, kSame, 2, 3), kTranspose),
        with(conv("TRANSPOSE_CONV_hybrid_same_s2", Kind::kHybridPerChannel, {1, 5, 5, 3}, 4, 3, kSame, 2, 3),
             kTranspose),
    };
    std::vector<OpCase> cases;
    for (const ConvSpec& s : specs) cases.push_back(make_case(s));
    return cases;
}

}  // namespace litelab::test
