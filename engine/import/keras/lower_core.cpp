// Dense, Embedding, the activation layers, and the training-only layers that inference skips.
#include "import/common/emit_ops.h"
#include "import/keras/keras_activations.h"
#include "import/keras/keras_layers.h"
#include "import/keras/layer_config.h"

namespace litelab::keras_layers {

namespace {

using tflite::BuiltinOperator;

Lowered one(Result<int32_t> tensor) {
    if (!tensor) return tensor.error();
    return std::vector<int32_t>{*tensor};
}

// y = x if x >= threshold (or > for ThresholdedReLU) else slope * (x - threshold), as
// compare, cast and arithmetic (TFLite has no thresholded ReLU).
Result<int32_t> thresholded(LayerCall& c, int32_t x, float threshold, float slope, bool strict, const std::string& name) {
    TfliteEmitter& e = c.e;
    const int32_t t = e.scalar(name + "/threshold", threshold);
    OpCall compare;
    compare.code = strict ? BuiltinOperator::BuiltinOperator_GREATER : BuiltinOperator::BuiltinOperator_GREATER_EQUAL;
    compare.inputs = {x, t};
    compare.name = name + "/above";
    compare.output_type = DType::kBool;
    auto above = e.op(compare);
    if (!above) return above.error();
    auto mask = emit::cast(e, above->front(), DType::kFloat32, name + "/mask");
    if (!mask) return mask;
    if (slope == 0.0f) return emit::binary(e, BuiltinOperator::BuiltinOperator_MUL, x, *mask, name);
    // slope * (x - t) + mask * (x - slope * (x - t))
    auto shifted = emit::binary(e, BuiltinOperator::BuiltinOperator_SUB, x, t, name + "/shifted");
    if (!shifted) return shifted;
    auto below = emit::binary(e, BuiltinOperator::BuiltinOperator_MUL, *shifted, e.scalar(name + "/slope", slope),
                              name + "/below");
    if (!below) return below;
    auto gap = emit::binary(e, BuiltinOperator::BuiltinOperator_SUB, x, *below, name + "/gap");
    if (!gap) return gap;
    auto masked = emit::binary(e, BuiltinOperator::BuiltinOperator_MUL, *mask, *gap, name + "/masked_gap");
    if (!masked) return masked;
    return emit::binary(e, BuiltinOperator::BuiltinOperator_ADD, *below, *masked, name);
}

}  // namespace

Lowered dense(LayerCall& c) {
    const int32_t x = c.inputs.at(0);
    const auto shape = c.e.shape(x);
    const int32_t in = shape.back();
    const auto units = static_cast<int32_t>(config_int(c.config(), "units", 0));
    if (units <= 0) return c.error("the config gives no units", ErrorCode::kFormat);
    if (c.e.signature(x).back() < 0) return c.error("the input's last dimension is unknown");
    auto kernel = c.weights.get("kernel", {in, units});
    if (!kernel) return kernel.error();
    const std::vector<int> to_rows{1, 0};
    FloatArray weights = permuted(*kernel, to_rows);  // [units, in], as FULLY_CONNECTED wants
    const bool use_bias = config_bool(c.config(), "use_bias", true);
    std::vector<float> bias(static_cast<size_t>(units), 0.0f);
    if (use_bias) {
        auto b = c.weights.get("bias", {units});
        if (!b) return b.error();
        bias = b->values;
    }
    const std::string activation = config_activation(c.config(), "activation");
    if (!is_known_activation(activation)) return c.error("activation '" + activation + "' is not supported");
    if (activation == "linear") {
        auto bn = c.ctx.take_batch_norm(c, units);
        if (!bn) return bn.error();
        if (*bn) {
            for (int32_t u = 0; u < units; ++u) {
                const float scale = (*bn)->scale[static_cast<size_t>(u)];
                for (int32_t i = 0; i < in; ++i) weights.values[static_cast<size_t>(u * in + i)] *= scale;
                bias[static_cast<size_t>(u)] = bias[static_cast<size_t>(u)] * scale + (*bn)->shift[static_cast<size_t>(u)];
            }
        }
    }
    const int32_t w = c.e.constant(c.name + "/kernel", {units, in}, std::span<const float>(weights.values));
    // A layer without bias still gets one, of zeros: runtimes such as Arm NN do not take the
    // optional bias TFLite allows.
    const int32_t b = c.e.constant(c.name + "/bias", {units}, std::span<const float>(bias));
    const std::string out = activation == "linear" ? c.name : c.name + "/pre_activation";
    auto y = emit::fully_connected(c.e, x, w, b, shape.size() > 2, emit::kNoActivation, out);
    if (!y) return y.error();
    return one(lower_activation(c.e, *y, activation, c.name, c.ctx.keras3()));
}

Lowered embedding(LayerCall& c) {
    const auto input_dim = static_cast<int32_t>(config_int(c.config(), "input_dim", 0));
    const auto output_dim = static_cast<int32_t>(config_int(c.config(), "output_dim", 0));
    auto table = c.weights.get("embeddings", {input_dim, output_dim});
    if (!table) return table.error();
    const int32_t embeddings = c.e.constant(c.name + "/embeddings", table->shape, std::span<const float>(table->values));
    int32_t indices = c.inputs.at(0);
    // Keras casts float indices to int32 (truncating) before the lookup.
    if (c.e.type(indices) != DType::kInt32) {
        auto cast = emit::cast(c.e, indices, DType::kInt32, c.name + "/indices");
        if (!cast) return cast.error();
        indices = *cast;
    }
    return one(emit::gather(c.e, embeddings, indices, 0, c.name));
}

Lowered activation(LayerCall& c) {
    const std::string a = config_activation(c.config(), "activation");
    if (!is_known_activation(a)) return c.error("activation '" + a + "' is not supported");
    return one(lower_activation(c.e, c.inputs.at(0), a, c.name, c.ctx.keras3()));
}

Lowered relu(LayerCall& c) {
    const int32_t x = c.inputs.at(0);
    const auto max_value = config_optional_float(c.config(), "max_value");
    const auto slope = static_cast<float>(config_float(c.config(), "negative_slope", 0.0));
    const auto threshold = static_cast<float>(config_float(c.config(), "threshold", 0.0));
    if (max_value && *max_value < 0) return c.error("max_value must not be negative", ErrorCode::kInvalid);
    const bool capped = max_value.has_value();
    const std::string body = capped ? c.name + "/uncapped" : c.name;
    if (slope == 0.0f && threshold == 0.0f) {
        if (capped && *max_value == 6.0) return one(emit::unary(c.e, BuiltinOperator::BuiltinOperator_RELU6, x, c.name));
        auto y = emit::unary(c.e, BuiltinOperator::BuiltinOperator_RELU, x, body);
        if (!y || !capped) return one(y);
        return one(emit::binary(c.e, BuiltinOperator::BuiltinOperator_MINIMUM, *y,
                                c.e.scalar(c.name + "/max_value", static_cast<float>(*max_value)), c.name));
    }
    auto y = threshold == 0.0f ? emit::leaky_relu(c.e, x, slope, body) : thresholded(c, x, threshold, slope, false, body);
    if (!y || !capped) return one(y);
    return one(emit::binary(c.e, BuiltinOperator::BuiltinOperator_MINIMUM, *y,
                            c.e.scalar(c.name + "/max_value", static_cast<float>(*max_value)), c.name));
}

Lowered leaky_relu(LayerCall& c) {
    // Keras 2 calls the slope alpha (default 0.3), Keras 3 negative_slope (default 0.3).
    const double alpha = config_optional_float(c.config(), "alpha").value_or(config_float(c.config(), "negative_slope", 0.3));
    return one(emit::leaky_relu(c.e, c.inputs.at(0), static_cast<float>(alpha), c.name));
}

Lowered prelu(LayerCall& c) {
    const int32_t x = c.inputs.at(0);
    const auto shape = c.e.shape(x);
    // alpha has the input's shape without the batch, with 1 on the shared axes.
    std::vector<int32_t> expected(shape.begin() + 1, shape.end());
    auto shared = config_int_list(c.config(), "shared_axes", {});
    if (!shared) return c.wrap(shared.error());
    for (int32_t axis : *shared)
        if (axis >= 1 && static_cast<size_t>(axis) <= expected.size()) expected[static_cast<size_t>(axis - 1)] = 1;
    auto alpha = c.weights.get("alpha", expected);
    if (!alpha) return alpha.error();
    const int32_t a = c.e.constant(c.name + "/alpha", alpha->shape, std::span<const float>(alpha->values));
    return one(emit::prelu(c.e, x, a, c.name));
}

Lowered elu(LayerCall& c) {
    const auto alpha = static_cast<float>(config_float(c.config(), "alpha", 1.0));
    const int32_t x = c.inputs.at(0);
    if (alpha == 1.0f) return one(emit::unary(c.e, BuiltinOperator::BuiltinOperator_ELU, x, c.name));
    // alpha * (exp(x) - 1) below zero: relu(x) + alpha * min(elu(x), 0)
    auto positive = emit::unary(c.e, BuiltinOperator::BuiltinOperator_RELU, x, c.name + "/relu");
    if (!positive) return positive.error();
    auto unit = emit::unary(c.e, BuiltinOperator::BuiltinOperator_ELU, x, c.name + "/elu");
    if (!unit) return unit.error();
    auto negative = emit::binary(c.e, BuiltinOperator::BuiltinOperator_MINIMUM, *unit, c.e.scalar(c.name + "/zero", 0.0f),
                                 c.name + "/negative_part");
    if (!negative) return negative.error();
    auto scaled = emit::binary(c.e, BuiltinOperator::BuiltinOperator_MUL, *negative, c.e.scalar(c.name + "/alpha", alpha),
                               c.name + "/scaled");
    if (!scaled) return scaled.error();
    return one(emit::binary(c.e, BuiltinOperator::BuiltinOperator_ADD, *positive, *scaled, c.name));
}

Lowered thresholded_relu(LayerCall& c) {
    const auto theta = static_cast<float>(config_float(c.config(), "theta", 1.0));
    return one(thresholded(c, c.inputs.at(0), theta, 0.0f, true, c.name));
}

Lowered softmax(LayerCall& c) {
    const int32_t x = c.inputs.at(0);
    const int rank = c.e.rank(x);
    auto axes = config_int_list(c.config(), "axis", {-1});
    if (!axes) return c.wrap(axes.error());
    if (axes->size() != 1) return c.error("softmax over several axes is not supported");
    const int axis = (*axes)[0] < 0 ? (*axes)[0] + rank : (*axes)[0];
    if (axis <= 0 || axis >= rank) return c.error("axis " + std::to_string((*axes)[0]) + " is out of range", ErrorCode::kInvalid);
    if (axis == rank - 1) return one(emit::softmax(c.e, x, 1.0f, c.name));
    // TFLite's SOFTMAX works on the last axis: move the axis there and back.
    std::vector<int32_t> perm;
    for (int d = 0; d < rank; ++d)
        if (d != axis) perm.push_back(d);
    perm.push_back(axis);
    std::vector<int32_t> back(static_cast<size_t>(rank));
    for (int d = 0; d < rank; ++d) back[static_cast<size_t>(perm[static_cast<size_t>(d)])] = d;
    auto moved = emit::transpose(c.e, x, perm, c.name + "/to_last");
    if (!moved) return moved.error();
    auto y = emit::softmax(c.e, *moved, 1.0f, c.name + "/softmax");
    if (!y) return y.error();
    return one(emit::transpose(c.e, *y, back, c.name));
}

Lowered identity(LayerCall& c) {
    c.ctx.count_removed();
    return std::vector<int32_t>{c.inputs.at(0)};
}

}  // namespace litelab::keras_layers
