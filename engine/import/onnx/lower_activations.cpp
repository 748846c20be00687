// Activations. TFLite builtins where one computes the ONNX function exactly (RELU, LOGISTIC,
// TANH, LEAKY_RELU, PRELU, ELU, HARD_SWISH, clamps as RELU6 / RELU_N1_TO_1 / RELU_0_TO_1);
// short compositions of builtins for the rest (Selu, Softplus, HardSigmoid, Elu with alpha,
// Erf as Abramowitz & Stegun 7.1.28), GELU for the recognised erf pattern.
#include <cmath>
#include <limits>

#include "import/onnx/lowering_table.h"

namespace litelab::onnx {

namespace {

using tflite::BuiltinOperator;

// Emission over stored tensors of one value's shape and order.
struct Chain {
    Lowering& L;
    std::string hint;
    int32_t unary(BuiltinOperator code, int32_t in) { return L.emit_unary(code, in, hint); }
    int32_t binary(BuiltinOperator code, int32_t a, int32_t b) { return L.emit_binary(code, a, b, hint); }
    int32_t scalar(float v) { return L.float_constant(hint + "_const", {}, {v}); }
    int32_t mul(int32_t a, float v) { return binary(tflite::BuiltinOperator_MUL, a, scalar(v)); }
    int32_t add(int32_t a, float v) { return binary(tflite::BuiltinOperator_ADD, a, scalar(v)); }
};

// Defines the node's output as the last tensor a composition produced.
void finish(Lowering& L, const OnnxNode& n, int32_t result) {
    const std::string& x = n.inputs[0];
    L.define(n.outputs[0], L.type(x), L.shape(x), L.order(x), result);
}

LowerFn simple(BuiltinOperator code) {
    return [code](Lowering& L, const OnnxNode& n) -> Status {
        const int32_t in = L.tensor(n.inputs[0]);
        const int32_t out = L.define_new(n.outputs[0], L.type(n.inputs[0]), L.shape(n.inputs[0]), L.order(n.inputs[0]));
        L.op(code, {in}, {out});
        return {};
    };
}

Status lower_leaky_relu(Lowering& L, const OnnxNode& n) {
    const int32_t in = L.tensor(n.inputs[0]);
    const int32_t out = L.define_new(n.outputs[0], L.type(n.inputs[0]), L.shape(n.inputs[0]), L.order(n.inputs[0]));
    tflite::LeakyReluOptionsT o;
    o.alpha = n.float_attr("alpha", 0.01f);
    L.op(tflite::BuiltinOperator_LEAKY_RELU, {in}, {out}, options_of(o));
    return {};
}

Status lower_prelu(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    const int rank = L.rank(x);
    const auto order = L.order(x);
    // ONNX's opset < 7 slope of shape [C] means per channel (unidirectional broadcast from axis 1).
    std::string slope = n.inputs[1];
    if (const OnnxTensor* c = L.constant(slope); c && L.rank(slope) == 1 && rank > 2 && c->size() > 1 &&
                                                 c->size() == L.shape(x)[1] && L.shape(x).back() != c->size()) {
        OnnxTensor per_channel = *c;
        per_channel.dims = {c->size()};
        for (int i = 2; i < rank; ++i) per_channel.dims.push_back(1);
        L.define_constant(slope + "_per_channel", per_channel);
        slope += "_per_channel";
    }
    const int32_t in = L.tensor(x);
    const int32_t alpha = L.broadcast_operand(slope, rank, order);
    const int32_t out = L.define_new(n.outputs[0], L.type(x), L.shape(x), order);
    L.op(tflite::BuiltinOperator_PRELU, {in, alpha}, {out});
    return {};
}

// elu(x) = x for x > 0, alpha * (exp(x) - 1) otherwise.
int32_t elu(Chain& c, int32_t x, float alpha) {
    if (alpha == 1.0f) return c.unary(tflite::BuiltinOperator_ELU, x);
    const int32_t negative = c.binary(tflite::BuiltinOperator_MINIMUM, x, c.scalar(0.0f));
    const int32_t expm1 = c.add(c.unary(tflite::BuiltinOperator_EXP, negative), -1.0f);
    return c.binary(tflite::BuiltinOperator_ADD, c.unary(tflite::BuiltinOperator_RELU, x), c.mul(expm1, alpha));
}

Status lower_elu(Lowering& L, const OnnxNode& n) {
    Chain c{L, n.outputs[0]};
    finish(L, n, elu(c, L.tensor(n.inputs[0]), n.float_attr("alpha", 1.0f)));
    return {};
}

Status lower_selu(Lowering& L, const OnnxNode& n) {
    Chain c{L, n.outputs[0]};
    const float alpha = n.float_attr("alpha", 1.67326319217681884765625f);
    const float gamma = n.float_attr("gamma", 1.05070102214813232421875f);
    finish(L, n, c.mul(elu(c, L.tensor(n.inputs[0]), alpha), gamma));
    return {};
}

// softplus(x) = max(x, 0) + log(1 + exp(-|x|)): no overflow for large |x|.
Status lower_softplus(Lowering& L, const OnnxNode& n) {
    Chain c{L, n.outputs[0]};
    const int32_t x = L.tensor(n.inputs[0]);
    const int32_t neg_abs = c.unary(tflite::BuiltinOperator_NEG, c.unary(tflite::BuiltinOperator_ABS, x));
    const int32_t log1p =
        c.unary(tflite::BuiltinOperator_LOG, c.add(c.unary(tflite::BuiltinOperator_EXP, neg_abs), 1.0f));
    finish(L, n, c.binary(tflite::BuiltinOperator_ADD, c.unary(tflite::BuiltinOperator_RELU, x), log1p));
    return {};
}

// hard_sigmoid(x) = clamp(alpha * x + beta, 0, 1).
Status lower_hard_sigmoid(Lowering& L, const OnnxNode& n) {
    Chain c{L, n.outputs[0]};
    const int32_t x = L.tensor(n.inputs[0]);
    const int32_t linear = c.add(c.mul(x, n.float_attr("alpha", 0.2f)), n.float_attr("beta", 0.5f));
    finish(L, n, c.unary(tflite::BuiltinOperator_RELU_0_TO_1, linear));
    return {};
}

Status lower_clip(Lowering& L, const OnnxNode& n) {
    float lo = -std::numeric_limits<float>::infinity(), hi = std::numeric_limits<float>::infinity();
    if (L.opset() < 11) {
        lo = n.float_attr("min", lo);
        hi = n.float_attr("max", hi);
    } else {
        for (size_t i = 1; i <= 2; ++i) {
            if (!n.has_input(i)) continue;
            const OnnxTensor* bound = L.constant(n.inputs[i]);
            if (!bound || bound->size() != 1) return node_error("Clip bounds must be known scalars");
            (i == 1 ? lo : hi) = static_cast<float>(bound->as_double(0));
        }
    }
    Chain c{L, n.outputs[0]};
    const int32_t x = L.tensor(n.inputs[0]);
    // Clamps TFLite has as an activation of its own (fusable into the producer).
    if (L.type(n.inputs[0]) == DType::kFloat32) {
        const float inf = std::numeric_limits<float>::infinity();
        const std::pair<std::pair<float, float>, BuiltinOperator> named[] = {
            {{0.0f, inf}, tflite::BuiltinOperator_RELU},
            {{0.0f, 6.0f}, tflite::BuiltinOperator_RELU6},
            {{-1.0f, 1.0f}, tflite::BuiltinOperator_RELU_N1_TO_1},
            {{0.0f, 1.0f}, tflite::BuiltinOperator_RELU_0_TO_1}};
        for (const auto& [range, code] : named) {
            if (range.first == lo && range.second == hi) {
                finish(L, n, c.unary(code, x));
                return {};
            }
        }
    }
    int32_t y = x;
    if (lo > -std::numeric_limits<float>::infinity()) y = c.binary(tflite::BuiltinOperator_MAXIMUM, y, c.scalar(lo));
    if (hi < std::numeric_limits<float>::infinity()) y = c.binary(tflite::BuiltinOperator_MINIMUM, y, c.scalar(hi));
    if (y == x) {
        L.alias(n.outputs[0], n.inputs[0]);
        return {};
    }
    finish(L, n, y);
    return {};
}

// erf(|x|) = 1 - (1 + a1 t + ... + a6 t^6)^-16 (Abramowitz & Stegun 7.1.28, |error| <= 3e-7),
// with the sign restored by x / max(|x|, tiny).
Status lower_erf(Lowering& L, const OnnxNode& n) {
    static const float a[] = {0.0705230784f, 0.0422820123f, 0.0092705272f, 0.0001520143f, 0.0002765672f, 0.0000430638f};
    Chain c{L, n.outputs[0]};
    const int32_t x = L.tensor(n.inputs[0]);
    const int32_t t = c.unary(tflite::BuiltinOperator_ABS, x);
    int32_t poly = c.add(c.mul(t, a[5]), a[4]);
    for (int k = 3; k >= 0; --k) poly = c.add(c.binary(tflite::BuiltinOperator_MUL, poly, t), a[k]);
    poly = c.add(c.binary(tflite::BuiltinOperator_MUL, poly, t), 1.0f);
    int32_t p16 = poly;
    for (int k = 0; k < 4; ++k) p16 = c.binary(tflite::BuiltinOperator_MUL, p16, p16);
    const int32_t erf_abs = c.binary(tflite::BuiltinOperator_SUB, c.scalar(1.0f),
                                     c.binary(tflite::BuiltinOperator_DIV, c.scalar(1.0f), p16));
    const int32_t sign =
        c.binary(tflite::BuiltinOperator_DIV, x, c.binary(tflite::BuiltinOperator_MAXIMUM, t, c.scalar(1e-30f)));
    finish(L, n, c.binary(tflite::BuiltinOperator_MUL, erf_abs, sign));
    return {};
}

// The exact (erf) GELU, from the recognised PyTorch pattern (gelu_pattern.h).
Status lower_gelu(Lowering& L, const OnnxNode& n) {
    const int32_t in = L.tensor(n.inputs[0]);
    const int32_t out = L.define_new(n.outputs[0], L.type(n.inputs[0]), L.shape(n.inputs[0]), L.order(n.inputs[0]));
    tflite::GeluOptionsT o;
    o.approximate = n.string_attr("approximate", "none") == "tanh";
    L.op(tflite::BuiltinOperator_GELU, {in}, {out}, options_of(o));
    return {};
}

}  // namespace

void register_activation_lowerings(LoweringTable& t) {
    t["Gelu"] = lower_gelu;
    t["Relu"] = simple(tflite::BuiltinOperator_RELU);
    t["Sigmoid"] = simple(tflite::BuiltinOperator_LOGISTIC);
    t["Tanh"] = simple(tflite::BuiltinOperator_TANH);
    t["HardSwish"] = simple(tflite::BuiltinOperator_HARD_SWISH);
    t["LeakyRelu"] = lower_leaky_relu;
    t["PRelu"] = lower_prelu;
    t["Elu"] = lower_elu;
    t["Selu"] = lower_selu;
    t["Softplus"] = lower_softplus;
    t["HardSigmoid"] = lower_hard_sigmoid;
    t["Clip"] = lower_clip;
    t["Erf"] = lower_erf;
}

}  // namespace litelab::onnx
