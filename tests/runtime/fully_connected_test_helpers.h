// Single-operator models for the fully_connected family's tests: operands given by type, shape,
// quantization and (for constants) values; runs under either matmul path and thread count.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/builder.h"
#include "runtime/interpreter.h"
#include "runtime/kernels/fully_connected/matmul_path.h"

namespace litelab::fc_test {

template <class T>
std::vector<uint8_t> raw(const std::vector<T>& values) {
    std::vector<uint8_t> bytes(values.size() * sizeof(T));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

template <class T>
std::vector<T> typed(std::span<const uint8_t> bytes) {
    std::vector<T> values(bytes.size() / sizeof(T));
    if (!values.empty()) std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
    return values;
}

inline Quantization per_tensor(float scale, int64_t zero_point) {
    Quantization q;
    q.scale = {scale};
    q.zero_point = {zero_point};
    return q;
}

inline Quantization per_channel(std::vector<float> scales, int32_t axis) {
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
    std::vector<uint8_t> constant;  // empty: a model input
    bool omitted = false;           // an optional input left out (index -1)
};

inline Operand input(DType type, std::vector<int32_t> shape, std::optional<Quantization> q = std::nullopt) {
    return {type, std::move(shape), std::move(q), {}, false};
}
template <class T>
Operand constant(DType type, std::vector<int32_t> shape, const std::vector<T>& values,
                 std::optional<Quantization> q = std::nullopt) {
    return {type, std::move(shape), std::move(q), raw(values), false};
}
inline Operand omitted() { return {DType::kFloat32, {}, std::nullopt, {}, true}; }

inline Model single_op(tflite::BuiltinOperator op, const std::vector<Operand>& inputs, const Operand& output,
                       tflite::BuiltinOptionsUnion options) {
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
                                       o.constant.empty() ? Bytes{} : Bytes::copy_of(o.constant), o.quant);
        op_inputs.push_back(t);
        if (o.constant.empty()) model_inputs.push_back(t);
    }
    const int32_t out = b.add_tensor("out", output.type, output.shape, {}, output.quant);
    b.add_operator(op, op_inputs, {out}, std::move(options));
    b.set_inputs(model_inputs);
    b.set_outputs({out});
    return std::move(b).finish();
}

// Compiles `model` with `path` and `threads`, feeds `inputs` (the model inputs' bytes, in
// order) and returns the output's bytes; failures become test failures and an empty result.
inline std::vector<uint8_t> run(const Model& model, const std::vector<std::vector<uint8_t>>& inputs,
                                MatmulPath path = MatmulPath::kFast, int threads = 1) {
    set_matmul_path(path);
    CompileOptions options;
    options.threads = threads;
    auto compiled = Interpreter::compile(model, options);
    set_matmul_path(MatmulPath::kFast);
    if (!compiled) {
        ADD_FAILURE() << compiled.error().message;
        return {};
    }
    Execution execution(*compiled);
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

// The compile error's message, or "" when the model compiles.
inline std::string compile_error(const Model& model) {
    auto compiled = Interpreter::compile(model);
    return compiled ? std::string() : compiled.error().message;
}

inline std::vector<int32_t> output_shape(const Model& model) {
    auto compiled = Interpreter::compile(model);
    if (!compiled) {
        ADD_FAILURE() << compiled.error().message;
        return {};
    }
    return (*compiled)->output_info(0).shape;
}

inline void expect_contains(const std::string& text, const std::string& part) {
    EXPECT_NE(text.find(part), std::string::npos) << "\"" << text << "\" does not contain \"" << part << "\"";
}

template <class T>
tflite::BuiltinOptionsUnion options_of(T value) {
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(value));
    return u;
}

inline tflite::BuiltinOptionsUnion fc_options(tflite::ActivationFunctionType activation =
                                                  tflite::ActivationFunctionType_NONE,
                                              bool keep_num_dims = false, bool asymmetric = false) {
    tflite::FullyConnectedOptionsT o;
    o.fused_activation_function = activation;
    o.keep_num_dims = keep_num_dims;
    o.asymmetric_quantize_inputs = asymmetric;
    return options_of(o);
}

inline tflite::BuiltinOptionsUnion bmm_options(bool adj_x = false, bool adj_y = false, bool asymmetric = false) {
    tflite::BatchMatMulOptionsT o;
    o.adj_x = adj_x;
    o.adj_y = adj_y;
    o.asymmetric_quantize_inputs = asymmetric;
    return options_of(o);
}

}  // namespace litelab::fc_test
