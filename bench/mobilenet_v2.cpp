#include "mobilenet_v2.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include "model/builder.h"

namespace litelab::bench {

namespace {

// Activation scales of the int8 variant: ReLU6 outputs cover [0, 6], linear outputs about ±12.
constexpr float kRelu6Scale = 6.0f / 255.0f;
constexpr int64_t kRelu6ZeroPoint = -128;
constexpr float kLinearScale = 0.1f;

class Builder {
public:
    explicit Builder(BenchPrecision precision) : int8_(precision == BenchPrecision::kInt8), random_(7) {}

    struct Value {
        int32_t tensor;
        int32_t h, w, c;
        float scale;
        int64_t zero_point;
    };

    Value input() {
        Value v{0, 224, 224, 3, 1.0f / 128.0f, 0};
        v.tensor = activation("input", v, v.scale, v.zero_point);
        b_.set_inputs({v.tensor});
        return v;
    }

    // Conv 3x3 / 1x1 (groups 1) or depthwise 3x3, SAME padding, ReLU6 or linear.
    Value conv(const Value& in, int out_channels, int kernel, int stride, bool depthwise, bool relu6) {
        const int h = (in.h + stride - 1) / stride, w = (in.w + stride - 1) / stride;
        const int channels = depthwise ? in.c : out_channels;
        const int fan_in = depthwise ? kernel * kernel : kernel * kernel * in.c;
        const std::vector<int32_t> weight_shape = depthwise ? std::vector<int32_t>{1, kernel, kernel, channels}
                                                            : std::vector<int32_t>{channels, kernel, kernel, in.c};
        const std::string name = "layer" + std::to_string(++layers_);
        std::vector<float> weights(static_cast<size_t>(channels) * static_cast<size_t>(kernel * kernel) *
                                   static_cast<size_t>(depthwise ? 1 : in.c));
        const float limit = std::sqrt(3.0f / static_cast<float>(fan_in));
        std::uniform_real_distribution<float> draw(-limit, limit);
        for (float& x : weights) x = draw(random_);
        std::vector<float> bias(static_cast<size_t>(channels));
        for (float& x : bias) x = 0.1f * draw(random_);

        Value out{0, h, w, channels, relu6 ? kRelu6Scale : kLinearScale, relu6 ? kRelu6ZeroPoint : 0};
        const int32_t weight_tensor = constant_weights(name + "/weights", weight_shape, weights, depthwise ? 3 : 0, in.scale);
        const int32_t bias_tensor = constant_bias(name + "/bias", bias, weights, channels, in.scale);
        out.tensor = activation(name, out, out.scale, out.zero_point);
        tflite::BuiltinOptionsUnion options;
        const auto activation_fn = relu6 ? tflite::ActivationFunctionType_RELU6 : tflite::ActivationFunctionType_NONE;
        if (depthwise) {
            tflite::DepthwiseConv2DOptionsT o;
            o.padding = tflite::Padding_SAME;
            o.stride_w = o.stride_h = stride;
            o.depth_multiplier = 1;
            o.fused_activation_function = activation_fn;
            options.Set(o);
            b_.add_operator(tflite::BuiltinOperator_DEPTHWISE_CONV_2D, {in.tensor, weight_tensor, bias_tensor},
                            {out.tensor}, options, int8_ ? 3 : 1);
        } else {
            tflite::Conv2DOptionsT o;
            o.padding = tflite::Padding_SAME;
            o.stride_w = o.stride_h = stride;
            o.fused_activation_function = activation_fn;
            options.Set(o);
            b_.add_operator(tflite::BuiltinOperator_CONV_2D, {in.tensor, weight_tensor, bias_tensor}, {out.tensor},
                            options, int8_ ? 3 : 1);
        }
        return out;
    }

    Value add(const Value& a, const Value& b) {
        Value out = a;
        out.scale = 0.15f;
        out.zero_point = 0;
        out.tensor = activation("add" + std::to_string(++layers_), out, out.scale, out.zero_point);
        tflite::AddOptionsT o;
        tflite::BuiltinOptionsUnion options;
        options.Set(o);
        b_.add_operator(tflite::BuiltinOperator_ADD, {a.tensor, b.tensor}, {out.tensor}, options, int8_ ? 2 : 1);
        return out;
    }

    Value inverted_residual(const Value& in, int expansion, int out_channels, int stride) {
        Value x = in;
        if (expansion != 1) x = conv(x, in.c * expansion, 1, 1, false, true);
        x = conv(x, 0, 3, stride, true, true);
        x = conv(x, out_channels, 1, 1, false, false);
        if (stride == 1 && in.c == out_channels) x = add(in, x);
        return x;
    }

    // Global average pool, fully connected to 1000 classes, softmax.
    void head(const Value& in) {
        Value pooled{0, 1, 1, in.c, in.scale, in.zero_point};
        pooled.tensor = activation("pool", pooled, pooled.scale, pooled.zero_point);
        tflite::Pool2DOptionsT pool;
        pool.padding = tflite::Padding_VALID;
        pool.stride_w = pool.stride_h = 1;
        pool.filter_width = in.w;
        pool.filter_height = in.h;
        tflite::BuiltinOptionsUnion pool_options;
        pool_options.Set(pool);
        b_.add_operator(tflite::BuiltinOperator_AVERAGE_POOL_2D, {in.tensor}, {pooled.tensor}, pool_options, int8_ ? 2 : 1);

        const int32_t flat = typed("flat", {1, in.c}, pooled.scale, pooled.zero_point);
        const int32_t shape = b_.add_int32_constant("flat/shape", {2}, std::vector<int32_t>{1, in.c});
        b_.add_operator(tflite::BuiltinOperator_RESHAPE, {pooled.tensor, shape}, {flat});

        const int classes = 1000;
        std::vector<float> weights(static_cast<size_t>(classes * in.c));
        std::uniform_real_distribution<float> draw(-0.05f, 0.05f);
        for (float& x : weights) x = draw(random_);
        std::vector<float> bias(static_cast<size_t>(classes), 0.0f);
        const int32_t w = constant_weights("logits/weights", {classes, in.c}, weights, 0, pooled.scale);
        const int32_t b = constant_bias("logits/bias", bias, weights, classes, pooled.scale);
        const int32_t logits = typed("logits", {1, classes}, 0.2f, 0);
        tflite::FullyConnectedOptionsT fc;
        tflite::BuiltinOptionsUnion fc_options;
        fc_options.Set(fc);
        b_.add_operator(tflite::BuiltinOperator_FULLY_CONNECTED, {flat, w, b}, {logits}, fc_options, int8_ ? 4 : 1);

        const int32_t probabilities = typed("probabilities", {1, classes}, 1.0f / 256.0f, -128);
        tflite::SoftmaxOptionsT softmax;
        softmax.beta = 1.0f;
        tflite::BuiltinOptionsUnion softmax_options;
        softmax_options.Set(softmax);
        b_.add_operator(tflite::BuiltinOperator_SOFTMAX, {logits}, {probabilities}, softmax_options, int8_ ? 2 : 1);
        b_.set_outputs({probabilities});
    }

    Model finish() && { return std::move(b_).finish(); }

private:
    int32_t typed(const std::string& name, std::vector<int32_t> shape, float scale, int64_t zero_point) {
        if (!int8_) return b_.add_tensor(name, DType::kFloat32, std::move(shape));
        Quantization q;
        q.scale = {scale};
        q.zero_point = {zero_point};
        return b_.add_tensor(name, DType::kInt8, std::move(shape), {}, q);
    }
    int32_t activation(const std::string& name, const Value& v, float scale, int64_t zero_point) {
        return typed(name, {1, v.h, v.w, v.c}, scale, zero_point);
    }

    // Float weights, or int8 with one symmetric scale per output channel along `axis`.
    int32_t constant_weights(const std::string& name, const std::vector<int32_t>& shape, const std::vector<float>& w,
                             int axis, float /*input_scale*/) {
        if (!int8_) return b_.add_float_constant(name, shape, w);
        const int channels = shape[static_cast<size_t>(axis)];
        const size_t per_channel = w.size() / static_cast<size_t>(channels);
        std::vector<float> scales(static_cast<size_t>(channels), 0.0f);
        auto channel_of = [&](size_t i) {
            return axis == 0 ? i / per_channel : i % static_cast<size_t>(channels);
        };
        for (size_t i = 0; i < w.size(); ++i) scales[channel_of(i)] = std::max(scales[channel_of(i)], std::abs(w[i]));
        for (float& s : scales) s = std::max(s, 1e-6f) / 127.0f;
        std::vector<uint8_t> bytes(w.size());
        for (size_t i = 0; i < w.size(); ++i)
            bytes[i] = static_cast<uint8_t>(static_cast<int8_t>(std::clamp(std::lround(w[i] / scales[channel_of(i)]), -127L, 127L)));
        Quantization q;
        q.scale = scales;
        q.zero_point.assign(scales.size(), 0);
        q.quantized_dimension = axis;
        channel_scales_ = scales;
        return b_.add_tensor(name, DType::kInt8, shape, Bytes::take(std::move(bytes)), q);
    }
    int32_t constant_bias(const std::string& name, const std::vector<float>& bias, const std::vector<float>& /*w*/,
                          int channels, float input_scale) {
        if (!int8_) return b_.add_float_constant(name, {channels}, bias);
        std::vector<int32_t> q(bias.size());
        Quantization quant;
        for (size_t i = 0; i < bias.size(); ++i) {
            const float scale = input_scale * channel_scales_[i];
            q[i] = static_cast<int32_t>(std::lround(bias[i] / scale));
            quant.scale.push_back(scale);
            quant.zero_point.push_back(0);
        }
        std::vector<uint8_t> bytes(q.size() * 4);
        std::memcpy(bytes.data(), q.data(), bytes.size());
        return b_.add_tensor(name, DType::kInt32, {channels}, Bytes::take(std::move(bytes)), quant);
    }

    bool int8_;
    std::mt19937 random_;
    ModelBuilder b_;
    int layers_ = 0;
    std::vector<float> channel_scales_;
};

}  // namespace

Model make_mobilenet_v2(BenchPrecision precision) {
    Builder b(precision);
    Builder::Value x = b.input();
    x = b.conv(x, 32, 3, 2, false, true);
    struct Stage {
        int expansion, channels, repeats, stride;
    };
    for (const Stage s : {Stage{1, 16, 1, 1}, Stage{6, 24, 2, 2}, Stage{6, 32, 3, 2}, Stage{6, 64, 4, 2},
                          Stage{6, 96, 3, 1}, Stage{6, 160, 3, 2}, Stage{6, 320, 1, 1}}) {
        for (int r = 0; r < s.repeats; ++r) x = b.inverted_residual(x, s.expansion, s.channels, r == 0 ? s.stride : 1);
    }
    x = b.conv(x, 1280, 1, 1, false, true);
    b.head(x);
    return std::move(b).finish();
}

}  // namespace litelab::bench
