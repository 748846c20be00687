// The state of one ONNX -> TFLite lowering: what every ONNX value has become (a constant known
// at import time, or a TFLite tensor in some axis order), and the helpers the per-operator
// lowerings emit TFLite operators with.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "import/onnx/axis_order.h"
#include "import/onnx/onnx_graph.h"
#include "model/builder.h"

namespace litelab::onnx {

struct LoweredValue {
    DType type = DType::kFloat32;
    std::vector<int64_t> shape;          // in ONNX's axis order
    std::optional<OnnxTensor> constant;  // known at import time (initializers, folded subgraphs)
    int32_t tensor = -1;                 // the TFLite tensor, stored in `order`; -1 until needed
    AxisOrder order;
    std::map<AxisOrder, int32_t> other_orders;  // TRANSPOSEs already emitted, reused
    // A [rows, K] value flattened from a channels-last tensor without a TRANSPOSE: stored column
    // j holds ONNX column feature_order[j]. Only Gemm / MatMul with constant weights read such a
    // value (they permute the weights' rows instead); empty for ordinary values.
    std::vector<int64_t> feature_order;
};

class Lowering {
public:
    Lowering(const OnnxGraph& graph, ModelBuilder& builder) : graph_(graph), builder_(builder) {}

    const OnnxGraph& graph() const { return graph_; }
    int64_t opset() const { return graph_.opset; }

    bool known(const std::string& name) const { return values_.count(name) != 0; }
    const LoweredValue& value(const std::string& name) const { return values_.at(name); }
    const std::vector<int64_t>& shape(const std::string& name) const { return value(name).shape; }
    int rank(const std::string& name) const { return static_cast<int>(shape(name).size()); }
    DType type(const std::string& name) const { return value(name).type; }
    // The value when known at import time, else nullptr.
    const OnnxTensor* constant(const std::string& name) const;
    // The axis order the value's tensor has now (identity for constants not yet emitted).
    AxisOrder order(const std::string& name) const;

    // The value as a TFLite tensor stored in `order`: constants are written permuted, activations
    // get one TRANSPOSE per requested order (emitted once, then reused).
    int32_t tensor(const std::string& name, const AxisOrder& order);
    // The value as a TFLite tensor in whatever order it has.
    int32_t tensor(const std::string& name);

    // For elementwise operators: the value with leading 1s up to `rank`, stored in `order`.
    int32_t broadcast_operand(const std::string& name, int rank, const AxisOrder& order);
    // The order an elementwise result takes: that of its first computed input of full rank.
    AxisOrder elementwise_order(const std::vector<std::string>& names, int rank) const;

    // Defines ONNX value `name` as TFLite tensor `tensor` (stored in `order`).
    void define(const std::string& name, DType type, std::vector<int64_t> shape, AxisOrder order, int32_t tensor);
    // Creates the TFLite tensor for ONNX value `name` (named after it) and defines the value.
    int32_t define_new(const std::string& name, DType type, std::vector<int64_t> shape, AxisOrder order);
    void define_constant(const std::string& name, OnnxTensor value);
    void alias(const std::string& name, const std::string& source) { values_[name] = values_.at(source); }
    void set_feature_order(const std::string& name, std::vector<int64_t> order) {
        values_.at(name).feature_order = std::move(order);
    }

    // Emission helpers. Shapes here are the stored (TFLite) shapes.
    int32_t temp(const std::string& hint, DType type, const std::vector<int64_t>& stored_shape);
    // A constant tensor; int64 values are written as INT32 when `narrow_ints` (indices, shapes).
    int32_t constant_tensor(const std::string& hint, const OnnxTensor& value, bool narrow_ints = true);
    int32_t float_constant(const std::string& hint, std::vector<int64_t> dims, std::vector<float> values);
    int32_t int32_constant(const std::string& hint, std::vector<int64_t> dims, std::vector<int64_t> values);
    void op(tflite::BuiltinOperator code, std::vector<int32_t> inputs, std::vector<int32_t> outputs,
            tflite::BuiltinOptionsUnion options = {}, int32_t version = 1);
    std::vector<int32_t> stored_shape(int32_t tensor) const;  // a copy: emitting moves the tensors
    DType tensor_type(int32_t tensor) const;
    std::string tensor_name(int32_t tensor) const;

    // Common single-operator emissions, returning the new tensor.
    int32_t emit_transpose(int32_t input, const AxisOrder& perm, const std::string& hint);
    int32_t emit_reshape(int32_t input, const std::vector<int64_t>& new_shape, const std::string& hint);
    // Writes `input` reshaped into the existing tensor `output` (shapes must hold as many elements).
    void emit_reshape_into(int32_t input, int32_t output);
    int32_t emit_binary(tflite::BuiltinOperator code, int32_t a, int32_t b, const std::string& hint);
    int32_t emit_unary(tflite::BuiltinOperator code, int32_t input, const std::string& hint,
                       tflite::BuiltinOptionsUnion options = {});

    // With a dynamic batch, RESHAPEs that keep the first dimension write it as -1.
    void set_dynamic_batch(bool dynamic) { dynamic_batch_ = dynamic; }
    // A lowering that writes the batch size into constants calls this: the model's batch then
    // stays static (with a note naming the operator).
    void fix_batch(const std::string& op_type) {
        if (dynamic_batch_ && batch_fixed_by_.empty()) batch_fixed_by_ = op_type;
    }
    const std::string& batch_fixed_by() const { return batch_fixed_by_; }

    void note(std::string line);
    const std::vector<std::string>& notes() const { return notes_; }
    ModelBuilder& builder() { return builder_; }

private:
    std::string unique_name(const std::string& hint);

    const OnnxGraph& graph_;
    ModelBuilder& builder_;
    std::map<std::string, LoweredValue> values_;
    std::map<std::string, int> names_used_;
    std::vector<std::string> notes_;
    bool dynamic_batch_ = false;
    std::string batch_fixed_by_;
};

// A builtin options union holding `options`.
template <class T>
tflite::BuiltinOptionsUnion options_of(T options) {
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(options));
    return u;
}

// Lowers one node; errors are short ("kernel_shape [3] does not match the weights").
using LowerFn = std::function<Status(Lowering&, const OnnxNode&)>;
using LoweringTable = std::map<std::string, LowerFn>;

// Shape helpers shared by the lowerings.
int64_t element_count_of(const std::vector<int64_t>& shape);
// Negative axes count from the end; nullopt when out of range.
std::optional<int> normalized_axis(int64_t axis, int rank);
Error node_error(const std::string& what);
std::string format_shape(const std::vector<int64_t>& shape);

}  // namespace litelab::onnx
