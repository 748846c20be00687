#include "import/keras/keras_activations.h"

#include "import/common/emit_ops.h"

namespace litelab {

namespace {

using tflite::BuiltinOperator;

const char* const kActivations[] = {"linear", "relu", "relu6", "sigmoid", "tanh", "softmax", "log_softmax",
                                    "elu", "selu", "swish", "silu", "gelu", "hard_sigmoid", "hard_swish",
                                    "hard_silu", "softplus", "softsign", "exponential", "mish", "leaky_relu"};

Result<int32_t> selu(TfliteEmitter& e, int32_t x, const std::string& name) {
    // selu(x) = lambda * (x > 0 ? x : alpha * (exp(x) - 1)) = lambda * relu(x) + lambda * alpha * min(elu(x), 0)
    constexpr float kAlpha = 1.6732632423543772f, kScale = 1.0507009873554805f;
    auto positive = emit::unary(e, BuiltinOperator::BuiltinOperator_RELU, x, name + "/relu");
    if (!positive) return positive;
    auto elu = emit::unary(e, BuiltinOperator::BuiltinOperator_ELU, x, name + "/elu");
    if (!elu) return elu;
    auto negative = emit::binary(e, BuiltinOperator::BuiltinOperator_MINIMUM, *elu, e.scalar(name + "/zero", 0.0f),
                                 name + "/negative_part");
    if (!negative) return negative;
    auto scaled_negative = emit::binary(e, BuiltinOperator::BuiltinOperator_MUL, *negative,
                                        e.scalar(name + "/scale_alpha", kScale * kAlpha), name + "/scaled_negative");
    if (!scaled_negative) return scaled_negative;
    auto scaled_positive = emit::binary(e, BuiltinOperator::BuiltinOperator_MUL, *positive,
                                        e.scalar(name + "/scale", kScale), name + "/scaled_positive");
    if (!scaled_positive) return scaled_positive;
    return emit::binary(e, BuiltinOperator::BuiltinOperator_ADD, *scaled_positive, *scaled_negative, name);
}

Result<int32_t> hard_sigmoid(TfliteEmitter& e, int32_t x, const std::string& name, bool keras3) {
    if (keras3) {  // relu6(x + 3) / 6
        auto shifted = emit::binary(e, BuiltinOperator::BuiltinOperator_ADD, x, e.scalar(name + "/three", 3.0f),
                                    name + "/shifted");
        if (!shifted) return shifted;
        auto clipped = emit::unary(e, BuiltinOperator::BuiltinOperator_RELU6, *shifted, name + "/relu6");
        if (!clipped) return clipped;
        return emit::binary(e, BuiltinOperator::BuiltinOperator_DIV, *clipped, e.scalar(name + "/six", 6.0f), name);
    }
    // clip(0.2 x + 0.5, 0, 1)
    auto scaled = emit::binary(e, BuiltinOperator::BuiltinOperator_MUL, x, e.scalar(name + "/slope", 0.2f), name + "/scaled");
    if (!scaled) return scaled;
    auto shifted = emit::binary(e, BuiltinOperator::BuiltinOperator_ADD, *scaled, e.scalar(name + "/offset", 0.5f),
                                name + "/shifted");
    if (!shifted) return shifted;
    auto lower = emit::unary(e, BuiltinOperator::BuiltinOperator_RELU, *shifted, name + "/at_least_zero");
    if (!lower) return lower;
    return emit::binary(e, BuiltinOperator::BuiltinOperator_MINIMUM, *lower, e.scalar(name + "/one", 1.0f), name);
}

}  // namespace

bool is_known_activation(const std::string& activation) {
    for (const char* known : kActivations)
        if (activation == known) return true;
    return false;
}

Result<int32_t> lower_softplus(TfliteEmitter& e, int32_t x, const std::string& name) {
    auto positive = emit::unary(e, BuiltinOperator::BuiltinOperator_RELU, x, name + "/relu");
    if (!positive) return positive;
    auto magnitude = emit::unary(e, BuiltinOperator::BuiltinOperator_ABS, x, name + "/abs");
    if (!magnitude) return magnitude;
    auto negated = emit::unary(e, BuiltinOperator::BuiltinOperator_NEG, *magnitude, name + "/neg");
    if (!negated) return negated;
    auto exponent = emit::unary(e, BuiltinOperator::BuiltinOperator_EXP, *negated, name + "/exp");
    if (!exponent) return exponent;
    auto one_plus = emit::binary(e, BuiltinOperator::BuiltinOperator_ADD, *exponent, e.scalar(name + "/one", 1.0f),
                                 name + "/one_plus");
    if (!one_plus) return one_plus;
    auto logarithm = emit::unary(e, BuiltinOperator::BuiltinOperator_LOG, *one_plus, name + "/log");
    if (!logarithm) return logarithm;
    return emit::binary(e, BuiltinOperator::BuiltinOperator_ADD, *positive, *logarithm, name);
}

Result<int32_t> lower_activation(TfliteEmitter& e, int32_t x, const std::string& a, const std::string& name,
                                 bool keras3) {
    if (a == "linear") return x;
    if (a == "relu") return emit::unary(e, BuiltinOperator::BuiltinOperator_RELU, x, name);
    if (a == "relu6") return emit::unary(e, BuiltinOperator::BuiltinOperator_RELU6, x, name);
    if (a == "sigmoid") return emit::unary(e, BuiltinOperator::BuiltinOperator_LOGISTIC, x, name);
    if (a == "tanh") return emit::unary(e, BuiltinOperator::BuiltinOperator_TANH, x, name);
    if (a == "softmax") return emit::softmax(e, x, 1.0f, name);
    if (a == "log_softmax") return emit::log_softmax(e, x, name);
    if (a == "elu") return emit::unary(e, BuiltinOperator::BuiltinOperator_ELU, x, name);
    if (a == "selu") return selu(e, x, name);
    if (a == "gelu") return emit::gelu(e, x, false, name);
    if (a == "hard_sigmoid") return hard_sigmoid(e, x, name, keras3);
    if (a == "hard_swish" || a == "hard_silu") return emit::unary(e, BuiltinOperator::BuiltinOperator_HARD_SWISH, x, name);
    if (a == "exponential") return emit::unary(e, BuiltinOperator::BuiltinOperator_EXP, x, name);
    if (a == "leaky_relu") return emit::leaky_relu(e, x, 0.2f, name);
    if (a == "softplus") return lower_softplus(e, x, name);
    if (a == "swish" || a == "silu") {
        auto gate = emit::unary(e, BuiltinOperator::BuiltinOperator_LOGISTIC, x, name + "/sigmoid");
        if (!gate) return gate;
        return emit::binary(e, BuiltinOperator::BuiltinOperator_MUL, x, *gate, name);
    }
    if (a == "softsign") {  // x / (1 + |x|)
        auto magnitude = emit::unary(e, BuiltinOperator::BuiltinOperator_ABS, x, name + "/abs");
        if (!magnitude) return magnitude;
        auto denominator = emit::binary(e, BuiltinOperator::BuiltinOperator_ADD, *magnitude,
                                        e.scalar(name + "/one", 1.0f), name + "/denominator");
        if (!denominator) return denominator;
        return emit::binary(e, BuiltinOperator::BuiltinOperator_DIV, x, *denominator, name);
    }
    if (a == "mish") {  // x * tanh(softplus(x))
        auto soft = lower_softplus(e, x, name + "/softplus");
        if (!soft) return soft;
        auto squashed = emit::unary(e, BuiltinOperator::BuiltinOperator_TANH, *soft, name + "/tanh");
        if (!squashed) return squashed;
        return emit::binary(e, BuiltinOperator::BuiltinOperator_MUL, x, *squashed, name);
    }
    return make_error(ErrorCode::kUnsupported, "activation '" + a + "' is not supported");
}

}  // namespace litelab
