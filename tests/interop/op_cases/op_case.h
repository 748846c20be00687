// Single-operator (or few-operator) models that prove a kernel against the independent
// runtimes: op_interop_test builds each case, runs it in LiteLab and in every peer runtime in
// ../shared/oracles on the same inputs, and compares.
//
// Each kernel family contributes a function returning its cases (declared below, defined in
// <family>_cases.cpp). Build models with support/op_model.h (single_op, OpModel), CaseModel
// below, or litelab::ModelBuilder (model/builder.h) for anything else.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/model.h"
#include "support/op_model.h"

namespace litelab::test {

struct OpCase {
    std::string name;  // unique, file-name safe: "ADD_int8_broadcast"
    Model model;
    // Random inputs, drawn per input dtype: floats uniform in [low, high); int8/uint8/int16 over
    // their full range unless int_low/int_high narrow it; int32/int64 in [int_low, int_high];
    // bool 0/1.
    float low = -1.0f;
    float high = 1.0f;
    std::optional<int64_t> int_low;
    std::optional<int64_t> int_high;
    // Float outputs: |ours - peer| <= atol + rtol * |peer|.
    double atol = 1e-6;
    double rtol = 1e-5;
    // Integer outputs: at least this fraction exactly equal, and every element within max_int_diff.
    double exact_fraction = 0.99;
    int max_int_diff = 1;
    // Peers known to compute this case wrongly, with the reason (e.g. Arm NN's quantized PAD):
    // they still run and their result is printed, but it does not decide the test.
    std::vector<std::pair<std::string, std::string>> unreliable_peers;
    // Set when no peer can run this case (with the reason): the test then only checks that
    // LiteLab runs it, and says so.
    std::optional<std::string> no_peer_reason;
};

// A case with the default inputs and tolerances.
OpCase case_of(std::string name, Model model);
// The same case with float inputs drawn from [low, high).
OpCase in_range(OpCase c, float low, float high);

// "float32", "int8", ...: the type as case names spell it.
std::string type_label(DType type);

// An OpModel whose quantized tensors get one typical quantization per type unless told
// otherwise, and whose stored output shapes come from LiteLab's own compile: the peers size
// their output buffers from the file (and recompute the shapes anyway).
class CaseModel {
public:
    explicit CaseModel(std::string name) : name_(std::move(name)) {}

    int32_t input(DType type, std::vector<int32_t> shape) { return input(type, std::move(shape), default_quant(type)); }
    int32_t input(DType type, std::vector<int32_t> shape, std::optional<Quantization> q) {
        return model_.input(type, std::move(shape), std::move(q));
    }
    template <class T>
    int32_t constant(DType type, std::vector<int32_t> shape, const std::vector<T>& values) {
        return model_.constant(type, std::move(shape), values, default_quant(type));
    }
    int32_t ints(std::vector<int32_t> shape, const std::vector<int32_t>& values) {
        return model_.ints(std::move(shape), values);
    }
    int32_t output(DType type) { return output(type, default_quant(type)); }
    int32_t output(DType type, std::optional<Quantization> q) { return model_.output(type, std::move(q)); }
    int32_t intermediate(DType type) { return model_.intermediate(type, default_quant(type)); }
    void op(tflite::BuiltinOperator code, std::vector<int32_t> ins, tflite::BuiltinOptionsUnion options = {}) {
        model_.op(code, std::move(ins), std::move(options));
    }
    void op(tflite::BuiltinOperator code, std::vector<int32_t> ins, std::vector<int32_t> outs,
            tflite::BuiltinOptionsUnion options) {
        model_.op(code, std::move(ins), std::move(outs), std::move(options));
    }

    OpCase finish() &&;

private:
    static std::optional<Quantization> default_quant(DType type);

    std::string name_;
    OpModel model_;
};

std::vector<OpCase> elementwise_op_cases();
std::vector<OpCase> activation_op_cases();
std::vector<OpCase> quantize_op_cases();
std::vector<OpCase> conv_op_cases();
std::vector<OpCase> fully_connected_op_cases();
std::vector<OpCase> pooling_op_cases();
std::vector<OpCase> reduce_op_cases();
std::vector<OpCase> softmax_op_cases();
std::vector<OpCase> shape_op_cases();
std::vector<OpCase> layout_op_cases();
std::vector<OpCase> recurrent_op_cases();
std::vector<OpCase> control_flow_op_cases();
std::vector<OpCase> conv3d_tile_pow_op_cases();

}  // namespace litelab::test
