// The contract between the interpreter and its kernels.
//
// A kernel factory runs once per operator when a model is compiled: it reads the operator's
// options and its inputs' concrete shapes, types and quantization, rejects what it cannot
// compute (PrepareContext::unsupported), sets its outputs' shapes, precomputes whatever does not
// depend on the data (fixed-point multipliers, lookup tables, packed weights) and returns an
// immutable OpKernel. OpKernel::run is const: one compiled model runs in several executions at
// once, each with its own tensors and scratch memory, handed over in the OpContext.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/model.h"
#include "runtime/tensor_info.h"
#include "runtime/thread_pool.h"

namespace litelab {

class OpContext;
class SubgraphCompiler;
class SubgraphRunner;
struct CompiledSubgraph;

class OpKernel {
public:
    virtual ~OpKernel() = default;
    virtual Status run(const OpContext& ctx) const = 0;
};

// Wraps a callable `Status(const OpContext&)` (usually a lambda capturing the prepared
// parameters by value) as an OpKernel.
template <class Fn>
std::unique_ptr<OpKernel> make_kernel(Fn fn) {
    struct Lambda final : OpKernel {
        explicit Lambda(Fn f) : fn(std::move(f)) {}
        Status run(const OpContext& ctx) const override { return fn(ctx); }
        Fn fn;
    };
    return std::make_unique<Lambda>(std::move(fn));
}

class PrepareContext {
public:
    PrepareContext(SubgraphCompiler& compiler, const Model& model, const Operator& op, int op_index,
                   std::vector<TensorInfo>& tensors, const ThreadPool& pool)
        : compiler_(compiler), model_(model), op_(op), op_index_(op_index), tensors_(tensors), pool_(pool) {}

    const Operator& op() const { return op_; }
    int op_index() const { return op_index_; }
    tflite::BuiltinOperator code() const;
    int version() const { return model_.opcode(op_).version; }
    const Model& model() const { return model_; }
    const ThreadPool& pool() const { return pool_; }

    // The builtin options table of type T (e.g. tflite::Conv2DOptionsT); nullptr when the
    // operator stores none or another type. options_or_default<T>() gives TFLite's defaults then.
    template <class T>
    const T* options() const {
        const auto& u = op_.builtin_options;
        return u.type == tflite::BuiltinOptionsUnionTraits<T>::enum_value ? static_cast<const T*>(u.value) : nullptr;
    }
    template <class T>
    T options_or_default() const {
        const T* o = options<T>();
        return o ? *o : T{};
    }
    template <class T>
    const T* options2() const {
        const auto& u = op_.builtin_options_2;
        return u.type == tflite::BuiltinOptions2UnionTraits<T>::enum_value ? static_cast<const T*>(u.value) : nullptr;
    }

    int num_inputs() const { return static_cast<int>(op_.inputs.size()); }
    int num_outputs() const { return static_cast<int>(op_.outputs.size()); }
    // False for an omitted optional input (index -1) or one past the end.
    bool has_input(int i) const { return i >= 0 && i < num_inputs() && op_.inputs[static_cast<size_t>(i)] >= 0; }
    const TensorInfo& input(int i) const { return tensors_[static_cast<size_t>(op_.inputs[static_cast<size_t>(i)])]; }
    // Outputs arrive with the model's type, quantization and stored shape; factories set the shape.
    TensorInfo& output(int i) { return tensors_[static_cast<size_t>(op_.outputs[static_cast<size_t>(i)])]; }
    const TensorInfo& output(int i) const { return tensors_[static_cast<size_t>(op_.outputs[static_cast<size_t>(i)])]; }
    bool is_constant(int i) const { return has_input(i) && input(i).is_constant(); }
    // The compile-time values of a constant input; empty when the input is not constant.
    template <class T>
    std::span<const T> constant(int i) const {
        if (!is_constant(i)) return {};
        const auto bytes = input(i).constant;
        return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
    }

    // "unsupported input type INT4" -> an error the compiler reports with the op's name and index.
    Error unsupported(const std::string& what) const { return make_error(ErrorCode::kUnsupported, what); }
    Error invalid(const std::string& what) const { return make_error(ErrorCode::kInvalid, what); }

    // Per-execution scratch memory this kernel needs while it runs (planned into the arena).
    void request_scratch(size_t bytes) { scratch_bytes_ = bytes; }
    size_t scratch_bytes() const { return scratch_bytes_; }

    // Control flow: compiles subgraph `model_subgraph` of the model for inputs shaped and typed
    // like `inputs` and returns a handle for OpContext::run_subgraph. The callee's inputs must
    // have the same types; its output infos are then available from subgraph_outputs(handle).
    Result<int> compile_subgraph(int model_subgraph, const std::vector<TensorInfo>& inputs);
    const CompiledSubgraph& compiled_subgraph(int handle) const;

private:
    SubgraphCompiler& compiler_;
    const Model& model_;
    const Operator& op_;
    int op_index_;
    std::vector<TensorInfo>& tensors_;
    const ThreadPool& pool_;
    size_t scratch_bytes_ = 0;
};

// Runs another compiled subgraph for a control-flow kernel (implemented by the execution).
class SubgraphRunner {
public:
    virtual Status run_subgraph(int handle, std::span<const std::span<const uint8_t>> inputs,
                                std::span<const std::span<uint8_t>> outputs) = 0;
    // CALL_ONCE: runs the subgraph the first time this execution asks, then never again.
    virtual Status run_subgraph_once(int handle) = 0;
    virtual const CompiledSubgraph& subgraph(int handle) const = 0;

protected:
    ~SubgraphRunner() = default;
};

class OpContext {
public:
    OpContext(const Operator& op, const TensorInfo* tensors, uint8_t* const* data, std::span<uint8_t> scratch,
              const ThreadPool& pool, SubgraphRunner* runner)
        : op_(op), tensors_(tensors), data_(data), scratch_(scratch), pool_(pool), runner_(runner) {}

    int num_inputs() const { return static_cast<int>(op_.inputs.size()); }
    int num_outputs() const { return static_cast<int>(op_.outputs.size()); }
    bool has_input(int i) const { return i >= 0 && i < num_inputs() && op_.inputs[static_cast<size_t>(i)] >= 0; }
    const TensorInfo& input_info(int i) const { return tensors_[in_index(i)]; }
    const TensorInfo& output_info(int i) const { return tensors_[out_index(i)]; }

    template <class T>
    const T* input(int i) const { return reinterpret_cast<const T*>(data_[in_index(i)]); }
    template <class T>
    T* output(int i) const { return reinterpret_cast<T*>(data_[out_index(i)]); }
    // A variable input (LSTM/SVDF state) that the kernel updates in place.
    template <class T>
    T* mutable_input(int i) const { return reinterpret_cast<T*>(data_[in_index(i)]); }
    std::span<const uint8_t> input_bytes(int i) const { return {data_[in_index(i)], input_info(i).bytes()}; }
    std::span<uint8_t> output_bytes(int i) const { return {data_[out_index(i)], output_info(i).bytes()}; }

    std::span<uint8_t> scratch() const { return scratch_; }
    const ThreadPool& pool() const { return pool_; }
    SubgraphRunner& runner() const { return *runner_; }

private:
    size_t in_index(int i) const { return static_cast<size_t>(op_.inputs[static_cast<size_t>(i)]); }
    size_t out_index(int i) const { return static_cast<size_t>(op_.outputs[static_cast<size_t>(i)]); }

    const Operator& op_;
    const TensorInfo* tensors_;
    uint8_t* const* data_;
    std::span<uint8_t> scratch_;
    const ThreadPool& pool_;
    SubgraphRunner* runner_;
};

// Compiles an operator: validates it, sets output shapes, returns the prepared kernel.
using KernelFactory = Result<std::unique_ptr<OpKernel>> (*)(PrepareContext& ctx);

}  // namespace litelab
