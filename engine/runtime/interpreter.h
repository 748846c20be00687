// The interpreter: compile a Model once, then run it as often as needed.
//
//   auto interpreter = Interpreter::compile(model, {.batch = 8, .threads = 2});
//   Execution execution(*interpreter);          // one per thread; cheap to create
//   copy(..., execution.input(0));
//   LITELAB_TRY(execution.run());
//   read(execution.output(0));
//
// Compiling resolves every shape (shape_signature's -1 dimensions from the batch size and the
// given input shapes), selects and prepares a kernel for every operator, folds operators whose
// inputs are all known (SHAPE, float16 DEQUANTIZE, shape arithmetic), and plans the activation
// arena. Everything the model cannot do is reported then, all at once, never while running.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/model.h"
#include "runtime/aligned_buffer.h"
#include "runtime/kernel.h"
#include "runtime/tensor_info.h"
#include "runtime/thread_pool.h"

namespace litelab {

struct CompileOptions {
    std::optional<std::string> signature;  // run this signature's subgraph and I/O names
    std::optional<int32_t> batch;          // replaces a -1 first dimension of the inputs
    // Concrete shapes for inputs with -1 dimensions, by tensor (or signature) name.
    std::map<std::string, std::vector<int32_t>> input_shapes;
    int threads = 1;
};

struct CompiledNode {
    int op_index = 0;  // in the model's subgraph
    std::string op_name;
    const Operator* op = nullptr;  // points into the interpreter's own Model
    std::unique_ptr<OpKernel> kernel;
    size_t scratch_bytes = 0;
    size_t scratch_offset = 0;  // in the arena
};

// One model subgraph compiled for one set of input shapes.
struct CompiledSubgraph {
    int model_subgraph = 0;
    std::vector<TensorInfo> tensors;
    std::vector<int32_t> inputs;
    std::vector<int32_t> outputs;
    std::vector<CompiledNode> nodes;  // in execution order; folded operators are gone
    std::vector<AlignedBuffer> owned;  // aligned copies of constants and folded values
    size_t arena_bytes = 0;
    size_t variable_bytes = 0;
};

struct IoTensor {
    std::string name;    // the signature's name, else the tensor's
    int32_t tensor = 0;  // index in the entry subgraph
};

struct MemoryReport {
    size_t arena_bytes = 0;     // activations and scratch, all subgraphs (planned, greedy by size)
    size_t variable_bytes = 0;  // persistent state (LSTM/SVDF variables)
    size_t constant_bytes = 0;  // weights the model stores
};

class Interpreter {
public:
    static Result<std::shared_ptr<const Interpreter>> compile(const Model& model, const CompileOptions& options = {});

    const std::vector<IoTensor>& inputs() const { return inputs_; }
    const std::vector<IoTensor>& outputs() const { return outputs_; }
    const TensorInfo& input_info(size_t i) const { return entry().tensors[static_cast<size_t>(inputs_[i].tensor)]; }
    const TensorInfo& output_info(size_t i) const { return entry().tensors[static_cast<size_t>(outputs_[i].tensor)]; }
    std::optional<size_t> input_index(std::string_view name) const;
    std::optional<size_t> output_index(std::string_view name) const;

    // [0] is the entry subgraph; control-flow kernels refer to the others by index.
    const std::vector<CompiledSubgraph>& subgraphs() const { return subgraphs_; }
    const CompiledSubgraph& entry() const { return subgraphs_.front(); }
    MemoryReport memory() const;
    const ThreadPool& pool() const { return *pool_; }
    const Model& model() const { return *model_; }

private:
    friend class SubgraphCompiler;
    Interpreter() = default;

    std::unique_ptr<const Model> model_;  // kernels and nodes point into it
    std::unique_ptr<ThreadPool> pool_;
    std::vector<CompiledSubgraph> subgraphs_;
    std::vector<IoTensor> inputs_;
    std::vector<IoTensor> outputs_;
};

// One run's worth of memory for an Interpreter: its arena, variables and scratch. Executions of
// one Interpreter are independent; use one per thread.
class Execution final : private SubgraphRunner {
public:
    explicit Execution(std::shared_ptr<const Interpreter> interpreter);

    const Interpreter& interpreter() const { return *interpreter_; }
    std::span<uint8_t> input(size_t i);
    std::span<const uint8_t> output(size_t i) const;

    Status run();
    // Puts every variable tensor (recurrent state) back to its initial value.
    void reset_variables();

private:
    struct State {
        AlignedBuffer arena;
        std::vector<AlignedBuffer> variables;
        std::vector<uint8_t*> data;  // per tensor
        bool called_once = false;
    };

    Status run_state(size_t handle);
    Status run_subgraph(int handle, std::span<const std::span<const uint8_t>> inputs,
                        std::span<const std::span<uint8_t>> outputs) override;
    Status run_subgraph_once(int handle) override;
    const CompiledSubgraph& subgraph(int handle) const override;

    std::shared_ptr<const Interpreter> interpreter_;
    std::vector<State> states_;  // one per compiled subgraph
};

}  // namespace litelab
