#include "runtime/interpreter.h"

#include <algorithm>
#include <cstring>

#include "model/graph.h"
#include "runtime/subgraph_compiler.h"

namespace litelab {

namespace {

std::string dims_text(const std::vector<int32_t>& dims) { return format_dims(dims); }

// The concrete shape of an entry input: an explicit shape for its name, else the signature with
// -1 replaced by the batch size (first dimension) or by the stored static shape.
Result<std::vector<int32_t>> input_shape(const Tensor& tensor, const std::string& name, const CompileOptions& options) {
    const std::vector<int32_t>& signature = tensor.signature_or_shape();
    auto given = options.input_shapes.find(name);
    if (given == options.input_shapes.end()) given = options.input_shapes.find(tensor.name);
    if (given != options.input_shapes.end()) {
        const std::vector<int32_t>& dims = given->second;
        bool fits = dims.size() == signature.size();
        for (size_t d = 0; fits && d < dims.size(); ++d)
            fits = dims[d] >= 0 && (signature[d] < 0 || signature[d] == dims[d]);
        if (!fits)
            return make_error(ErrorCode::kUsage, "input '" + name + "' has shape " + dims_text(signature) +
                                                     ", cannot set it to " + dims_text(dims));
        return dims;
    }
    std::vector<int32_t> dims = signature;
    for (size_t d = 0; d < dims.size(); ++d) {
        if (dims[d] >= 0) continue;
        if (d == 0 && options.batch) dims[d] = *options.batch;
        else if (d < tensor.shape.size() && tensor.shape[d] > 0) dims[d] = tensor.shape[d];
        else dims[d] = 1;
    }
    return dims;
}

}  // namespace

Result<std::shared_ptr<const Interpreter>> Interpreter::compile(const Model& model, const CompileOptions& options) {
    if (model.subgraphs.empty()) return make_error(ErrorCode::kInvalid, "the model has no subgraphs");
    if (options.batch && *options.batch < 1)
        return make_error(ErrorCode::kUsage, "batch size must be at least 1, not " + std::to_string(*options.batch));

    std::shared_ptr<Interpreter> interpreter(new Interpreter());
    interpreter->model_ = std::make_unique<const Model>(model);
    interpreter->pool_ = std::make_unique<ThreadPool>(options.threads);
    const Model& own = *interpreter->model_;

    int entry = 0;
    if (options.signature) {
        const auto it = std::find_if(own.signature_defs.begin(), own.signature_defs.end(),
                                     [&](const SignatureDef& s) { return s.signature_key == *options.signature; });
        if (it == own.signature_defs.end()) {
            std::string known;
            for (const auto& s : own.signature_defs) known += (known.empty() ? "" : ", ") + s.signature_key;
            return make_error(ErrorCode::kUsage, "no signature '" + *options.signature + "' (the model has " +
                                                     (known.empty() ? std::string("none") : known) + ")");
        }
        entry = static_cast<int>(it->subgraph_index);
        if (static_cast<size_t>(entry) >= own.subgraphs.size())
            return make_error(ErrorCode::kInvalid, "signature '" + *options.signature + "' names a missing subgraph");
        for (const TensorMap& m : it->inputs) interpreter->inputs_.push_back({m.name, static_cast<int32_t>(m.tensor_index)});
        for (const TensorMap& m : it->outputs) interpreter->outputs_.push_back({m.name, static_cast<int32_t>(m.tensor_index)});
    }
    const Subgraph& subgraph = own.subgraphs[static_cast<size_t>(entry)];
    if (!options.signature) {
        for (int32_t t : subgraph.inputs) interpreter->inputs_.push_back({subgraph.tensors[static_cast<size_t>(t)].name, t});
        for (int32_t t : subgraph.outputs) interpreter->outputs_.push_back({subgraph.tensors[static_cast<size_t>(t)].name, t});
    }

    // The entry's inputs, in subgraph order, with their chosen shapes.
    std::vector<TensorInfo> inputs;
    for (int32_t t : subgraph.inputs) {
        const Tensor& tensor = subgraph.tensors[static_cast<size_t>(t)];
        std::string name = tensor.name;
        for (const IoTensor& io : interpreter->inputs_)
            if (io.tensor == t) name = io.name;
        auto shape = input_shape(tensor, name, options);
        if (!shape) return shape.error();
        TensorInfo info;
        info.type = tensor.type;
        info.shape = std::move(*shape);
        inputs.push_back(std::move(info));
    }
    for (const auto& entry_shape : options.input_shapes) {
        const std::string& name = entry_shape.first;  // clang 14 cannot capture structured bindings
        const bool known = std::any_of(subgraph.inputs.begin(), subgraph.inputs.end(), [&](int32_t t) {
            return subgraph.tensors[static_cast<size_t>(t)].name == name;
        }) || std::any_of(interpreter->inputs_.begin(), interpreter->inputs_.end(), [&](const IoTensor& io) { return io.name == name; });
        if (!known) return make_error(ErrorCode::kUsage, "--input-shape names '" + name + "', which is not an input");
    }

    SubgraphCompiler compiler(*interpreter);
    auto handle = compiler.compile(entry, inputs);
    if (!handle) return handle.error();
    return std::shared_ptr<const Interpreter>(std::move(interpreter));
}

std::optional<size_t> Interpreter::input_index(std::string_view name) const {
    for (size_t i = 0; i < inputs_.size(); ++i)
        if (inputs_[i].name == name) return i;
    return std::nullopt;
}

std::optional<size_t> Interpreter::output_index(std::string_view name) const {
    for (size_t i = 0; i < outputs_.size(); ++i)
        if (outputs_[i].name == name) return i;
    return std::nullopt;
}

MemoryReport Interpreter::memory() const {
    MemoryReport report;
    for (const CompiledSubgraph& s : subgraphs_) {
        report.arena_bytes += s.arena_bytes;
        report.variable_bytes += s.variable_bytes;
    }
    for (const Buffer& b : model_->buffers) report.constant_bytes += b.data.size();
    return report;
}

Execution::Execution(std::shared_ptr<const Interpreter> interpreter) : interpreter_(std::move(interpreter)) {
    for (const CompiledSubgraph& subgraph : interpreter_->subgraphs()) {
        State state;
        state.arena = AlignedBuffer(subgraph.arena_bytes);
        state.data.assign(subgraph.tensors.size(), nullptr);
        for (size_t t = 0; t < subgraph.tensors.size(); ++t) {
            const TensorInfo& info = subgraph.tensors[t];
            switch (info.storage) {
                case TensorStorage::kArena:
                    state.data[t] = state.arena.data() + info.arena_offset;
                    break;
                case TensorStorage::kConstant:
                    state.data[t] = const_cast<uint8_t*>(info.constant.data());  // kernels only read inputs
                    break;
                case TensorStorage::kVariable:
                    state.variables.emplace_back(info.bytes());
                    state.data[t] = state.variables.back().data();
                    break;
                case TensorStorage::kUnused:
                    break;
            }
        }
        states_.push_back(std::move(state));
    }
    reset_variables();
}

void Execution::reset_variables() {
    const auto& subgraphs = interpreter_->subgraphs();
    for (size_t s = 0; s < subgraphs.size(); ++s) {
        for (size_t t = 0; t < subgraphs[s].tensors.size(); ++t) {
            const TensorInfo& info = subgraphs[s].tensors[t];
            if (info.storage != TensorStorage::kVariable) continue;
            uint8_t* data = states_[s].data[t];
            const size_t bytes = info.bytes();
            // TFLite's ResetVariableTensor: zeros, except int8 state starts at its zero point.
            const int fill = info.type == DType::kInt8 ? info.quant.zero_point0() : 0;
            std::memset(data, fill, bytes);
            if (!info.constant.empty()) std::memcpy(data, info.constant.data(), std::min(bytes, info.constant.size()));
        }
    }
}

std::span<uint8_t> Execution::input(size_t i) {
    const TensorInfo& info = interpreter_->input_info(i);
    return {states_.front().data[static_cast<size_t>(info.index)], info.bytes()};
}

std::span<const uint8_t> Execution::output(size_t i) const {
    const TensorInfo& info = interpreter_->output_info(i);
    return {states_.front().data[static_cast<size_t>(info.index)], info.bytes()};
}

Status Execution::run() { return run_state(0); }

Status Execution::run_state(size_t handle) {
    const CompiledSubgraph& subgraph = interpreter_->subgraphs()[handle];
    State& state = states_[handle];
    for (const CompiledNode& node : subgraph.nodes) {
        std::span<uint8_t> scratch;
        if (node.scratch_bytes) scratch = {state.arena.data() + node.scratch_offset, node.scratch_bytes};
        OpContext ctx(*node.op, subgraph.tensors.data(), state.data.data(), scratch, interpreter_->pool(), this);
        if (Status s = node.kernel->run(ctx); !s)
            return make_error(s.error().code, node.op_name + " (op #" + std::to_string(node.op_index) + "): " +
                                                  s.error().message);
    }
    return {};
}

const CompiledSubgraph& Execution::subgraph(int handle) const {
    return interpreter_->subgraphs()[static_cast<size_t>(handle)];
}

Status Execution::run_subgraph_once(int handle) {
    State& state = states_[static_cast<size_t>(handle)];
    if (state.called_once) return {};
    state.called_once = true;
    return run_state(static_cast<size_t>(handle));
}

Status Execution::run_subgraph(int handle, std::span<const std::span<const uint8_t>> inputs,
                               std::span<const std::span<uint8_t>> outputs) {
    const auto h = static_cast<size_t>(handle);
    const CompiledSubgraph& callee = interpreter_->subgraphs()[h];
    State& state = states_[h];
    for (size_t i = 0; i < inputs.size() && i < callee.inputs.size(); ++i) {
        const auto t = static_cast<size_t>(callee.inputs[i]);
        if (callee.tensors[t].storage == TensorStorage::kConstant) continue;
        std::memmove(state.data[t], inputs[i].data(), std::min(inputs[i].size(), callee.tensors[t].bytes()));
    }
    LITELAB_TRY(run_state(h));
    for (size_t o = 0; o < outputs.size() && o < callee.outputs.size(); ++o) {
        const auto t = static_cast<size_t>(callee.outputs[o]);
        std::memmove(outputs[o].data(), state.data[t], std::min(outputs[o].size(), callee.tensors[t].bytes()));
    }
    return {};
}

}  // namespace litelab
