// Single-operator models for the conv family's tests: operands by type, shape, quantization and
// (for constants) values; run under a forced kernel path and thread count.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "model/builder.h"
#include "runtime/interpreter.h"
#include "runtime/kernels/conv/conv_path.h"

namespace litelab::conv_test {

template <class T>
std::vector<uint8_t> bytes_of(const std::vector<T>& values) {
    std::vector<uint8_t> bytes(values.size() * sizeof(T));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

template <class T>
std::vector<T> values_of(const std::vector<uint8_t>& bytes) {
    std::vector<T> values(bytes.size() / sizeof(T));
    if (!values.empty()) std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
    return values;
}

inline Quantization quant(float scale, int64_t zero_point) {
    Quantization q;
    q.scale = {scale};
    q.zero_point = {zero_point};
    return q;
}

inline Quantization channel_quant(std::vector<float> scales, int32_t axis) {
    Quantization q;
    q.zero_point.assign(scales.size(), 0);
    q.scale = std::move(scales);
    q.quantized_dimension = axis;
    return q;
}

struct Operand {
    DType type = DType::kFloat32;
    std::vector<int32_t> shape;
    std::optional<Quantization> quant;
    std::vector<uint8_t> data;  // empty: a model input
    bool omitted = false;       // an optional input given as -1
};

inline Operand activation(DType type, std::vector<int32_t> shape, std::optional<Quantization> q = std::nullopt) {
    return {type, std::move(shape), std::move(q), {}, false};
}
template <class T>
Operand constant(DType type, std::vector<int32_t> shape, const std::vector<T>& values,
                 std::optional<Quantization> q = std::nullopt) {
    return {type, std::move(shape), std::move(q), bytes_of(values), false};
}
inline Operand omitted() { return {DType::kFloat32, {}, std::nullopt, {}, true}; }

inline Model single_op(tflite::BuiltinOperator op, const std::vector<Operand>& inputs, const Operand& output,
                       tflite::BuiltinOptionsUnion options, int32_t version = 1) {
    ModelBuilder b;
    std::vector<int32_t> op_inputs;
    std::vector<int32_t> model_inputs;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const Operand& o = inputs[i];
        if (o.omitted) {
            op_inputs.push_back(-1);
            continue;
        }
        const int32_t t = b.add_tensor("in" + std::to_string(i), o.type, o.shape,
                                       o.data.empty() ? Bytes{} : Bytes::copy_of(o.data), o.quant);
        op_inputs.push_back(t);
        if (o.data.empty()) model_inputs.push_back(t);
    }
    const int32_t out = b.add_tensor("out", output.type, output.shape, {}, output.quant);
    b.add_operator(op, op_inputs, {out}, std::move(options), version);
    b.set_inputs(model_inputs);
    b.set_outputs({out});
    return std::move(b).finish();
}

inline tflite::BuiltinOptionsUnion conv_options(tflite::Padding padding, int stride_h, int stride_w,
                                                tflite::ActivationFunctionType activation =
                                                    tflite::ActivationFunctionType_NONE,
                                                int dilation_h = 1, int dilation_w = 1,
                                                tflite::TensorType bias_type = tflite::TensorType_FLOAT32) {
    tflite::Conv2DOptionsT o;
    o.padding = padding;
    o.stride_h = stride_h;
    o.stride_w = stride_w;
    o.fused_activation_function = activation;
    o.dilation_h_factor = dilation_h;
    o.dilation_w_factor = dilation_w;
    o.quantized_bias_type = bias_type;
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(o));
    return u;
}

inline tflite::BuiltinOptionsUnion depthwise_options(tflite::Padding padding, int stride_h, int stride_w,
                                                     int depth_multiplier,
                                                     tflite::ActivationFunctionType activation =
                                                         tflite::ActivationFunctionType_NONE,
                                                     int dilation_h = 1, int dilation_w = 1) {
    tflite::DepthwiseConv2DOptionsT o;
    o.padding = padding;
    o.stride_h = stride_h;
    o.stride_w = stride_w;
    o.depth_multiplier = depth_multiplier;
    o.fused_activation_function = activation;
    o.dilation_h_factor = dilation_h;
    o.dilation_w_factor = dilation_w;
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(o));
    return u;
}

inline tflite::BuiltinOptionsUnion transpose_options(tflite::Padding padding, int stride_h, int stride_w,
                                                     tflite::ActivationFunctionType activation =
                                                         tflite::ActivationFunctionType_NONE,
                                                     tflite::TensorType bias_type = tflite::TensorType_FLOAT32) {
    tflite::TransposeConvOptionsT o;
    o.padding = padding;
    o.stride_h = stride_h;
    o.stride_w = stride_w;
    o.fused_activation_function = activation;
    o.quantized_bias_type = bias_type;
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(o));
    return u;
}

// Compiles `model` with `path` forced and `threads`, feeds `inputs` (the model inputs' bytes in
// order) and returns the output's bytes; failures become test failures and an empty result.
inline std::vector<uint8_t> run(const Model& model, const std::vector<std::vector<uint8_t>>& inputs,
                                conv::ConvPath path = conv::ConvPath::kAuto, int threads = 1) {
    std::shared_ptr<const Interpreter> compiled;
    {
        const conv::ScopedConvPath forced(path);
        CompileOptions options;
        options.threads = threads;
        auto result = Interpreter::compile(model, options);
        if (!result) {
            ADD_FAILURE() << result.error().message;
            return {};
        }
        compiled = *result;
    }
    Execution execution(compiled);
    for (size_t i = 0; i < inputs.size(); ++i) {
        auto dst = execution.input(i);
        if (dst.size() != inputs[i].size()) {
            ADD_FAILURE() << "input " << i << " holds " << dst.size() << " bytes, given " << inputs[i].size();
            return {};
        }
        std::memcpy(dst.data(), inputs[i].data(), dst.size());
    }
    if (auto status = execution.run(); !status) {
        ADD_FAILURE() << status.error().message;
        return {};
    }
    const auto out = execution.output(0);
    return {out.begin(), out.end()};
}

template <class T>
std::vector<T> run_as(const Model& model, const std::vector<std::vector<uint8_t>>& inputs,
                      conv::ConvPath path = conv::ConvPath::kAuto, int threads = 1) {
    return values_of<T>(run(model, inputs, path, threads));
}

// The compile error's message, or "" when the model compiles.
inline std::string compile_error(const Model& model) {
    auto compiled = Interpreter::compile(model);
    return compiled ? std::string() : compiled.error().message;
}

template <class T>
std::vector<T> random_values(std::mt19937& rng, size_t n, double lo, double hi) {
    std::vector<T> v(n);
    if constexpr (std::is_floating_point_v<T>) {
        std::uniform_real_distribution<T> d(static_cast<T>(lo), static_cast<T>(hi));
        for (T& x : v) x = d(rng);
    } else {
        std::uniform_int_distribution<int64_t> d(static_cast<int64_t>(lo), static_cast<int64_t>(hi));
        for (T& x : v) x = static_cast<T>(d(rng));
    }
    return v;
}

}  // namespace litelab::conv_test
