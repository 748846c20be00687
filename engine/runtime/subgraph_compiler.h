// Compiles model subgraphs into an Interpreter (internal to the runtime).
#pragma once

#include <vector>

#include "runtime/interpreter.h"

namespace litelab {

class SubgraphCompiler {
public:
    explicit SubgraphCompiler(Interpreter& interpreter) : interpreter_(interpreter) {}

    // Compiles model subgraph `index` with its inputs shaped like `inputs` (types must match)
    // and appends it to the interpreter; returns its handle. Identical requests share a handle.
    Result<int> compile(int index, const std::vector<TensorInfo>& inputs);
    const CompiledSubgraph& compiled(int handle) const { return interpreter_.subgraphs_[static_cast<size_t>(handle)]; }

private:
    Result<int> compile_new(int index, const std::vector<TensorInfo>& inputs);

    struct Compiled {
        int index;
        std::vector<std::vector<int32_t>> input_shapes;
        int handle;
    };
    Interpreter& interpreter_;
    std::vector<int> in_progress_;  // model subgraphs being compiled: a call back into one is recursion
    std::vector<Compiled> done_;
};

}  // namespace litelab
