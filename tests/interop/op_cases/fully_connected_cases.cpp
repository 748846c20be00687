// Interop cases for the fully_connected family: FULLY_CONNECTED (float, int8 per tensor and per
// channel, uint8, 16x8, hybrid symmetric / asymmetric / per channel; bias or none, fused
// activations, keep_num_dims, shapes large enough for the tiled fast path) and BATCH_MATMUL
// (float with adj_x / adj_y and broadcast batches, constant or variable RHS, int8, int16, 16x8,
// hybrid). Weights are drawn from fixed seeds; output scales follow the expected spread of the
// sums so that outputs use their range without saturating.
#include <algorithm>
#include <cmath>
#include <random>

#include "model/builder.h"
#include "op_case.h"

namespace litelab::test {

namespace {

// Where a peer computes differently from TFLite's reference (as LiteLab follows it).
constexpr const char* kTfwebWideFc =
    "2022-era TFLite rescales 16x8 FULLY_CONNECTED sums with the 64-bit fixed-point multiply; LiteRT, followed "
    "here, scales them in double (up to 1 LSB apart)";
constexpr const char* kLitertSymmetricHybrid =
    "LiteRT runs hybrid kernels through XNNPACK, which quantizes each input row asymmetrically even when "
    "asymmetric_quantize_inputs is false (differences of a quantization step)";
constexpr const char* kTfwebPerChannelHybrid =
    "2022-era TFLite's hybrid FULLY_CONNECTED uses the weights' per-tensor scale, 0 for per-channel weights, and "
    "outputs the bias alone";

// Values drawn from `seed` alone, so that every case is the same on every run.
template <class T>
std::vector<T> random_ints(uint32_t seed, int64_t count, int64_t low, int64_t high) {
    std::mt19937 rng(seed);
    return random_values<T>(rng, static_cast<size_t>(count), static_cast<double>(low), static_cast<double>(high));
}

std::vector<float> random_floats(uint32_t seed, int64_t count, float range) {
    std::mt19937 rng(seed);
    return random_values<float>(rng, static_cast<size_t>(count), -range, range);
}

std::vector<float> channel_scales(int32_t count, float base) {
    std::vector<float> scales;
    for (int32_t c = 0; c < count; ++c) scales.push_back(base * (0.6f + 0.1f * static_cast<float>(c % 9)));
    return scales;
}

int64_t product(const std::vector<int32_t>& shape) {
    int64_t n = 1;
    for (int32_t d : shape) n *= d;
    return n;
}

// The spread of a sum of `depth` products of values spread over +-a and +-b (uniform).
float sum_spread(int64_t depth, float a, float b) { return std::sqrt(static_cast<float>(depth)) * a * b / 3.0f; }

OpCase finish_case(std::string name, ModelBuilder& b, int32_t output) {
    b.set_outputs({output});
    return case_of(std::move(name), std::move(b).finish());
}

// FULLY_CONNECTED ------------------------------------------------------------------------------

struct FcSpec {
    std::string name;
    std::vector<int32_t> input_shape;
    int32_t units = 8;
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
    bool bias = true;
    bool keep_num_dims = false;
};

int32_t fc_depth(const FcSpec& s) { return s.input_shape.back(); }

// The peers allocate outputs by their stored shape: store the one the operator produces.
std::vector<int32_t> fc_output_shape(const FcSpec& s) {
    if (s.keep_num_dims) {
        std::vector<int32_t> shape = s.input_shape;
        shape.back() = s.units;
        return shape;
    }
    return {static_cast<int32_t>(product(s.input_shape) / fc_depth(s)), s.units};
}

// Without a bias the operator has two inputs (Arm NN refuses an omitted input, -1).
std::vector<int32_t> fc_inputs(int32_t input, int32_t weights, int32_t bias) {
    return bias < 0 ? std::vector<int32_t>{input, weights} : std::vector<int32_t>{input, weights, bias};
}

OpCase float_fc(const FcSpec& s, uint32_t seed) {
    ModelBuilder b;
    const int32_t depth = fc_depth(s);
    const int32_t in = b.add_tensor("input", DType::kFloat32, s.input_shape);
    const auto weights = random_floats(seed, int64_t{s.units} * depth, 1.0f / std::sqrt(static_cast<float>(depth)));
    const int32_t w = b.add_float_constant("weights", {s.units, depth}, weights);
    const int32_t bias = s.bias ? b.add_float_constant("bias", {s.units}, random_floats(seed + 1, s.units, 0.5f)) : -1;
    const int32_t out = b.add_tensor("output", DType::kFloat32, fc_output_shape(s));
    b.add_operator(tflite::BuiltinOperator_FULLY_CONNECTED, fc_inputs(in, w, bias), {out},
                   fc_options(s.activation, s.keep_num_dims));
    b.set_inputs({in});
    return finish_case(s.name, b, out);
}

enum class WeightScales { kPerTensor, kPerChannel };

// int8 / uint8 / 16x8: activations over their full range, weights over +-100 (uint8: 0..255).
OpCase integer_fc(const FcSpec& s, DType activations, WeightScales scales, uint32_t seed) {
    ModelBuilder b;
    const int32_t depth = fc_depth(s);
    const bool uint8 = activations == DType::kUInt8;
    const bool wide = activations == DType::kInt16;
    const DType weight_type = uint8 ? DType::kUInt8 : DType::kInt8;
    const float in_scale = wide ? 1.0f / 4096.0f : 1.0f / 64.0f;
    const int64_t in_zp = wide ? 0 : (uint8 ? 128 : 3);
    const float w_scale = 1.0f / 256.0f;
    const int64_t w_zp = uint8 ? 125 : 0;
    const float in_spread = wide ? 32768.0f : 128.0f;
    // Real outputs spread over about a quarter of the output range.
    const float out_real = sum_spread(depth, in_spread * in_scale, 100.0f * w_scale);
    const float out_scale = out_real / (wide ? 8192.0f : 32.0f);
    const int64_t out_zp = wide ? 0 : (uint8 ? 120 : -5);

    const int32_t in = b.add_tensor("input", activations, s.input_shape, {}, quant(in_scale, in_zp));
    const Quantization wq = scales == WeightScales::kPerChannel ? channel_quant(channel_scales(s.units, w_scale), 0)
                                                                : quant(w_scale, w_zp);
    const Bytes weights = uint8 ? bytes_of(random_ints<uint8_t>(seed, int64_t{s.units} * depth, 25, 225))
                                : bytes_of(random_ints<int8_t>(seed, int64_t{s.units} * depth, -100, 100));
    const int32_t w = b.add_tensor("weights", weight_type, {s.units, depth}, weights, wq);
    int32_t bias = -1;
    if (s.bias) {
        // Bias of about one output step's worth of sums either way, at scale in * w (the peers
        // check the bias's own quantization: Arm NN refuses one without).
        const auto range = static_cast<int64_t>(out_real / (in_scale * w_scale));
        Quantization bq = wq;
        for (float& scale : bq.scale) scale *= in_scale;
        bq.zero_point.assign(bq.scale.size(), 0);
        bias = wide ? b.add_tensor("bias", DType::kInt64, {s.units},
                                   bytes_of(random_ints<int64_t>(seed + 1, s.units, -range, range)), bq)
                    : b.add_tensor("bias", DType::kInt32, {s.units},
                                   bytes_of(random_ints<int32_t>(seed + 1, s.units, -range, range)), bq);
    }
    const int32_t out = b.add_tensor("output", activations, fc_output_shape(s), {}, quant(out_scale, out_zp));
    b.add_operator(tflite::BuiltinOperator_FULLY_CONNECTED, fc_inputs(in, w, bias), {out},
                   fc_options(s.activation, s.keep_num_dims));
    b.set_inputs({in});
    OpCase c = finish_case(s.name, b, out);
    if (wide)
        c.unreliable_peers.emplace_back("tfweb", kTfwebWideFc);
    return c;
}

// Hybrid: float input, int8 weights, the input quantized per row at run time.
OpCase hybrid_fc(const FcSpec& s, WeightScales scales, bool asymmetric, uint32_t seed) {
    ModelBuilder b;
    const int32_t depth = fc_depth(s);
    const float w_scale = 1.0f / (100.0f * std::sqrt(static_cast<float>(depth)));
    const int32_t in = b.add_tensor("input", DType::kFloat32, s.input_shape);
    const Quantization wq = scales == WeightScales::kPerChannel ? channel_quant(channel_scales(s.units, w_scale), 0)
                                                                : quant(w_scale, 0);
    const int32_t w = b.add_tensor("weights", DType::kInt8, {s.units, depth},
                                   bytes_of(random_ints<int8_t>(seed, int64_t{s.units} * depth, -127, 127)), wq);
    const int32_t bias = s.bias ? b.add_float_constant("bias", {s.units}, random_floats(seed + 1, s.units, 0.5f)) : -1;
    const int32_t out = b.add_tensor("output", DType::kFloat32, fc_output_shape(s));
    b.add_operator(tflite::BuiltinOperator_FULLY_CONNECTED, fc_inputs(in, w, bias), {out},
                   fc_options(s.activation, s.keep_num_dims, asymmetric));
    b.set_inputs({in});
    OpCase c = finish_case(s.name, b, out);
    if (!asymmetric) c.unreliable_peers.emplace_back("litert", kLitertSymmetricHybrid);
    if (scales == WeightScales::kPerChannel) c.unreliable_peers.emplace_back("tfweb", kTfwebPerChannelHybrid);
    return c;
}

// BATCH_MATMUL ---------------------------------------------------------------------------------

struct BmmSpec {
    std::string name;
    std::vector<int32_t> lhs_shape;
    std::vector<int32_t> rhs_shape;
    bool adj_x = false;
    bool adj_y = false;
    bool constant_rhs = false;
};

int32_t bmm_depth(const BmmSpec& s) {
    return s.adj_x ? s.lhs_shape[s.lhs_shape.size() - 2] : s.lhs_shape.back();
}

// Broadcast batch dimensions, then rows of the LHS by columns of the RHS.
std::vector<int32_t> bmm_output_shape(const BmmSpec& s) {
    const size_t rank = std::max(s.lhs_shape.size(), s.rhs_shape.size());
    auto dim = [rank](const std::vector<int32_t>& shape, size_t i) {
        const size_t pad = rank - shape.size();
        return i < pad ? 1 : shape[i - pad];
    };
    std::vector<int32_t> shape;
    for (size_t i = 0; i + 2 < rank; ++i) shape.push_back(std::max(dim(s.lhs_shape, i), dim(s.rhs_shape, i)));
    const size_t l = s.lhs_shape.size();
    const size_t r = s.rhs_shape.size();
    shape.push_back(s.adj_x ? s.lhs_shape[l - 1] : s.lhs_shape[l - 2]);
    shape.push_back(s.adj_y ? s.rhs_shape[r - 2] : s.rhs_shape[r - 1]);
    return shape;
}

OpCase float_bmm(const BmmSpec& s, uint32_t seed) {
    ModelBuilder b;
    const int32_t lhs = b.add_tensor("lhs", DType::kFloat32, s.lhs_shape);
    const int32_t rhs = s.constant_rhs
                            ? b.add_float_constant("rhs", s.rhs_shape, random_floats(seed, product(s.rhs_shape), 1.0f))
                            : b.add_tensor("rhs", DType::kFloat32, s.rhs_shape);
    const int32_t out = b.add_tensor("output", DType::kFloat32, bmm_output_shape(s));
    b.add_operator(tflite::BuiltinOperator_BATCH_MATMUL, {lhs, rhs}, {out}, bmm_options(s.adj_x, s.adj_y));
    b.set_inputs(s.constant_rhs ? std::vector<int32_t>{lhs} : std::vector<int32_t>{lhs, rhs});
    return finish_case(s.name, b, out);
}

// int8 x int8 -> int8, int16 x int16 -> int16, int16 x int8 -> int16.
OpCase integer_bmm(const BmmSpec& s, DType lhs_type, DType rhs_type, uint32_t seed) {
    ModelBuilder b;
    const int32_t depth = bmm_depth(s);
    const bool wide = lhs_type == DType::kInt16;
    const float lhs_spread = wide ? 32768.0f : 128.0f;
    const float rhs_spread = rhs_type == DType::kInt16 ? 32768.0f : 128.0f;
    const float l_scale = 1.0f / lhs_spread;
    const float r_scale = 1.0f / rhs_spread;
    const float out_real = sum_spread(depth, 1.0f, 1.0f);
    const float out_scale = out_real / (wide ? 8192.0f : 32.0f);
    const int32_t lhs = b.add_tensor("lhs", lhs_type, s.lhs_shape, {}, quant(l_scale, wide ? 0 : -2));
    const Quantization rq = quant(r_scale, wide ? 0 : 4);
    int32_t rhs = 0;
    if (s.constant_rhs) {
        const int64_t n = product(s.rhs_shape);
        rhs = b.add_tensor("rhs", rhs_type, s.rhs_shape,
                           rhs_type == DType::kInt16 ? bytes_of(random_ints<int16_t>(seed, n, -32768, 32767))
                                                     : bytes_of(random_ints<int8_t>(seed, n, -128, 127)),
                           rq);
    } else {
        rhs = b.add_tensor("rhs", rhs_type, s.rhs_shape, {}, rq);
    }
    const int32_t out = b.add_tensor("output", lhs_type, bmm_output_shape(s), {}, quant(out_scale, wide ? 0 : 7));
    b.add_operator(tflite::BuiltinOperator_BATCH_MATMUL, {lhs, rhs}, {out}, bmm_options(s.adj_x, s.adj_y));
    b.set_inputs(s.constant_rhs ? std::vector<int32_t>{lhs} : std::vector<int32_t>{lhs, rhs});
    return finish_case(s.name, b, out);
}

OpCase hybrid_bmm(const BmmSpec& s, bool asymmetric, uint32_t seed) {
    ModelBuilder b;
    const int32_t depth = bmm_depth(s);
    const int32_t lhs = b.add_tensor("lhs", DType::kFloat32, s.lhs_shape);
    const float w_scale = 1.0f / (100.0f * std::sqrt(static_cast<float>(depth)));
    const int32_t rhs = b.add_tensor("rhs", DType::kInt8, s.rhs_shape,
                                     bytes_of(random_ints<int8_t>(seed, product(s.rhs_shape), -127, 127)),
                                     quant(w_scale, 0));
    const int32_t out = b.add_tensor("output", DType::kFloat32, bmm_output_shape(s));
    b.add_operator(tflite::BuiltinOperator_BATCH_MATMUL, {lhs, rhs}, {out}, bmm_options(s.adj_x, s.adj_y, asymmetric));
    b.set_inputs({lhs});
    OpCase c = finish_case(s.name, b, out);
    if (!asymmetric) c.unreliable_peers.emplace_back("litert", kLitertSymmetricHybrid);
    return c;
}

}  // namespace

std::vector<OpCase> fully_connected_op_cases() {
    using Act = tflite::ActivationFunctionType;
    std::vector<OpCase> cases;

    // FULLY_CONNECTED, float.
    cases.push_back(float_fc({"FULLY_CONNECTED_float", {3, 16}, 8}, 1));
    cases.push_back(float_fc({"FULLY_CONNECTED_float_relu_no_bias", {4, 10}, 6, Act::ActivationFunctionType_RELU, false}, 2));
    cases.push_back(float_fc({"FULLY_CONNECTED_float_relu6_keep_num_dims", {2, 3, 12}, 5,
                              Act::ActivationFunctionType_RELU6, true, true}, 3));
    cases.push_back(float_fc({"FULLY_CONNECTED_float_relu_n1_flattened", {2, 4, 6}, 7,
                              Act::ActivationFunctionType_RELU_N1_TO_1}, 4));
    cases.push_back(float_fc({"FULLY_CONNECTED_float_large", {40, 300}, 280}, 5));
    cases.back().atol = 1e-5;  // sums of 300 products, in another order than the peers

    // int8 with weights per tensor and per channel, uint8, 16x8.
    cases.push_back(integer_fc({"FULLY_CONNECTED_int8", {3, 32}, 10}, DType::kInt8, WeightScales::kPerTensor, 11));
    cases.push_back(integer_fc({"FULLY_CONNECTED_int8_relu_no_bias", {4, 20}, 9, Act::ActivationFunctionType_RELU, false},
                               DType::kInt8, WeightScales::kPerTensor, 12));
    cases.push_back(integer_fc({"FULLY_CONNECTED_int8_per_channel_relu6_keep_num_dims", {2, 3, 24}, 12,
                                Act::ActivationFunctionType_RELU6, true, true},
                               DType::kInt8, WeightScales::kPerChannel, 13));
    cases.push_back(integer_fc({"FULLY_CONNECTED_int8_per_channel_large", {33, 260}, 140}, DType::kInt8,
                               WeightScales::kPerChannel, 14));
    cases.push_back(integer_fc({"FULLY_CONNECTED_uint8", {3, 32}, 10}, DType::kUInt8, WeightScales::kPerTensor, 15));
    cases.push_back(integer_fc({"FULLY_CONNECTED_uint8_relu_n1", {5, 17}, 6, Act::ActivationFunctionType_RELU_N1_TO_1},
                               DType::kUInt8, WeightScales::kPerTensor, 16));
    cases.push_back(integer_fc({"FULLY_CONNECTED_int16", {3, 32}, 10}, DType::kInt16, WeightScales::kPerTensor, 17));
    cases.push_back(integer_fc({"FULLY_CONNECTED_int16_per_channel_relu", {4, 24}, 8, Act::ActivationFunctionType_RELU},
                               DType::kInt16, WeightScales::kPerChannel, 18));

    // Hybrid.
    cases.push_back(hybrid_fc({"FULLY_CONNECTED_hybrid", {3, 32}, 10}, WeightScales::kPerTensor, false, 21));
    cases.push_back(hybrid_fc({"FULLY_CONNECTED_hybrid_asymmetric_per_channel_relu", {4, 24}, 12,
                               Act::ActivationFunctionType_RELU},
                              WeightScales::kPerChannel, true, 22));
    cases.push_back(hybrid_fc({"FULLY_CONNECTED_hybrid_asymmetric", {3, 32}, 10}, WeightScales::kPerTensor, true, 23));
    cases.push_back(hybrid_fc({"FULLY_CONNECTED_hybrid_asymmetric_per_channel_no_bias", {2, 40}, 9,
                               Act::ActivationFunctionType_NONE, false},
                              WeightScales::kPerChannel, true, 24));
    cases.push_back(hybrid_fc({"FULLY_CONNECTED_hybrid_tanh", {2, 16}, 6, Act::ActivationFunctionType_TANH},
                              WeightScales::kPerTensor, false, 25));

    // BATCH_MATMUL, float.
    cases.push_back(float_bmm({"BATCH_MATMUL_float", {2, 3, 4}, {2, 4, 5}}, 31));
    cases.push_back(float_bmm({"BATCH_MATMUL_float_adj_x_adj_y", {2, 4, 3}, {2, 5, 4}, true, true}, 32));
    cases.push_back(float_bmm({"BATCH_MATMUL_float_adj_y_broadcast", {2, 1, 3, 6}, {3, 4, 6}, false, true}, 33));
    cases.push_back(float_bmm({"BATCH_MATMUL_float_constant_rhs", {3, 5, 8}, {8, 6}, false, false, true}, 34));
    cases.push_back(float_bmm({"BATCH_MATMUL_float_large", {2, 70, 130}, {130, 90}, false, false, true}, 35));
    cases.back().atol = 1e-5;  // sums of 130 products of values up to 1, in another order

    // Integer.
    cases.push_back(integer_bmm({"BATCH_MATMUL_int8", {2, 3, 16}, {2, 16, 5}}, DType::kInt8, DType::kInt8, 41));
    cases.push_back(integer_bmm({"BATCH_MATMUL_int8_constant_rhs_adj_x", {2, 12, 4}, {12, 6}, true, false, true},
                                DType::kInt8, DType::kInt8, 42));
    cases.push_back(integer_bmm({"BATCH_MATMUL_int8_broadcast_adj_y", {3, 1, 4, 10}, {2, 6, 10}, false, true},
                                DType::kInt8, DType::kInt8, 43));
    cases.push_back(integer_bmm({"BATCH_MATMUL_int16", {2, 3, 16}, {2, 16, 5}}, DType::kInt16, DType::kInt16, 44));
    cases.push_back(integer_bmm({"BATCH_MATMUL_int16_int8_constant_rhs", {3, 12}, {12, 7}, false, false, true},
                                DType::kInt16, DType::kInt8, 45));

    // Hybrid.
    cases.push_back(hybrid_bmm({"BATCH_MATMUL_hybrid", {2, 3, 16}, {16, 5}, false, false, true}, false, 51));
    cases.push_back(hybrid_bmm({"BATCH_MATMUL_hybrid_asymmetric_adj_y", {4, 12}, {6, 12}, false, true, true}, true, 52));
    return cases;
}

}  // namespace litelab::test
