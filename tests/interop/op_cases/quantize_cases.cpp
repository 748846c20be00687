// Interop cases for QUANTIZE (float to integer, requantization), DEQUANTIZE (per tensor, per
// channel, float16 weights folded at compile time) and CAST between the common types.
#include "model/builder.h"
#include "op_case.h"

namespace litelab::test {

namespace {

using Op = tflite::BuiltinOperator;

const std::vector<int32_t> kShape = {2, 5, 7};

OpCase one_op(std::string name, Op op, DType in_type, std::optional<Quantization> in_q, DType out_type,
              std::optional<Quantization> out_q, std::vector<int32_t> shape = kShape) {
    return case_of(std::move(name), single_op(op, {activation(in_type, shape, std::move(in_q))},
                                              activation(out_type, shape, std::move(out_q))));
}

void add_quantize_cases(std::vector<OpCase>& cases) {
    const auto q = Op::BuiltinOperator_QUANTIZE;
    const DType f = DType::kFloat32, i8 = DType::kInt8, u8 = DType::kUInt8, i16 = DType::kInt16;
    auto from_float = [&](std::string name, DType type, Quantization out) {
        // Inputs past both ends of every output range below.
        return in_range(one_op(std::move(name), q, f, std::nullopt, type, std::move(out)), -3.0f, 3.0f);
    };
    cases.push_back(from_float("QUANTIZE_float32_int8", i8, quant(0.02f, -5)));
    cases.push_back(from_float("QUANTIZE_float32_uint8", u8, quant(0.015f, 120)));
    cases.push_back(from_float("QUANTIZE_float32_int16", i16, quant(1.0f / 16384, 0)));
    cases.push_back(from_float("QUANTIZE_float32_int8_per_channel", i8,
                               channel_quant({0.01f, 0.02f, 0.005f, 0.03f, 0.015f}, {0, 3, -2, 0, 1}, 1)));

    cases.push_back(one_op("QUANTIZE_int8_uint8", q, i8, quant(0.02f, -3), u8, quant(0.02f, 125)));
    cases.push_back(one_op("QUANTIZE_uint8_int8", q, u8, quant(0.02f, 131), i8, quant(0.03f, 2)));
    // Same-type 8-bit requantization runs in XNNPACK under LiteRT (and the classic interpreter's
    // XNNPACK delegate), with an 8-bit multiplier; LiteLab follows them, Arm NN does not.
    for (OpCase c : {one_op("QUANTIZE_int8_int8", q, i8, quant(0.02f, -3), i8, quant(0.037f, 9)),
                     one_op("QUANTIZE_uint8_uint8", q, u8, quant(0.05f, 128), u8, quant(0.011f, 140))}) {
        c.unreliable_peers.emplace_back("armnn", "Arm NN requantizes with TFLite's reference multiplier, not XNNPACK's");
        cases.push_back(std::move(c));
    }
    cases.push_back(one_op("QUANTIZE_int16_int8", q, i16, quant(0.0005f, 0), i8, quant(0.12f, -4)));
    OpCase int16 = one_op("QUANTIZE_int16_int16", q, i16, quant(0.0005f, 0), i16, quant(0.0013f, 0));
    int16.unreliable_peers.emplace_back("armnn", "Arm NN requantizes in float, not in TFLite's integer arithmetic");
    cases.push_back(std::move(int16));
}

void add_dequantize_cases(std::vector<OpCase>& cases) {
    const auto d = Op::BuiltinOperator_DEQUANTIZE;
    const DType f = DType::kFloat32;
    cases.push_back(one_op("DEQUANTIZE_int8", d, DType::kInt8, quant(0.02f, -5), f, std::nullopt));
    cases.push_back(one_op("DEQUANTIZE_uint8", d, DType::kUInt8, quant(0.015f, 120), f, std::nullopt));
    cases.push_back(one_op("DEQUANTIZE_int16", d, DType::kInt16, quant(1.0f / 16384, 0), f, std::nullopt));

    // Weights as a converter writes them: constants, per channel, dequantized for a float op.
    // PRELU (whose alpha broadcasts along the last dimension) consumes them.
    auto with_weights = [&](std::string name, DType type, Bytes weights, std::optional<Quantization> wq) {
        ModelBuilder b;
        const int32_t x = b.add_tensor("x", f, {1, 4, 4, 5});
        const int32_t w = b.add_tensor("w", type, {1, 1, 5}, std::move(weights), std::move(wq));
        const int32_t w32 = b.add_tensor("w_float", f, {1, 1, 5});
        const int32_t y = b.add_tensor("y", f, {1, 4, 4, 5});
        b.add_operator(d, {w}, {w32});
        b.add_operator(Op::BuiltinOperator_PRELU, {x, w32}, {y});
        b.set_inputs({x});
        b.set_outputs({y});
        return in_range(case_of(std::move(name), std::move(b).finish()), -2.0f, 2.0f);
    };
    cases.push_back(with_weights("DEQUANTIZE_int8_per_channel_weights", DType::kInt8,
                                 bytes_of(std::vector<int8_t>{10, -20, 100, 7, -128}),
                                 channel_quant({0.01f, 0.02f, 0.005f, 0.03f, 0.015f}, 2)));
    // float16 0.1, -0.5, 2.0, 0.333, -1.25
    cases.push_back(with_weights("DEQUANTIZE_float16_weights", DType::kFloat16,
                                 bytes_of(std::vector<uint16_t>{0x2E66, 0xB800, 0x4000, 0x3555, 0xBD00}),
                                 std::nullopt));
}

void add_cast_cases(std::vector<OpCase>& cases) {
    const auto cast = Op::BuiltinOperator_CAST;
    const DType f = DType::kFloat32, i32 = DType::kInt32, i64 = DType::kInt64, u8 = DType::kUInt8, i8 = DType::kInt8,
                i16 = DType::kInt16, b = DType::kBool;
    auto plain = [&](std::string name, DType from, DType to, float low = -100.0f, float high = 100.0f) {
        return in_range(one_op(std::move(name), cast, from, std::nullopt, to, std::nullopt), low, high);
    };
    cases.push_back(plain("CAST_float32_int32", f, i32));
    cases.push_back(plain("CAST_int32_float32", i32, f));
    cases.push_back(plain("CAST_float32_int64", f, i64));
    cases.push_back(plain("CAST_int64_float32", i64, f));
    cases.push_back(plain("CAST_int32_int64", i32, i64));
    cases.push_back(plain("CAST_int64_int32", i64, i32));
    cases.push_back(plain("CAST_float32_uint8", f, u8, 0.0f, 255.0f));
    cases.push_back(plain("CAST_uint8_float32", u8, f));
    cases.push_back(plain("CAST_int8_float32", i8, f));
    cases.push_back(plain("CAST_float32_int8", f, i8, -128.0f, 127.0f));
    cases.push_back(plain("CAST_int16_int32", i16, i32));
    cases.push_back(plain("CAST_int32_int16", i32, i16));
    cases.push_back(plain("CAST_uint8_int32", u8, i32));
    cases.push_back(plain("CAST_int32_uint8", i32, u8));
    cases.push_back(plain("CAST_bool_float32", b, f));
    cases.push_back(plain("CAST_float32_bool", f, b, -1.0f, 1.0f));
    cases.push_back(plain("CAST_int32_bool", i32, b));
    cases.push_back(plain("CAST_bool_int32", b, i32));
}

}  // namespace

std::vector<OpCase> quantize_op_cases() {
    std::vector<OpCase> cases;
    add_quantize_cases(cases);
    add_dequantize_cases(cases);
    add_cast_cases(cases);
    return cases;
}

}  // namespace litelab::test
