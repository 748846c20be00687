// Single-operator models for the kernel tests (tests/runtime) and the interop cases
// (tests/interop/op_cases), in one vocabulary: operands by type, shape, quantization and (for
// constants) values; the model around one operator (single_op) or a few (OpModel); the options
// tables of the operators; and a run through LiteLab's interpreter, whose failures either become
// test failures (run_as, run) or are returned for tests that check refusals (try_run).
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "core/result.h"
#include "model/builder.h"
#include "model/model.h"

namespace litelab::test {

// Values as raw bytes (to compare with a run's output bytes), as the bytes of a constant or a
// model input, and bytes back as values.
template <class T>
std::vector<uint8_t> raw_bytes(const std::vector<T>& values) {
    std::vector<uint8_t> bytes(values.size() * sizeof(T));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

template <class T>
Bytes bytes_of(const std::vector<T>& values) {
    return Bytes::take(raw_bytes(values));
}

template <class T>
std::vector<T> values_of(std::span<const uint8_t> bytes) {
    std::vector<T> values(bytes.size() / sizeof(T));
    if (!values.empty()) std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
    return values;
}

// 0, 1, ..., n - 1: inputs whose every element is told apart by its value.
std::vector<float> iota_floats(int n);

// `n` values uniform in [lo, hi] (integers) or [lo, hi) (floats).
template <class T>
std::vector<T> random_values(std::mt19937& rng, size_t n, double lo, double hi) {
    std::vector<T> values(n);
    if constexpr (std::is_floating_point_v<T>) {
        std::uniform_real_distribution<T> draw(static_cast<T>(lo), static_cast<T>(hi));
        for (T& v : values) v = draw(rng);
    } else {
        std::uniform_int_distribution<int64_t> draw(static_cast<int64_t>(lo), static_cast<int64_t>(hi));
        for (T& v : values) v = static_cast<T>(draw(rng));
    }
    return values;
}

// Models -----------------------------------------------------------------------------------------

// Per-tensor quantization.
Quantization quant(float scale, int64_t zero_point = 0);
// Per-channel quantization along `axis`: zero points 0 (weights and biases), or as given.
Quantization channel_quant(std::vector<float> scales, int32_t axis);
Quantization channel_quant(std::vector<float> scales, std::vector<int64_t> zero_points, int32_t axis);

// One operand of a single-operator model (or its output).
struct Operand {
    DType type = DType::kFloat32;
    std::vector<int32_t> shape;
    std::optional<Quantization> quant;
    Bytes data;            // empty: computed at run time (a model input, or the output)
    bool omitted = false;  // an optional input left out (index -1)
};

// A tensor computed at run time: a model input, or the output. Then the shorthands the
// elementwise, activation and quantize tests write by the dozen.
Operand activation(DType type, std::vector<int32_t> shape, std::optional<Quantization> q = std::nullopt);
Operand plain(DType type, std::vector<int32_t> shape);
Operand f32(std::vector<int32_t> shape);
Operand quantized(DType type, std::vector<int32_t> shape, float scale, int64_t zero_point);

template <class T>
Operand constant(DType type, std::vector<int32_t> shape, const std::vector<T>& values,
                 std::optional<Quantization> q = std::nullopt) {
    return {type, std::move(shape), std::move(q), bytes_of(values), false};
}

Operand omitted();

// One operator from `inputs` to `output`. Inputs without data are the model's inputs, in order;
// tensors are named in0, in1, ... and out.
Model single_op(tflite::BuiltinOperator op, const std::vector<Operand>& inputs, const Operand& output,
                tflite::BuiltinOptionsUnion options = {}, int32_t version = 1);

// Completes a model of one UNIDIRECTIONAL_SEQUENCE_LSTM over the tensors `b` holds: `inputs` are
// its 24 inputs in TFLite's order (-1 where absent); inputs[0] becomes the model's input and
// inputs[18], inputs[19] (the output and cell states) variables starting at zero. The integer
// kernel reads its scales from `intermediates`.
Model finish_lstm(ModelBuilder&& b, const std::vector<int32_t>& inputs, int32_t output,
                  tflite::BuiltinOptionsUnion options, std::vector<int32_t> intermediates = {});

struct RunOutcome;

// A model built tensor by tensor where single_op does not fit: several outputs, outputs whose
// shape the interpreter infers, a short chain of operators through intermediates.
class OpModel {
public:
    int32_t input(DType type, std::vector<int32_t> shape, std::optional<Quantization> q = std::nullopt);
    template <class T>
    int32_t constant(DType type, std::vector<int32_t> shape, const std::vector<T>& values,
                     std::optional<Quantization> q = std::nullopt) {
        return builder_.add_tensor("const", type, std::move(shape), bytes_of(values), std::move(q));
    }
    int32_t ints(std::vector<int32_t> shape, const std::vector<int32_t>& values) {
        return constant(DType::kInt32, std::move(shape), values);
    }
    // A model output; its shape is left to the interpreter.
    int32_t output(DType type, std::optional<Quantization> q = std::nullopt);
    // A tensor between two operators.
    int32_t intermediate(DType type, std::optional<Quantization> q = std::nullopt);
    // An operator writing the model's outputs declared so far, or `outs`.
    void op(tflite::BuiltinOperator code, std::vector<int32_t> ins, tflite::BuiltinOptionsUnion options = {});
    void op(tflite::BuiltinOperator code, std::vector<int32_t> ins, std::vector<int32_t> outs,
            tflite::BuiltinOptionsUnion options);

    Model model() const;
    // try_run on the model.
    RunOutcome run(const std::vector<Bytes>& inputs) const;

private:
    ModelBuilder builder_;
    std::vector<int32_t> inputs_, outputs_;
};

// Running ----------------------------------------------------------------------------------------

// What one run of a model gave: every output's shape and bytes, or the error that stopped it.
struct RunOutcome {
    std::string error;                     // the compile or run error; "" when the model ran
    ErrorCode code = ErrorCode::kInvalid;  // the error's code, when there is one
    std::vector<std::vector<int32_t>> shapes;
    std::vector<std::vector<uint8_t>> outputs;
    template <class T>
    std::vector<T> out(size_t i = 0) const {
        return i < outputs.size() ? values_of<T>(outputs[i]) : std::vector<T>{};
    }
};

// Compiles `model` for `threads` and runs it once on `inputs` (the model inputs' bytes, in order).
// Compile and run errors are returned; an input of the wrong size is a test failure.
RunOutcome try_run(const Model& model, const std::vector<Bytes>& inputs, int threads = 1);
// The same, for runs that must succeed: an error is a test failure too.
RunOutcome run_checked(const Model& model, const std::vector<Bytes>& inputs, int threads = 1);

// Output 0's values of a run that must succeed; empty after a failure.
template <class T>
std::vector<T> run_as(const Model& model, const std::vector<Bytes>& inputs, int threads = 1) {
    return run_checked(model, inputs, threads).template out<T>();
}
// The same for a model of one input, given as values.
template <class Out, class In>
std::vector<Out> run(const Model& model, const std::vector<In>& input, int threads = 1) {
    return run_as<Out>(model, {bytes_of(input)}, threads);
}

// The only output of a run with its shape, as a Result: for tests that check error codes.
struct Output {
    std::vector<int32_t> shape;
    std::vector<uint8_t> bytes;
    template <class T>
    std::vector<T> values() const {
        return values_of<T>(bytes);
    }
};
Result<Output> only_output(const RunOutcome& outcome);

// The compile error's message, or "" when the model compiles.
std::string compile_error(const Model& model);
// The compile error of a model that must be refused as unsupported (anything else fails the test).
std::string refusal(const Model& model);

// Options ----------------------------------------------------------------------------------------

// Every builtin's options are a flatbuffers table wrapped in a union.
template <class T>
tflite::BuiltinOptionsUnion options_of(T table) {
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(table));
    return u;
}

tflite::BuiltinOptionsUnion conv_options(
    tflite::Padding padding, int stride_h, int stride_w,
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE, int dilation_h = 1,
    int dilation_w = 1, tflite::TensorType bias_type = tflite::TensorType_FLOAT32);
tflite::BuiltinOptionsUnion depthwise_options(
    tflite::Padding padding, int stride_h, int stride_w, int depth_multiplier,
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE, int dilation_h = 1,
    int dilation_w = 1);
tflite::BuiltinOptionsUnion transpose_conv_options(
    tflite::Padding padding, int stride_h, int stride_w,
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE,
    tflite::TensorType bias_type = tflite::TensorType_FLOAT32);
tflite::BuiltinOptionsUnion pool_options(
    tflite::Padding padding, int stride_h, int stride_w, int filter_h, int filter_w,
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE);
tflite::BuiltinOptionsUnion fc_options(tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE,
                                       bool keep_num_dims = false, bool asymmetric = false);
tflite::BuiltinOptionsUnion bmm_options(bool adj_x = false, bool adj_y = false, bool asymmetric = false);
tflite::BuiltinOptionsUnion softmax_options(float beta);
tflite::BuiltinOptionsUnion reducer_options(bool keep_dims);
tflite::BuiltinOptionsUnion arg_max_options(tflite::TensorType output_type);
tflite::BuiltinOptionsUnion arg_min_options(tflite::TensorType output_type);
// UNIDIRECTIONAL_SEQUENCE_LSTM with the tanh activation every converter writes.
tflite::BuiltinOptionsUnion lstm_options(float cell_clip = 0.0f, float proj_clip = 0.0f, bool time_major = false,
                                         bool asymmetric = false);
tflite::BuiltinOptionsUnion leaky_relu_options(float alpha);
tflite::BuiltinOptionsUnion gelu_options(bool approximate);

}  // namespace litelab::test
