// CONV_3D, CONV_3D_TRANSPOSE, TILE and POW (the operators the ONNX importer added to the
// interpreter): single-operator models per option, run against the peer runtimes.
#include <random>

#include "op_case.h"

namespace litelab::test {

namespace {

using Op = tflite::BuiltinOperator;
constexpr DType kFloat32 = DType::kFloat32;

std::vector<float> weights(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    return random_values<float>(rng, n, -1.0, 1.0);
}

tflite::Conv3DOptionsT conv3d(tflite::Padding padding, std::array<int, 3> stride, std::array<int, 3> dilation,
                              tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE) {
    tflite::Conv3DOptionsT o;
    o.padding = padding;
    o.stride_d = stride[0];
    o.stride_h = stride[1];
    o.stride_w = stride[2];
    o.dilation_d_factor = dilation[0];
    o.dilation_h_factor = dilation[1];
    o.dilation_w_factor = dilation[2];
    o.fused_activation_function = activation;
    return o;
}

void add_conv_3d(std::vector<OpCase>& cases) {
    struct Variant {
        std::string name;
        tflite::Conv3DOptionsT options;
    };
    const std::vector<Variant> variants = {
        {"valid", conv3d(tflite::Padding_VALID, {1, 1, 1}, {1, 1, 1})},
        {"same_strided_relu", conv3d(tflite::Padding_SAME, {2, 1, 2}, {1, 1, 1}, tflite::ActivationFunctionType_RELU)},
        {"valid_dilated", conv3d(tflite::Padding_VALID, {1, 1, 1}, {2, 1, 2})}};
    unsigned seed = 1;
    for (const auto& v : variants) {
        CaseModel m("CONV_3D_float32_" + v.name);
        const int32_t x = m.input(kFloat32, {1, 5, 6, 7, 3});
        const int32_t w = m.constant(kFloat32, {2, 3, 2, 3, 4}, weights(2 * 3 * 2 * 3 * 4, seed++));
        const int32_t b = m.constant(kFloat32, {4}, weights(4, seed++));
        m.output(kFloat32);
        m.op(Op::BuiltinOperator_CONV_3D, {x, w, b}, options_of(v.options));
        cases.push_back(std::move(m).finish());
    }
}

void add_conv_3d_transpose(std::vector<OpCase>& cases) {
    for (const bool same : {false, true}) {
        CaseModel m(std::string("CONV_3D_TRANSPOSE_float32_") + (same ? "same_stride2" : "valid_stride2"));
        const int32_t x = m.input(kFloat32, {1, 3, 4, 3, 2});
        // VALID: (in - 1) * 2 + k; SAME: in * 2.
        const std::vector<int32_t> out =
            same ? std::vector<int32_t>{1, 6, 8, 6, 3} : std::vector<int32_t>{1, 6, 9, 6, 3};
        const int32_t shape = m.ints({5}, out);
        const int32_t w = m.constant(kFloat32, {2, 3, 2, 3, 2}, weights(2 * 3 * 2 * 3 * 2, 11));
        const int32_t b = m.constant(kFloat32, {3}, weights(3, 12));
        m.output(kFloat32);
        m.op(Op::BuiltinOperator_CONV_3D_TRANSPOSE, {shape, w, x, b},
             options_of(conv3d(same ? tflite::Padding_SAME : tflite::Padding_VALID, {2, 2, 2}, {1, 1, 1})));
        cases.push_back(std::move(m).finish());
    }
}

void add_tile(std::vector<OpCase>& cases) {
    for (DType type : {kFloat32, DType::kInt8, DType::kInt32}) {
        CaseModel m("TILE_" + type_label(type) + "_2x1x3");
        const int32_t x = m.input(type, {2, 3, 4});
        m.output(type);
        m.op(Op::BuiltinOperator_TILE, {x, m.ints({3}, {2, 1, 3})}, options_of(tflite::TileOptionsT{}));
        cases.push_back(std::move(m).finish());
    }
}

void add_pow(std::vector<OpCase>& cases) {
    CaseModel m("POW_float32_broadcast");
    const int32_t base = m.input(kFloat32, {2, 3, 4});
    const int32_t exponent = m.input(kFloat32, {4});
    m.output(kFloat32);
    m.op(Op::BuiltinOperator_POW, {base, exponent}, options_of(tflite::PowOptionsT{}));
    // Positive bases: a negative base with a fractional exponent is NaN in every runtime.
    cases.push_back(in_range(std::move(m).finish(), 0.1f, 2.0f));
}

}  // namespace

std::vector<OpCase> conv3d_tile_pow_op_cases() {
    std::vector<OpCase> cases;
    add_conv_3d(cases);
    add_conv_3d_transpose(cases);
    add_tile(cases);
    add_pow(cases);
    return cases;
}

}  // namespace litelab::test
