// Interop cases for SOFTMAX (every input/output type pair TFLite has, several betas),
// LOG_SOFTMAX and L2_NORMALIZATION.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "op_case.h"

namespace litelab::test {

namespace {

OpCase unary_case(std::string name, tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options, DType in_type,
                  DType out_type, std::vector<int32_t> shape, std::optional<Quantization> in_q = std::nullopt,
                  std::optional<Quantization> out_q = std::nullopt) {
    return case_of(std::move(name), single_op(op, {activation(in_type, shape, std::move(in_q))},
                                              activation(out_type, shape, std::move(out_q)), std::move(options)));
}

OpCase softmax_case(std::string name, float beta, DType in_type, DType out_type, std::vector<int32_t> shape,
                    std::optional<Quantization> in_q = std::nullopt, std::optional<Quantization> out_q = std::nullopt) {
    return unary_case(std::move(name), tflite::BuiltinOperator_SOFTMAX, softmax_options(beta), in_type, out_type,
                      std::move(shape), in_q, out_q);
}

OpCase log_softmax_case(std::string name, DType type, std::vector<int32_t> shape,
                        std::optional<Quantization> in_q = std::nullopt) {
    std::optional<Quantization> out_q;
    if (type == DType::kInt8) out_q = quant(16.0f / 256, 127);
    if (type == DType::kUInt8) out_q = quant(16.0f / 256, 255);
    return unary_case(std::move(name), tflite::BuiltinOperator_LOG_SOFTMAX, options_of(tflite::LogSoftmaxOptionsT{}),
                      type, type, std::move(shape), in_q, out_q);
}

OpCase l2_norm_case(std::string name, DType type, std::vector<int32_t> shape,
                    std::optional<Quantization> in_q = std::nullopt) {
    std::optional<Quantization> out_q;
    if (type == DType::kInt8) out_q = quant(1.0f / 128, 0);
    if (type == DType::kUInt8) out_q = quant(1.0f / 128, 128);
    return unary_case(std::move(name), tflite::BuiltinOperator_L2_NORMALIZATION, options_of(tflite::L2NormOptionsT{}),
                      type, type, std::move(shape), in_q, out_q);
}

}  // namespace

std::vector<OpCase> softmax_op_cases() {
    const DType f32 = DType::kFloat32;
    const DType s8 = DType::kInt8;
    const DType u8 = DType::kUInt8;
    const DType s16 = DType::kInt16;
    const Quantization int8_probabilities = quant(1.0f / 256, -128);
    const Quantization uint8_probabilities = quant(1.0f / 256, 0);
    const Quantization int16_from_8bit = quant(1.0f / 65536, -32768);
    std::vector<OpCase> cases = {
        softmax_case("SOFTMAX_float_beta1", 1.0f, f32, f32, {4, 10}),
        softmax_case("SOFTMAX_float_beta0p5_4d", 0.5f, f32, f32, {1, 3, 4, 6}),
        softmax_case("SOFTMAX_float_beta2_1d", 2.0f, f32, f32, {16}),
        softmax_case("SOFTMAX_int8_int8", 1.0f, s8, s8, {8, 32}, quant(0.0473f, 3), int8_probabilities),
        softmax_case("SOFTMAX_int8_int8_beta0p7_wide", 0.7f, s8, s8, {4, 100}, quant(0.0973f, -10), int8_probabilities),
        softmax_case("SOFTMAX_int8_int16", 1.0f, s8, s16, {8, 32}, quant(0.0513f, 0), int16_from_8bit),
        softmax_case("SOFTMAX_uint8_uint8", 1.0f, u8, u8, {8, 32}, quant(0.0487f, 128), uint8_probabilities),
        softmax_case("SOFTMAX_uint8_int16", 1.0f, u8, s16, {4, 3, 20}, quant(0.0411f, 120), int16_from_8bit),
        softmax_case("SOFTMAX_int16_int16", 1.0f, s16, s16, {8, 32}, quant(0.000213f, 0), quant(1.0f / 32768, 0)),
        softmax_case("SOFTMAX_int16_int16_beta0p5", 0.5f, s16, s16, {2, 4, 16}, quant(0.000311f, 0),
                     quant(1.0f / 32768, 0)),
        log_softmax_case("LOG_SOFTMAX_float", f32, {4, 9}),
        log_softmax_case("LOG_SOFTMAX_float_3d", f32, {2, 3, 5}),
        log_softmax_case("LOG_SOFTMAX_int8", s8, {8, 32}, quant(0.0497f, 0)),
        log_softmax_case("LOG_SOFTMAX_uint8", u8, {8, 32}, quant(0.0511f, 128)),
        l2_norm_case("L2_NORMALIZATION_float", f32, {4, 8}),
        l2_norm_case("L2_NORMALIZATION_float_4d", f32, {1, 2, 3, 6}),
        l2_norm_case("L2_NORMALIZATION_int8", s8, {8, 32}, quant(0.0473f, 0)),
        l2_norm_case("L2_NORMALIZATION_uint8", u8, {8, 32}, quant(0.0473f, 128)),
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
