// Interop cases for the elementwise kernels: one single-operator model per operator x type,
// plus the options that change the arithmetic (broadcasting up to rank 6, fused activations,
// int16's power-of-two path, differing scales and zero points).
#include <string>
#include <utility>

#include "op_case.h"

namespace litelab::test {

namespace {

using tflite::ActivationFunctionType;
using tflite::BuiltinOperator;

// The options table of `op` with a fused activation (and pot_scale_int16 where it exists).
tflite::BuiltinOptionsUnion arithmetic_options(BuiltinOperator op, ActivationFunctionType act, bool pot_scale_int16 = false) {
    switch (op) {
        case BuiltinOperator::BuiltinOperator_ADD: {
            tflite::AddOptionsT o;
            o.fused_activation_function = act;
            o.pot_scale_int16 = pot_scale_int16;
            return options_of(o);
        }
        case BuiltinOperator::BuiltinOperator_SUB: {
            tflite::SubOptionsT o;
            o.fused_activation_function = act;
            o.pot_scale_int16 = pot_scale_int16;
            return options_of(o);
        }
        case BuiltinOperator::BuiltinOperator_MUL: {
            tflite::MulOptionsT o;
            o.fused_activation_function = act;
            return options_of(o);
        }
        case BuiltinOperator::BuiltinOperator_DIV: {
            tflite::DivOptionsT o;
            o.fused_activation_function = act;
            return options_of(o);
        }
        case BuiltinOperator::BuiltinOperator_MINIMUM:
        case BuiltinOperator::BuiltinOperator_MAXIMUM: return options_of(tflite::MaximumMinimumOptionsT{});
        default: return options_of(tflite::SquaredDifferenceOptionsT{});
    }
}

OpCase binary(std::string name, BuiltinOperator op, const Operand& a, const Operand& b, const Operand& out,
              ActivationFunctionType act = ActivationFunctionType::ActivationFunctionType_NONE, bool pot = false) {
    return case_of(std::move(name), single_op(op, {a, b}, out, arithmetic_options(op, act, pot)));
}

OpCase unary(std::string name, BuiltinOperator op, const Operand& in, const Operand& out) {
    return case_of(std::move(name), single_op(op, {in}, out));
}

OpCase in_int_range(OpCase c, int64_t low, int64_t high) {
    c.int_low = low;
    c.int_high = high;
    return c;
}
OpCase distrusting(OpCase c, std::string runtime, std::string why) {
    c.unreliable_peers.emplace_back(std::move(runtime), std::move(why));
    return c;
}

constexpr auto kNone = ActivationFunctionType::ActivationFunctionType_NONE;
constexpr auto kRelu = ActivationFunctionType::ActivationFunctionType_RELU;
constexpr auto kRelu6 = ActivationFunctionType::ActivationFunctionType_RELU6;
constexpr auto kReluN1To1 = ActivationFunctionType::ActivationFunctionType_RELU_N1_TO_1;

// 960 elements: enough that one rounding difference is 0.1%, not 1%.
const std::vector<int32_t> kShape{2, 6, 8, 10};

void add_sub_cases(std::vector<OpCase>& cases, BuiltinOperator op, const std::string& n) {
    cases.push_back(binary(n + "_float32", op, f32(kShape), f32(kShape), f32(kShape)));
    cases.push_back(binary(n + "_float32_broadcast_relu", op, f32({2, 1, 8, 1}), f32({6, 1, 10}), f32(kShape), kRelu));
    cases.push_back(binary(n + "_float32_rank6_broadcast_relu_n1_to_1", op, f32({2, 1, 3, 1, 2, 2}), f32({1, 2, 1, 4, 1, 2}),
                           f32({2, 2, 3, 4, 2, 2}), kReluN1To1));
    cases.push_back(in_int_range(binary(n + "_int32_relu6", op, plain(DType::kInt32, kShape), plain(DType::kInt32, {10}),
                                        plain(DType::kInt32, kShape), kRelu6),
                                 -10, 10));
    cases.push_back(in_int_range(binary(n + "_int64", op, plain(DType::kInt64, kShape), plain(DType::kInt64, kShape),
                                        plain(DType::kInt64, kShape)),
                                 -5'000'000'000, 5'000'000'000));
    cases.push_back(binary(n + "_int8", op, quantized(DType::kInt8, kShape, 0.0487f, -3),
                           quantized(DType::kInt8, kShape, 0.0213f, 7), quantized(DType::kInt8, kShape, 0.0693f, 2)));
    cases.push_back(binary(n + "_int8_broadcast_relu6", op, quantized(DType::kInt8, {2, 1, 8, 10}, 0.0419f, 10),
                           quantized(DType::kInt8, {6, 1, 1}, 0.0311f, -20),
                           quantized(DType::kInt8, kShape, 0.0487f, -128), kRelu6));
    cases.push_back(binary(n + "_uint8", op, quantized(DType::kUInt8, kShape, 0.0487f, 128),
                           quantized(DType::kUInt8, kShape, 0.0977f, 100),
                           quantized(DType::kUInt8, kShape, 0.1189f, 140)));
    cases.push_back(binary(n + "_uint8_broadcast_relu", op, quantized(DType::kUInt8, kShape, 0.0487f, 128),
                           quantized(DType::kUInt8, {10}, 0.0311f, 90), quantized(DType::kUInt8, kShape, 0.0583f, 0),
                           kRelu));
    cases.push_back(binary(n + "_int16", op, quantized(DType::kInt16, kShape, 0.000307f, 0),
                           quantized(DType::kInt16, kShape, 0.000213f, 0),
                           quantized(DType::kInt16, kShape, 0.000491f, 0)));
    cases.push_back(binary(n + "_int16_broadcast_relu", op, quantized(DType::kInt16, kShape, 0.000307f, 0),
                           quantized(DType::kInt16, {8, 1}, 0.000389f, 0),
                           quantized(DType::kInt16, kShape, 0.000491f, 0), kRelu));
    // Power-of-two scales with pot_scale_int16: TFLite's LSTM path (input 2 shifted right by 2).
    cases.push_back(distrusting(binary(n + "_int16_pot", op, quantized(DType::kInt16, kShape, 1.0f / 1024, 0),
                                       quantized(DType::kInt16, kShape, 1.0f / 4096, 0),
                                       quantized(DType::kInt16, kShape, 1.0f / 1024, 0), kNone, true),
                                "armnn",
                                "it rescales power-of-two int16 like any other scale, rounding the sum once "
                                "where TFLite rounds the shifted input"));
}

void mul_cases(std::vector<OpCase>& cases) {
    const auto op = BuiltinOperator::BuiltinOperator_MUL;
    cases.push_back(binary("MUL_float32", op, f32(kShape), f32(kShape), f32(kShape)));
    cases.push_back(binary("MUL_float32_broadcast_relu6", op, f32({1, 6, 1, 10}), f32({2, 1, 8, 1}), f32(kShape), kRelu6));
    cases.push_back(in_int_range(binary("MUL_int32_relu", op, plain(DType::kInt32, kShape), plain(DType::kInt32, {1}),
                                        plain(DType::kInt32, kShape), kRelu),
                                 -1000, 1000));
    cases.push_back(in_int_range(binary("MUL_int64", op, plain(DType::kInt64, kShape), plain(DType::kInt64, kShape),
                                        plain(DType::kInt64, kShape)),
                                 -3'000'000'000, 3'000'000'000));
    cases.push_back(binary("MUL_int8", op, quantized(DType::kInt8, kShape, 0.0487f, -3),
                           quantized(DType::kInt8, kShape, 0.0213f, 7), quantized(DType::kInt8, kShape, 0.0107f, 2)));
    cases.push_back(binary("MUL_int8_broadcast_relu", op, quantized(DType::kInt8, kShape, 0.0487f, 5),
                           quantized(DType::kInt8, {8, 10}, 0.0311f, -9),
                           quantized(DType::kInt8, kShape, 0.0213f, -128), kRelu));
    cases.push_back(binary("MUL_uint8", op, quantized(DType::kUInt8, kShape, 0.0487f, 128),
                           quantized(DType::kUInt8, {1}, 0.0977f, 100),
                           quantized(DType::kUInt8, kShape, 0.2871f, 120)));
    cases.push_back(binary("MUL_int16", op, quantized(DType::kInt16, kShape, 1.0f / 4096, 0),
                           quantized(DType::kInt16, kShape, 0.000307f, 0),
                           quantized(DType::kInt16, kShape, 0.00197f, 0)));
    cases.push_back(binary("MUL_int16_broadcast_relu_n1_to_1", op, quantized(DType::kInt16, kShape, 1.0f / 4096, 0),
                           quantized(DType::kInt16, {6, 1, 1}, 0.000307f, 0),
                           quantized(DType::kInt16, kShape, 0.000103f, 0), kReluN1To1));
}

void div_cases(std::vector<OpCase>& cases) {
    const auto op = BuiltinOperator::BuiltinOperator_DIV;
    cases.push_back(in_range(binary("DIV_float32", op, f32(kShape), f32(kShape), f32(kShape)), 0.5f, 2.0f));
    cases.push_back(
        in_range(binary("DIV_float32_broadcast_relu6", op, f32(kShape), f32({8, 1}), f32(kShape), kRelu6), 0.1f, 2.0f));
    cases.push_back(in_int_range(binary("DIV_int32", op, plain(DType::kInt32, kShape), plain(DType::kInt32, kShape),
                                        plain(DType::kInt32, kShape)),
                                 1, 100));
    // Divisors never equal their zero point: values 1..255 with zero point 0, -127..127 with -128.
    // Small dividends over large divisors make TFLite shift right by 32 bits or more: devices
    // (and LiteRT) then give the range's extremes, which we reproduce; Arm NN gives the exact quotient.
    const std::string big_shift = "it divides exactly where TFLite's quotient of a small dividend shifts by 32 bits or more";
    cases.push_back(distrusting(
        in_int_range(binary("DIV_uint8", op, quantized(DType::kUInt8, kShape, 0.4873f, 0),
                            quantized(DType::kUInt8, kShape, 0.0213f, 0), quantized(DType::kUInt8, kShape, 0.4873f, 3)),
                     1, 255),
        "armnn", big_shift));
    cases.push_back(distrusting(
        in_int_range(
            binary("DIV_uint8_broadcast_relu", op, quantized(DType::kUInt8, kShape, 0.4873f, 0),
                   quantized(DType::kUInt8, {10}, 0.0213f, 0), quantized(DType::kUInt8, kShape, 1.0f, 100), kRelu),
            1, 255),
        "armnn", big_shift));
    cases.push_back(distrusting(in_int_range(binary("DIV_int8", op, quantized(DType::kInt8, kShape, 0.0487f, 0),
                                                    quantized(DType::kInt8, kShape, 0.0213f, -128),
                                                    quantized(DType::kInt8, kShape, 0.0977f, -5)),
                                             -127, 127),
                                "armnn", big_shift));
}

void squared_difference_cases(std::vector<OpCase>& cases) {
    const auto op = BuiltinOperator::BuiltinOperator_SQUARED_DIFFERENCE;
    cases.push_back(binary("SQUARED_DIFFERENCE_float32", op, f32(kShape), f32(kShape), f32(kShape)));
    cases.push_back(binary("SQUARED_DIFFERENCE_float32_broadcast", op, f32({2, 1, 8, 10}), f32({6, 1, 1}), f32(kShape)));
    cases.push_back(in_int_range(binary("SQUARED_DIFFERENCE_int32", op, plain(DType::kInt32, kShape), plain(DType::kInt32, kShape),
                                        plain(DType::kInt32, kShape)),
                                 -1000, 1000));
    cases.push_back(binary("SQUARED_DIFFERENCE_int8", op, quantized(DType::kInt8, kShape, 0.0487f, -3),
                           quantized(DType::kInt8, kShape, 0.0419f, 7),
                           quantized(DType::kInt8, kShape, 0.0977f, -128)));
    cases.push_back(binary("SQUARED_DIFFERENCE_int8_broadcast", op, quantized(DType::kInt8, kShape, 0.0487f, 3),
                           quantized(DType::kInt8, {10}, 0.0487f, 3), quantized(DType::kInt8, kShape, 0.1957f, -128)));
}

void min_max_cases(std::vector<OpCase>& cases, BuiltinOperator op, const std::string& n) {
    cases.push_back(binary(n + "_float32", op, f32(kShape), f32(kShape), f32(kShape)));
    cases.push_back(binary(n + "_float32_broadcast", op, f32({2, 1, 8, 10}), f32({6, 1, 1}), f32(kShape)));
    cases.push_back(binary(n + "_int8_broadcast", op, quantized(DType::kInt8, kShape, 0.0487f, 3),
                           quantized(DType::kInt8, {8, 10}, 0.0487f, 3), quantized(DType::kInt8, kShape, 0.0487f, 3)));
    cases.push_back(binary(n + "_uint8", op, quantized(DType::kUInt8, kShape, 0.0487f, 128),
                           quantized(DType::kUInt8, kShape, 0.0487f, 128),
                           quantized(DType::kUInt8, kShape, 0.0487f, 128)));
    cases.push_back(binary(n + "_int16", op, quantized(DType::kInt16, kShape, 0.00103f, 0),
                           quantized(DType::kInt16, kShape, 0.00103f, 0),
                           quantized(DType::kInt16, kShape, 0.00103f, 0)));
    cases.push_back(in_int_range(binary(n + "_int32_broadcast", op, plain(DType::kInt32, kShape), plain(DType::kInt32, {10}),
                                        plain(DType::kInt32, kShape)),
                                 -1000, 1000));
    cases.push_back(in_int_range(binary(n + "_int64", op, plain(DType::kInt64, kShape), plain(DType::kInt64, kShape),
                                        plain(DType::kInt64, kShape)),
                                 -5'000'000'000, 5'000'000'000));
}

void unary_math_cases(std::vector<OpCase>& cases) {
    const auto sqrt = BuiltinOperator::BuiltinOperator_SQRT;
    const auto rsqrt = BuiltinOperator::BuiltinOperator_RSQRT;
    const auto exp = BuiltinOperator::BuiltinOperator_EXP;
    const auto log = BuiltinOperator::BuiltinOperator_LOG;
    cases.push_back(in_range(unary("SQRT_float32", sqrt, f32(kShape), f32(kShape)), 0.0f, 4.0f));
    cases.push_back(in_range(unary("RSQRT_float32", rsqrt, f32(kShape), f32(kShape)), 0.1f, 4.0f));
    // Zero point -128: every int8 value is >= 0.
    cases.push_back(unary("RSQRT_int8", rsqrt, quantized(DType::kInt8, kShape, 0.0213f, -128),
                          quantized(DType::kInt8, kShape, 0.0487f, -128)));
    cases.push_back(in_int_range(unary("RSQRT_int16", rsqrt, quantized(DType::kInt16, kShape, 0.000491f, 0),
                                       quantized(DType::kInt16, kShape, 0.00197f, 0)),
                                 0, 32767));
    cases.push_back(in_range(unary("EXP_float32", exp, f32(kShape), f32(kShape)), -4.0f, 4.0f));
    cases.push_back(unary("EXP_int8", exp, quantized(DType::kInt8, kShape, 0.0311f, 10),
                          quantized(DType::kInt8, kShape, 0.1957f, -128)));
    cases.push_back(distrusting(unary("EXP_int16", exp, quantized(DType::kInt16, kShape, 0.000103f, 0),
                                      quantized(DType::kInt16, kShape, 0.00103f, 0)),
                                "armnn",
                                "it computes exp in float, not through TFLite's interpolated 513-entry table"));
    cases.push_back(in_range(unary("LOG_float32", log, f32(kShape), f32(kShape)), 0.01f, 8.0f));
    cases.push_back(unary("LOG_int8", log, quantized(DType::kInt8, kShape, 0.0487f, -128),
                          quantized(DType::kInt8, kShape, 0.0419f, 40)));
    cases.push_back(in_int_range(unary("LOG_int16", log, quantized(DType::kInt16, kShape, 0.000307f, 0),
                                       quantized(DType::kInt16, kShape, 0.000213f, 0)),
                                 1, 32767));
}

void abs_neg_cases(std::vector<OpCase>& cases) {
    const auto abs = BuiltinOperator::BuiltinOperator_ABS;
    const auto neg = BuiltinOperator::BuiltinOperator_NEG;
    cases.push_back(unary("ABS_float32", abs, f32(kShape), f32(kShape)));
    cases.push_back(unary("ABS_int8", abs, quantized(DType::kInt8, kShape, 0.0487f, 10),
                          quantized(DType::kInt8, kShape, 0.0311f, -128)));
    cases.push_back(unary("ABS_int8_same_scale", abs, quantized(DType::kInt8, kShape, 0.0487f, -5),
                          quantized(DType::kInt8, kShape, 0.0487f, -128)));
    cases.push_back(unary("ABS_int16", abs, quantized(DType::kInt16, kShape, 0.00103f, 0),
                          quantized(DType::kInt16, kShape, 0.000693f, 0)));
    cases.push_back(in_int_range(unary("ABS_int32", abs, plain(DType::kInt32, kShape), plain(DType::kInt32, kShape)), -1000, 1000));
    cases.push_back(unary("NEG_float32", neg, f32(kShape), f32(kShape)));
    cases.push_back(in_int_range(unary("NEG_int32", neg, plain(DType::kInt32, kShape), plain(DType::kInt32, kShape)), -1000, 1000));
    cases.push_back(in_int_range(unary("NEG_int64", neg, plain(DType::kInt64, kShape), plain(DType::kInt64, kShape)),
                                 -5'000'000'000, 5'000'000'000));
    const std::string saturates = "it saturates the negation of the smallest value (-128 to 127) where TFLite wraps it";
    cases.push_back(distrusting(unary("NEG_int8", neg, quantized(DType::kInt8, kShape, 0.0487f, 0),
                                      quantized(DType::kInt8, kShape, 0.0487f, 0)),
                                "armnn", saturates));
    cases.push_back(distrusting(unary("NEG_int16", neg, quantized(DType::kInt16, kShape, 0.00103f, 0),
                                      quantized(DType::kInt16, kShape, 0.00103f, 0)),
                                "armnn", saturates));
}

}  // namespace

std::vector<OpCase> elementwise_op_cases() {
    std::vector<OpCase> cases;
    add_sub_cases(cases, BuiltinOperator::BuiltinOperator_ADD, "ADD");
    add_sub_cases(cases, BuiltinOperator::BuiltinOperator_SUB, "SUB");
    mul_cases(cases);
    div_cases(cases);
    squared_difference_cases(cases);
    min_max_cases(cases, BuiltinOperator::BuiltinOperator_MINIMUM, "MINIMUM");
    min_max_cases(cases, BuiltinOperator::BuiltinOperator_MAXIMUM, "MAXIMUM");
    unary_math_cases(cases);
    abs_neg_cases(cases);
    return cases;
}

}  // namespace litelab::test
