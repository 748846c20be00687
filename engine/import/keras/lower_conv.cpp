// Convolutions: Conv1D/2D (grouped too), DepthwiseConv1D/2D, SeparableConv1D/2D and
// Conv2DTranspose. Keras' HWIO kernels become TFLite's OHWI filters; a batch norm reading the
// output is folded into the filter and bias; 1-D layers run as 2-D ones over a height of 1
// (EXPAND_DIMS, the 2-D operator, SQUEEZE), as TensorFlow's converter lowers them.
#include "import/common/emit_ops.h"
#include "import/keras/keras_activations.h"
#include "import/keras/keras_layers.h"
#include "import/keras/layer_config.h"

namespace litelab::keras_layers {

namespace {

using tflite::BuiltinOperator;

struct Geometry {
    bool one_d = false;
    std::vector<int32_t> kernel;  // [kh, kw] (kh = 1 for 1-D)
    emit::ConvParams params;
    int32_t causal_pad = 0;  // Conv1D 'causal': zeros before the sequence
};

Result<Geometry> geometry(LayerCall& c, bool allow_causal) {
    Geometry g;
    g.one_d = c.layer.class_name.find("1D") != std::string::npos;
    const size_t n = g.one_d ? 1 : 2;
    if (config_string(c.config(), "data_format", "channels_last") != "channels_last")
        return c.error("data_format channels_first is not supported");
    auto kernel = config_ints(c.config(), "kernel_size", n, 1);
    auto strides = config_ints(c.config(), "strides", n, 1);
    auto dilation = config_ints(c.config(), "dilation_rate", n, 1);
    if (!kernel) return c.wrap(kernel.error());
    if (!strides) return c.wrap(strides.error());
    if (!dilation) return c.wrap(dilation.error());
    g.kernel = g.one_d ? std::vector<int32_t>{1, (*kernel)[0]} : *kernel;
    const std::vector<int32_t> s = g.one_d ? std::vector<int32_t>{1, (*strides)[0]} : *strides;
    const std::vector<int32_t> d = g.one_d ? std::vector<int32_t>{1, (*dilation)[0]} : *dilation;
    g.params.stride_h = s[0];
    g.params.stride_w = s[1];
    g.params.dilation_h = d[0];
    g.params.dilation_w = d[1];
    const std::string padding = config_string(c.config(), "padding", "valid");
    if (padding == "same") {
        g.params.padding = tflite::Padding_SAME;
    } else if (padding == "valid") {
        g.params.padding = tflite::Padding_VALID;
    } else if (padding == "causal" && allow_causal && g.one_d) {
        g.params.padding = tflite::Padding_VALID;
        g.causal_pad = d[1] * (g.kernel[1] - 1);
    } else {
        return c.error("padding '" + padding + "' is not supported");
    }
    return g;
}

// A 1-D input [batch, steps, channels] as [batch, 1, steps, channels] (after causal padding).
Result<int32_t> as_image(LayerCall& c, const Geometry& g) {
    int32_t x = c.inputs.at(0);
    if (!g.one_d) return x;
    if (c.e.rank(x) != 3) return c.error("expects a 3-D input, got " + std::to_string(c.e.rank(x)) + "-D", ErrorCode::kInvalid);
    if (g.causal_pad > 0) {
        auto padded = emit::pad(c.e, x, {{0, 0}, {g.causal_pad, 0}, {0, 0}}, c.name + "/causal_pad");
        if (!padded) return padded;
        x = *padded;
    }
    return emit::expand_dims(c.e, x, 1, c.name + "/as_image");
}

// Applies the activation and, for 1-D layers, drops the height of 1 again. Activations work on
// single values or the last axis, so they commute with the squeeze and can fuse into the conv.
Lowered finish(LayerCall& c, const Geometry& g, int32_t y, const std::string& activation) {
    const std::string activated_name = g.one_d ? c.name + "/activated" : c.name;
    auto activated = lower_activation(c.e, y, activation, activated_name, c.ctx.keras3());
    if (!activated) return activated.error();
    if (!g.one_d) return std::vector<int32_t>{*activated};
    auto squeezed = emit::squeeze(c.e, *activated, {1}, c.name);
    if (!squeezed) return squeezed.error();
    return std::vector<int32_t>{*squeezed};
}

std::string pre_activation_name(const LayerCall& c, const Geometry& g, const std::string& activation) {
    return activation == "linear" && !g.one_d ? c.name : c.name + "/conv";
}

Result<std::vector<float>> bias_or_zeros(LayerCall& c, int32_t channels) {
    if (!config_bool(c.config(), "use_bias", true)) return std::vector<float>(static_cast<size_t>(channels), 0.0f);
    auto b = c.weights.get("bias", {channels});
    if (!b) return b.error();
    return b->values;
}

// Folds a following batch norm into OHWI (or [1, h, w, channels] depthwise) filters: every
// output channel's weights and bias scale, the bias shifts.
Status fold_batch_norm(LayerCall& c, const std::string& activation, FloatArray& filter, std::vector<float>& bias,
                       bool channels_last_in_filter) {
    if (activation != "linear") return {};
    const auto channels = static_cast<int32_t>(bias.size());
    auto bn = c.ctx.take_batch_norm(c, channels);
    if (!bn) return bn.error();
    if (!*bn) return {};
    const size_t per_channel = filter.values.size() / static_cast<size_t>(channels);
    for (size_t i = 0; i < filter.values.size(); ++i) {
        const size_t channel = channels_last_in_filter ? i % static_cast<size_t>(channels) : i / per_channel;
        filter.values[i] *= (*bn)->scale[channel];
    }
    for (size_t ch = 0; ch < bias.size(); ++ch) bias[ch] = bias[ch] * (*bn)->scale[ch] + (*bn)->shift[ch];
    return {};
}

}  // namespace

Lowered conv(LayerCall& c) {
    auto g = geometry(c, true);
    if (!g) return g.error();
    auto x = as_image(c, *g);
    if (!x) return x.error();
    const int32_t in_channels = c.e.shape(*x).back();
    const auto filters = static_cast<int32_t>(config_int(c.config(), "filters", 0));
    const auto groups = static_cast<int32_t>(config_int(c.config(), "groups", 1));
    if (filters <= 0 || groups <= 0 || in_channels % groups != 0 || filters % groups != 0)
        return c.error("filters " + std::to_string(filters) + " and groups " + std::to_string(groups) +
                           " do not fit the input's " + std::to_string(in_channels) + " channels",
                       ErrorCode::kInvalid);
    const int32_t per_group = in_channels / groups;
    const std::vector<int32_t> hwio = g->one_d ? std::vector<int32_t>{g->kernel[1], per_group, filters}
                                               : std::vector<int32_t>{g->kernel[0], g->kernel[1], per_group, filters};
    auto kernel = c.weights.get("kernel", hwio);
    if (!kernel) return kernel.error();
    kernel->shape = {g->kernel[0], g->kernel[1], per_group, filters};
    const std::vector<int> to_ohwi{3, 0, 1, 2};
    FloatArray filter = permuted(*kernel, to_ohwi);
    auto bias = bias_or_zeros(c, filters);
    if (!bias) return bias.error();
    const std::string activation = config_activation(c.config(), "activation");
    if (!is_known_activation(activation)) return c.error("activation '" + activation + "' is not supported");
    LITELAB_TRY(fold_batch_norm(c, activation, filter, *bias, false));
    const int32_t f = c.e.constant(c.name + "/kernel", filter.shape, std::span<const float>(filter.values));
    const int32_t b = c.e.constant(c.name + "/bias", {filters}, std::span<const float>(*bias));
    auto y = emit::conv_2d(c.e, *x, f, b, g->params, pre_activation_name(c, *g, activation));
    if (!y) return y.error();
    return finish(c, *g, *y, activation);
}

Lowered depthwise_conv(LayerCall& c) {
    auto g = geometry(c, false);
    if (!g) return g.error();
    auto x = as_image(c, *g);
    if (!x) return x.error();
    const int32_t in_channels = c.e.shape(*x).back();
    const auto multiplier = static_cast<int32_t>(config_int(c.config(), "depth_multiplier", 1));
    const std::vector<int32_t> expected = g->one_d
                                              ? std::vector<int32_t>{g->kernel[1], in_channels, multiplier}
                                              : std::vector<int32_t>{g->kernel[0], g->kernel[1], in_channels, multiplier};
    auto kernel = c.weights.get("depthwise_kernel", expected);
    if (!kernel) return kernel.error();
    const int32_t channels = in_channels * multiplier;
    // [kh, kw, in, multiplier] row-major is already [1, kh, kw, in * multiplier]: channel
    // c * multiplier + m, the order DEPTHWISE_CONV_2D uses.
    FloatArray filter{{1, g->kernel[0], g->kernel[1], channels}, std::move(kernel->values)};
    auto bias = bias_or_zeros(c, channels);
    if (!bias) return bias.error();
    const std::string activation = config_activation(c.config(), "activation");
    if (!is_known_activation(activation)) return c.error("activation '" + activation + "' is not supported");
    LITELAB_TRY(fold_batch_norm(c, activation, filter, *bias, true));
    const int32_t f = c.e.constant(c.name + "/depthwise_kernel", filter.shape, std::span<const float>(filter.values));
    const int32_t b = c.e.constant(c.name + "/bias", {channels}, std::span<const float>(*bias));
    auto y = emit::depthwise_conv_2d(c.e, *x, f, b, multiplier, g->params, pre_activation_name(c, *g, activation));
    if (!y) return y.error();
    return finish(c, *g, *y, activation);
}

Lowered separable_conv(LayerCall& c) {
    auto g = geometry(c, false);
    if (!g) return g.error();
    auto x = as_image(c, *g);
    if (!x) return x.error();
    const int32_t in_channels = c.e.shape(*x).back();
    const auto multiplier = static_cast<int32_t>(config_int(c.config(), "depth_multiplier", 1));
    const auto filters = static_cast<int32_t>(config_int(c.config(), "filters", 0));
    const int32_t middle = in_channels * multiplier;
    const std::vector<int32_t> depthwise_shape =
        g->one_d ? std::vector<int32_t>{g->kernel[1], in_channels, multiplier}
                 : std::vector<int32_t>{g->kernel[0], g->kernel[1], in_channels, multiplier};
    const std::vector<int32_t> pointwise_shape = g->one_d ? std::vector<int32_t>{1, middle, filters}
                                                          : std::vector<int32_t>{1, 1, middle, filters};
    auto depthwise = c.weights.get("depthwise_kernel", depthwise_shape);
    if (!depthwise) return depthwise.error();
    auto pointwise = c.weights.get("pointwise_kernel", pointwise_shape);
    if (!pointwise) return pointwise.error();

    // The depthwise step has no bias of its own: TFLite gets zeros.
    const std::vector<float> zeros(static_cast<size_t>(middle), 0.0f);
    const int32_t df = c.e.constant(c.name + "/depthwise_kernel", {1, g->kernel[0], g->kernel[1], middle},
                                    std::span<const float>(depthwise->values));
    const int32_t db = c.e.constant(c.name + "/depthwise_bias", {middle}, std::span<const float>(zeros));
    auto spread = emit::depthwise_conv_2d(c.e, *x, df, db, multiplier, g->params, c.name + "/depthwise");
    if (!spread) return spread.error();

    pointwise->shape = {1, 1, middle, filters};
    const std::vector<int> to_ohwi{3, 0, 1, 2};
    FloatArray filter = permuted(*pointwise, to_ohwi);
    auto bias = bias_or_zeros(c, filters);
    if (!bias) return bias.error();
    const std::string activation = config_activation(c.config(), "activation");
    if (!is_known_activation(activation)) return c.error("activation '" + activation + "' is not supported");
    LITELAB_TRY(fold_batch_norm(c, activation, filter, *bias, false));
    const int32_t pf = c.e.constant(c.name + "/pointwise_kernel", filter.shape, std::span<const float>(filter.values));
    const int32_t pb = c.e.constant(c.name + "/bias", {filters}, std::span<const float>(*bias));
    auto y = emit::conv_2d(c.e, *spread, pf, pb, emit::ConvParams{}, pre_activation_name(c, *g, activation));
    if (!y) return y.error();
    return finish(c, *g, *y, activation);
}

Lowered conv_2d_transpose(LayerCall& c) {
    auto g = geometry(c, false);
    if (!g) return g.error();
    if (g->params.dilation_h != 1 || g->params.dilation_w != 1) return c.error("dilation is not supported");
    const int32_t x = c.inputs.at(0);
    if (c.e.rank(x) != 4) return c.error("expects a 4-D input", ErrorCode::kInvalid);
    const auto shape = c.e.shape(x);
    const auto filters = static_cast<int32_t>(config_int(c.config(), "filters", 0));
    auto kernel = c.weights.get("kernel", {g->kernel[0], g->kernel[1], filters, shape[3]});
    if (!kernel) return kernel.error();

    // Keras' output size (deconv_output_length); an output_padding TFLite's padding rule cannot
    // express is refused.
    const bool same = g->params.padding == tflite::Padding_SAME;
    auto size = [&](int32_t in, int32_t k, int32_t s) { return same ? in * s : in * s + std::max(k - s, 0); };
    const int32_t out_h = size(shape[1], g->kernel[0], g->params.stride_h);
    const int32_t out_w = size(shape[2], g->kernel[1], g->params.stride_w);
    if (c.config().contains("output_padding") && !c.config()["output_padding"].is_null()) {
        auto padding = config_ints(c.config(), "output_padding", 2, 0);
        if (!padding) return c.wrap(padding.error());
        auto explicit_size = [&](int32_t in, int32_t k, int32_t s, int32_t p) {
            return (in - 1) * s + k - 2 * (same ? k / 2 : 0) + p;
        };
        if (explicit_size(shape[1], g->kernel[0], g->params.stride_h, (*padding)[0]) != out_h ||
            explicit_size(shape[2], g->kernel[1], g->params.stride_w, (*padding)[1]) != out_w)
            return c.error("this output_padding is not supported");
    }
    const std::vector<int> to_ohwi{2, 0, 1, 3};
    FloatArray filter = permuted(*kernel, to_ohwi);
    auto bias = bias_or_zeros(c, filters);
    if (!bias) return bias.error();
    const std::string activation = config_activation(c.config(), "activation");
    if (!is_known_activation(activation)) return c.error("activation '" + activation + "' is not supported");
    const int32_t f = c.e.constant(c.name + "/kernel", filter.shape, std::span<const float>(filter.values));
    const int32_t b = c.e.constant(c.name + "/bias", {filters}, std::span<const float>(*bias));
    auto y = emit::transpose_conv(c.e, x, f, b, out_h, out_w, g->params, pre_activation_name(c, *g, activation));
    if (!y) return y.error();
    return finish(c, *g, *y, activation);
}

}  // namespace litelab::keras_layers
