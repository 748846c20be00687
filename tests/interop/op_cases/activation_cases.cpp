// Interop cases for the activation kernels: each op in float32 and in every integer type
// TFLite computes it in, with scales and zero points that make the rescales non-trivial.
#include "op_case.h"

namespace litelab::test {

namespace {

using Op = tflite::BuiltinOperator;

const std::vector<int32_t> kShape = {1, 6, 6, 4};

OpCase unary(std::string name, Op op, DType type, std::optional<Quantization> in, std::optional<Quantization> out,
             tflite::BuiltinOptionsUnion options = {}, std::vector<int32_t> shape = kShape) {
    return case_of(std::move(name),
                   single_op(op, {activation(type, shape, std::move(in))}, activation(type, shape, std::move(out)),
                             std::move(options)));
}

// Arm NN's reference backend computes quantized activations in float (dequantize, function,
// requantize), not in TFLite's integer arithmetic: near rounding ties its integers differ.
OpCase armnn_in_float(OpCase c) {
    c.unreliable_peers.emplace_back("armnn", "Arm NN computes quantized activations in float, not in TFLite's integer arithmetic");
    return c;
}

// PRELU with a constant alpha of `alpha_shape` (broadcast against kShape).
template <class T>
OpCase prelu(std::string name, DType type, std::optional<Quantization> in, std::optional<Quantization> alpha_q,
             std::optional<Quantization> out, std::vector<int32_t> alpha_shape, std::vector<T> alpha) {
    return case_of(std::move(name), single_op(Op::BuiltinOperator_PRELU,
                                              {activation(type, kShape, std::move(in)),
                                               constant(type, std::move(alpha_shape), alpha, std::move(alpha_q))},
                                              activation(type, kShape, std::move(out))));
}

void add_float_cases(std::vector<OpCase>& cases) {
    const DType f = DType::kFloat32;
    cases.push_back(in_range(unary("RELU_float32", Op::BuiltinOperator_RELU, f, {}, {}), -4, 4));
    cases.push_back(in_range(unary("RELU6_float32", Op::BuiltinOperator_RELU6, f, {}, {}), -8, 8));
    cases.push_back(in_range(unary("RELU_N1_TO_1_float32", Op::BuiltinOperator_RELU_N1_TO_1, f, {}, {}), -2, 2));
    cases.push_back(in_range(unary("RELU_0_TO_1_float32", Op::BuiltinOperator_RELU_0_TO_1, f, {}, {}), -2, 2));
    cases.push_back(in_range(
        unary("LEAKY_RELU_float32", Op::BuiltinOperator_LEAKY_RELU, f, {}, {}, leaky_relu_options(0.2f)), -4, 4));
    cases.push_back(in_range(unary("LOGISTIC_float32", Op::BuiltinOperator_LOGISTIC, f, {}, {}), -10, 10));
    cases.push_back(in_range(unary("TANH_float32", Op::BuiltinOperator_TANH, f, {}, {}), -5, 5));
    cases.push_back(in_range(unary("HARD_SWISH_float32", Op::BuiltinOperator_HARD_SWISH, f, {}, {}), -5, 5));
    cases.push_back(in_range(unary("ELU_float32", Op::BuiltinOperator_ELU, f, {}, {}), -5, 5));
    cases.push_back(in_range(unary("GELU_float32", Op::BuiltinOperator_GELU, f, {}, {}, gelu_options(false)), -5, 5));
    cases.push_back(
        in_range(unary("GELU_float32_approximate", Op::BuiltinOperator_GELU, f, {}, {}, gelu_options(true)), -5, 5));
    cases.push_back(in_range(prelu<float>("PRELU_float32_per_channel", f, {}, {}, {}, {1, 1, 4},
                                            {0.1f, -0.5f, 0.25f, 2.0f}),
                               -3, 3));
    std::vector<float> full(6 * 6 * 4);
    for (size_t i = 0; i < full.size(); ++i) full[i] = static_cast<float>(i % 7) * 0.15f - 0.3f;
    cases.push_back(in_range(prelu<float>("PRELU_float32_same_shape", f, {}, {}, {}, {1, 6, 6, 4}, full), -3, 3));
    cases.push_back(in_range(prelu<float>("PRELU_float32_per_row", f, {}, {}, {}, {6, 1, 1},
                                            {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}),
                               -3, 3));
}

void add_8bit_cases(std::vector<OpCase>& cases) {
    for (const DType type : {DType::kInt8, DType::kUInt8}) {
        const bool s = type == DType::kInt8;
        const std::string t = s ? "_int8" : "_uint8";
        const int64_t z = s ? 0 : 128;  // a zero point near the middle
        const int64_t low = s ? -128 : 0;
        cases.push_back(
            armnn_in_float(unary("RELU" + t, Op::BuiltinOperator_RELU, type, quant(0.05f, z - 10), quant(0.03f, low))));
        cases.push_back(armnn_in_float(
            unary("RELU6" + t, Op::BuiltinOperator_RELU6, type, quant(0.06f, z + 5), quant(6.0f / 255, low))));
        cases.push_back(unary("RELU_0_TO_1" + t, Op::BuiltinOperator_RELU_0_TO_1, type, quant(0.01f, z + 3),
                              quant(1.0f / 255, low)));
        cases.push_back(unary("RELU_N1_TO_1" + t, Op::BuiltinOperator_RELU_N1_TO_1, type, quant(0.02f, z + 3),
                              quant(1.0f / 127, z)));
        cases.push_back(armnn_in_float(unary("LEAKY_RELU" + t, Op::BuiltinOperator_LEAKY_RELU, type,
                                             quant(0.04f, z + 7), quant(0.035f, z - 20), leaky_relu_options(0.1f))));
        cases.push_back(
            unary("LOGISTIC" + t, Op::BuiltinOperator_LOGISTIC, type, quant(0.06f, z + 4), quant(1.0f / 256, low)));
        cases.push_back(unary("TANH" + t, Op::BuiltinOperator_TANH, type, quant(0.03f, z - 6), quant(1.0f / 128, z)));
        cases.push_back(
            unary("HARD_SWISH" + t, Op::BuiltinOperator_HARD_SWISH, type, quant(0.04f, z + 10), quant(0.03f, z - 60)));
        cases.push_back(unary("GELU" + t, Op::BuiltinOperator_GELU, type, quant(0.04f, z - 3), quant(0.025f, z - 10),
                              gelu_options(false)));
        cases.push_back(unary("GELU" + t + "_approximate", Op::BuiltinOperator_GELU, type, quant(0.04f, z - 3),
                              quant(0.025f, z - 10), gelu_options(true)));
        if (s) {
            cases.push_back(unary("ELU_int8", Op::BuiltinOperator_ELU, type, quant(0.05f, 20), quant(0.04f, 0)));
            cases.push_back(prelu<int8_t>("PRELU_int8_per_channel", type, quant(0.05f, 5), quant(0.01f, 0),
                                          quant(0.04f, -3), {1, 1, 4}, {10, -50, 25, 127}));
        } else {
            cases.push_back(prelu<uint8_t>("PRELU_uint8_per_channel", type, quant(0.05f, 130), quant(0.01f, 100),
                                           quant(0.04f, 120), {1, 1, 4}, {110, 50, 125, 227}));
        }
    }
}

void add_int16_cases(std::vector<OpCase>& cases) {
    const DType i16 = DType::kInt16;
    const Quantization out15 = quant(1.0f / 32768, 0);
    cases.push_back(
        armnn_in_float(unary("RELU_int16", Op::BuiltinOperator_RELU, i16, quant(0.001f, 0), quant(0.0007f, 0))));
    cases.push_back(armnn_in_float(
        unary("RELU6_int16", Op::BuiltinOperator_RELU6, i16, quant(0.0005f, 0), quant(6.0f / 32767, 0))));
    cases.push_back(armnn_in_float(unary("LEAKY_RELU_int16", Op::BuiltinOperator_LEAKY_RELU, i16, quant(0.0004f, 0),
                                         quant(0.0003f, 0), leaky_relu_options(0.3f))));
    // TFLite: gemmlowp's 16-bit fixed point for power-of-two input scales (2^-12, and 2^-11 for
    // tanh), an interpolated sigmoid table otherwise.
    cases.push_back(armnn_in_float(
        unary("LOGISTIC_int16_power_of_two", Op::BuiltinOperator_LOGISTIC, i16, quant(1.0f / 4096, 0), out15)));
    cases.push_back(
        armnn_in_float(unary("LOGISTIC_int16", Op::BuiltinOperator_LOGISTIC, i16, quant(1.0f / 3000, 0), out15)));
    cases.push_back(
        armnn_in_float(unary("TANH_int16_power_of_two", Op::BuiltinOperator_TANH, i16, quant(1.0f / 4096, 0), out15)));
    cases.push_back(armnn_in_float(
        unary("TANH_int16_power_of_two_shift", Op::BuiltinOperator_TANH, i16, quant(1.0f / 2048, 0), out15)));
    cases.push_back(armnn_in_float(unary("TANH_int16", Op::BuiltinOperator_TANH, i16, quant(1.0f / 5000, 0), out15)));
}

}  // namespace

std::vector<OpCase> activation_op_cases() {
    std::vector<OpCase> cases;
    add_float_cases(cases);
    add_8bit_cases(cases);
    add_int16_cases(cases);
    return cases;
}

}  // namespace litelab::test
