// Helpers for the elementwise kernel tests: one-operator models, run through the interpreter.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "model/builder.h"
#include "runtime/interpreter.h"

namespace litelab::elementwise_test {

struct Operand {
    DType type = DType::kFloat32;
    std::vector<int32_t> shape;
    std::optional<Quantization> quantization;
};

inline Operand plain(DType type, std::vector<int32_t> shape) { return {type, std::move(shape), std::nullopt}; }
inline Operand quantized(DType type, std::vector<int32_t> shape, float scale, int64_t zero_point) {
    Quantization q;
    q.scale = {scale};
    q.zero_point = {zero_point};
    return {type, std::move(shape), std::move(q)};
}

// A model whose inputs feed one operator whose output is the model's output.
inline Model op_model(tflite::BuiltinOperator op, const std::vector<Operand>& inputs, const Operand& output,
                      tflite::BuiltinOptionsUnion options = {}) {
    ModelBuilder b;
    std::vector<int32_t> in;
    for (size_t i = 0; i < inputs.size(); ++i)
        in.push_back(b.add_tensor("in" + std::to_string(i), inputs[i].type, inputs[i].shape, {}, inputs[i].quantization));
    const int32_t out = b.add_tensor("out", output.type, output.shape, {}, output.quantization);
    b.add_operator(op, in, {out}, std::move(options));
    b.set_inputs(in);
    b.set_outputs({out});
    return std::move(b).finish();
}

template <class T>
std::vector<uint8_t> bytes(const std::vector<T>& values) {
    std::vector<uint8_t> out(values.size() * sizeof(T));
    if (!out.empty()) std::memcpy(out.data(), values.data(), out.size());
    return out;
}

// Compiles and runs `model`; the output's values, or an empty vector after reporting a failure.
template <class Out>
std::vector<Out> run(const Model& model, const std::vector<std::vector<uint8_t>>& inputs, int threads = 1,
                     std::vector<int32_t>* output_shape = nullptr) {
    CompileOptions options;
    options.threads = threads;
    auto interpreter = Interpreter::compile(model, options);
    if (!interpreter) {
        ADD_FAILURE() << "compile: " << interpreter.error().message;
        return {};
    }
    Execution execution(*interpreter);
    for (size_t i = 0; i < inputs.size(); ++i) {
        const auto to = execution.input(i);
        EXPECT_EQ(to.size(), inputs[i].size()) << "input " << i;
        std::memcpy(to.data(), inputs[i].data(), std::min(to.size(), inputs[i].size()));
    }
    if (const Status status = execution.run(); !status) {
        ADD_FAILURE() << "run: " << status.error().message;
        return {};
    }
    if (output_shape) *output_shape = (*interpreter)->output_info(0).shape;
    const auto from = execution.output(0);
    std::vector<Out> out(from.size() / sizeof(Out));
    std::memcpy(out.data(), from.data(), out.size() * sizeof(Out));
    return out;
}

// The message of a failed compilation, or "" when it compiles.
inline std::string compile_error(const Model& model) {
    auto interpreter = Interpreter::compile(model);
    return interpreter ? std::string() : interpreter.error().message;
}

// The message of a failed run, or "" when it runs.
inline std::string run_error(const Model& model, const std::vector<std::vector<uint8_t>>& inputs) {
    auto interpreter = Interpreter::compile(model);
    if (!interpreter) return "compile: " + interpreter.error().message;
    Execution execution(*interpreter);
    for (size_t i = 0; i < inputs.size(); ++i) std::memcpy(execution.input(i).data(), inputs[i].data(), inputs[i].size());
    const Status status = execution.run();
    return status ? std::string() : status.error().message;
}

}  // namespace litelab::elementwise_test
