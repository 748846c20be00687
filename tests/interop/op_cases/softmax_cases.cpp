// Interop cases for SOFTMAX (every input/output type pair TFLite has, several betas),
// LOG_SOFTMAX and L2_NORMALIZATION.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/builder.h"
#include "op_case.h"

namespace litelab::test {

namespace {

struct Q {
    float scale = 1.0f;
    int64_t zero_point = 0;
};

std::optional<Quantization> quantization(std::optional<Q> q) {
    if (!q) return std::nullopt;
    Quantization result;
    result.scale = {q->scale};
    result.zero_point = {q->zero_point};
    return result;
}

OpCase unary_case(std::string name, tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options, DType in_type,
                  DType out_type, std::vector<int32_t> shape, std::optional<Q> in_q = std::nullopt,
                  std::optional<Q> out_q = std::nullopt) {
    ModelBuilder b;
    const int32_t in = b.add_tensor("input", in_type, shape, {}, quantization(in_q));
    const int32_t out = b.add_tensor("output", out_type, shape, {}, quantization(out_q));
    b.add_operator(op, {in}, {out}, std::move(options));
    b.set_inputs({in});
    b.set_outputs({out});
    OpCase c;
    c.name = std::move(name);
    c.model = std::move(b).finish();
    return c;
}

OpCase softmax_case(std::string name, float beta, DType in_type, DType out_type, std::vector<int32_t> shape,
                    std::optional<Q> in_q = std::nullopt, std::optional<Q> out_q = std::nullopt) {
    tflite::SoftmaxOptionsT options;
    options.beta = beta;
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(options));
    return unary_case(std::move(name), tflite::BuiltinOperator_SOFTMAX, std::move(u), in_type, out_type,
                      std::move(shape), in_q, out_q);
}

OpCase log_softmax_case(std::string name, DType type, std::vector<int32_t> shape,
                        std::optional<Q> in_q = std::nullopt) {
    std::optional<Q> out_q;
    if (type == DType::kInt8) out_q = Q{16.0f / 256, 127};
    if (type == DType::kUInt8) out_q = Q{16.0f / 256, 255};
    tflite::BuiltinOptionsUnion u;
    u.Set(tflite::LogSoftmaxOptionsT{});
    return unary_case(std::move(name), tflite::BuiltinOperator_LOG_SOFTMAX, std::move(u), type, type, std::move(shape),
                      in_q, out_q);
}

OpCase l2_norm_case(std::string name, DType type, std::vector<int32_t> shape, std::optional<Q> in_q = std::nullopt) {
    std::optional<Q> out_q;
    if (type == DType::kInt8) out_q = Q{1.0f / 128, 0};
    if (type == DType::kUInt8) out_q = Q{1.0f / 128, 128};
    tflite::BuiltinOptionsUnion u;
    u.Set(tflite::L2NormOptionsT{});
    return unary_case(std::move(name), tflite::BuiltinOperator_L2_NORMALIZATION, std::move(u), type, type,
                      std::move(shape), in_q, out_q);
}

}  // namespace

std::vector<OpCase> softmax_op_cases() {
    const DType f32 = DType::kFloat32;
    const DType s8 = DType::kInt8;
    const DType u8 = DType::kUInt8;
    const DType s16 = DType::kInt16;
    const Q int8_probabilities{1.0f / 256, -128};
    const Q uint8_probabilities{1.0f / 256, 0};
    const Q int16_from_8bit{1.0f / 65536, -32768};
    std::vector<OpCase> cases = {
        softmax_case("SOFTMAX_float_beta1", 1.0f, f32, f32, {4, 10}),
        softmax_case("SOFTMAX_float_beta0p5_4d", 0.5f, f32, f32, {1, 3, 4, 6}),
        softmax_case("SOFTMAX_float_beta2_1d", 2.0f, f32, f32, {16}),
        softmax_case("SOFTMAX_int8_int8", 1.0f, s8, s8, {8, 32}, Q{0.0473f, 3}, int8_probabilities),
        softmax_case("SOFTMAX_int8_int8_beta0p7_wide", 0.7f, s8, s8, {4, 100}, Q{0.0973f, -10}, int8_probabilities),
        softmax_case("SOFTMAX_int8_int16", 1.0f, s8, s16, {8, 32}, Q{0.0513f, 0}, int16_from_8bit),
        softmax_case("SOFTMAX_uint8_uint8", 1.0f, u8, u8, {8, 32}, Q{0.0487f, 128}, uint8_probabilities),
        softmax_case("SOFTMAX_uint8_int16", 1.0f, u8, s16, {4, 3, 20}, Q{0.0411f, 120}, int16_from_8bit),
        softmax_case("SOFTMAX_int16_int16", 1.0f, s16, s16, {8, 32}, Q{0.000213f, 0}, Q{1.0f / 32768, 0}),
        softmax_case("SOFTMAX_int16_int16_beta0p5", 0.5f, s16, s16, {2, 4, 16}, Q{0.000311f, 0}, Q{1.0f / 32768, 0}),
        log_softmax_case("LOG_SOFTMAX_float", f32, {4, 9}),
        log_softmax_case("LOG_SOFTMAX_float_3d", f32, {2, 3, 5}),
        log_softmax_case("LOG_SOFTMAX_int8", s8, {8, 32}, Q{0.0497f, 0}),
        log_softmax_case("LOG_SOFTMAX_uint8", u8, {8, 32}, Q{0.0511f, 128}),
        l2_norm_case("L2_NORMALIZATION_float", f32, {4, 8}),
        l2_norm_case("L2_NORMALIZATION_float_4d", f32, {1, 2, 3, 6}),
        l2_norm_case("L2_NORMALIZATION_int8", s8, {8, 32}, Q{0.0473f, 0}),
        l2_norm_case("L2_NORMALIZATION_uint8", u8, {8, 32}, Q{0.0473f, 128}),
    };
    // Spread the float logits so some rows are dominated by one value and others are flat.
    for (OpCase& c : cases) {
        c.low = -4.0f;
        c.high = 4.0f;
        if (c.name.starts_with("SOFTMAX_int16"))
            c.unreliable_peers = {{"armnn",
                                   "Arm NN 20.08 computes int16 SOFTMAX in float; TFLite's table-based kernel (which "
                                   "LiteRT runs) differs from it by up to 8 steps of 1/32768"}};
    }
    return cases;
}

}  // namespace litelab::test
