#include "runtime/subgraph_compiler.h"

#include <algorithm>
#include <cstring>

#include "model/graph.h"
#include "runtime/arena_planner.h"
#include "runtime/kernel_registry.h"

namespace litelab {

namespace {

constexpr size_t kMaxFoldedBytes = size_t{256} << 20;

TensorInfo info_from_model(const Tensor& tensor, int32_t index) {
    TensorInfo info;
    info.index = index;
    info.name = tensor.name;
    info.type = tensor.type;
    info.shape = tensor.shape;
    if (tensor.quantization) {
        const Quantization& q = *tensor.quantization;
        info.quant.scale = q.scale;
        info.quant.zero_point.assign(q.zero_point.begin(), q.zero_point.end());
        info.quant.axis = q.quantized_dimension;
        // A scale without zero points means zero points of 0 (older writers omit them).
        if (info.quant.zero_point.size() < info.quant.scale.size())
            info.quant.zero_point.resize(info.quant.scale.size(), 0);
    }
    return info;
}

std::string types_of(const Operator& op, const std::vector<TensorInfo>& tensors) {
    std::string out;
    for (int32_t t : op.inputs) {
        if (t < 0) continue;
        if (!out.empty()) out += ", ";
        out += dtype_name(tensors[static_cast<size_t>(t)].type);
    }
    return out.empty() ? "no inputs" : out;
}

// Operators whose output is the input's bytes under another shape: the planner lets them share.
bool is_view(tflite::BuiltinOperator code) {
    return code == tflite::BuiltinOperator_RESHAPE || code == tflite::BuiltinOperator_SQUEEZE ||
           code == tflite::BuiltinOperator_EXPAND_DIMS;
}

bool is_control_flow(tflite::BuiltinOperator code) {
    return code == tflite::BuiltinOperator_WHILE || code == tflite::BuiltinOperator_IF ||
           code == tflite::BuiltinOperator_CALL_ONCE;
}

// Constant weights must be aligned for their element type (and SIMD): copy the rare ones that
// are not, keep views of the mapped file otherwise.
std::span<const uint8_t> aligned_constant(std::span<const uint8_t> data, CompiledSubgraph& out) {
    if (reinterpret_cast<uintptr_t>(data.data()) % 16 == 0) return data;
    out.owned.push_back(AlignedBuffer::copy_of(data));
    return out.owned.back().span();
}

}  // namespace

tflite::BuiltinOperator PrepareContext::code() const {
    const OperatorCode& c = model_.opcode(op_);
    return resolved_builtin_code(c.deprecated_builtin_code, c.builtin_code);
}

Result<int> PrepareContext::compile_subgraph(int model_subgraph, const std::vector<TensorInfo>& inputs) {
    return compiler_.compile(model_subgraph, inputs);
}

const CompiledSubgraph& PrepareContext::compiled_subgraph(int handle) const { return compiler_.compiled(handle); }

Result<int> SubgraphCompiler::compile(int index, const std::vector<TensorInfo>& inputs) {
    const Model& model = *interpreter_.model_;
    if (index < 0 || static_cast<size_t>(index) >= model.subgraphs.size())
        return make_error(ErrorCode::kInvalid, "subgraph " + std::to_string(index) + " does not exist");
    if (std::find(in_progress_.begin(), in_progress_.end(), index) != in_progress_.end())
        return make_error(ErrorCode::kUnsupported, "subgraph " + std::to_string(index) + " calls itself");
    std::vector<std::vector<int32_t>> shapes;
    for (const TensorInfo& t : inputs) shapes.push_back(t.shape);
    for (const Compiled& c : done_)
        if (c.index == index && c.input_shapes == shapes) return c.handle;

    in_progress_.push_back(index);
    auto handle = compile_new(index, inputs);
    in_progress_.pop_back();
    if (handle) done_.push_back({index, shapes, *handle});
    return handle;
}

Result<int> SubgraphCompiler::compile_new(int index, const std::vector<TensorInfo>& inputs) {
    const Model& model = *interpreter_.model_;
    const Subgraph& subgraph = model.subgraphs[static_cast<size_t>(index)];
    const std::string where = index == 0 ? "" : "subgraph " + std::to_string(index) + ": ";

    CompiledSubgraph out;
    out.model_subgraph = index;
    out.inputs = subgraph.inputs;
    out.outputs = subgraph.outputs;
    // Claim the handle first: callees compiled on the way are appended after it.
    const int handle = static_cast<int>(interpreter_.subgraphs_.size());
    interpreter_.subgraphs_.emplace_back();

    for (size_t t = 0; t < subgraph.tensors.size(); ++t) {
        const Tensor& tensor = subgraph.tensors[t];
        TensorInfo info = info_from_model(tensor, static_cast<int32_t>(t));
        const auto data = model.tensor_data(tensor);
        if (tensor.is_variable) {
            info.storage = TensorStorage::kVariable;
            if (!data.empty()) info.constant = aligned_constant(data, out);
        } else if (!data.empty()) {
            info.storage = TensorStorage::kConstant;
            info.constant = aligned_constant(data, out);
        } else if (tensor.sparsity) {
            return make_error(ErrorCode::kUnsupported, where + "tensor " + std::to_string(t) + " (" + tensor.name +
                                                           ") is sparse; sparse weights are not supported");
        }
        out.tensors.push_back(std::move(info));
    }

    if (inputs.size() != subgraph.inputs.size())
        return make_error(ErrorCode::kInvalid, where + "called with " + std::to_string(inputs.size()) +
                                                   " inputs, the subgraph has " + std::to_string(subgraph.inputs.size()));
    for (size_t i = 0; i < inputs.size(); ++i) {
        TensorInfo& info = out.tensors[static_cast<size_t>(subgraph.inputs[i])];
        if (info.type != inputs[i].type)
            return make_error(ErrorCode::kInvalid, where + "input " + std::to_string(i) + " is " +
                                                       std::string(dtype_name(info.type)) + ", called with " +
                                                       std::string(dtype_name(inputs[i].type)));
        info.shape = inputs[i].shape;
        if (info.storage == TensorStorage::kConstant) info.storage = TensorStorage::kArena;
    }

    // Prepare every operator, in the model's order (TFLite stores them in execution order).
    const KernelRegistry& registry = KernelRegistry::builtin();
    std::vector<std::string> problems;
    bool only_unsupported = true;
    for (size_t o = 0; o < subgraph.operators.size(); ++o) {
        const Operator& op = subgraph.operators[o];
        CompiledNode node;
        node.op_index = static_cast<int>(o);
        node.op_name = model.opcode(op).name();
        node.op = &op;
        const std::string label = node.op_name + " (op #" + std::to_string(o) + ", " + types_of(op, out.tensors) + ")";
        const OperatorCode& code = model.opcode(op);
        const auto builtin = resolved_builtin_code(code.deprecated_builtin_code, code.builtin_code);
        const KernelFactory factory = builtin == tflite::BuiltinOperator_CUSTOM ? nullptr : registry.find(builtin);
        if (!factory) {
            problems.push_back(label + ": no kernel");
            continue;
        }
        PrepareContext prepare(*this, model, op, static_cast<int>(o), out.tensors, *interpreter_.pool_);
        auto kernel = factory(prepare);
        if (!kernel) {
            problems.push_back(label + ": " + kernel.error().message);
            only_unsupported = only_unsupported && kernel.error().code == ErrorCode::kUnsupported;
            continue;
        }
        node.kernel = std::move(*kernel);
        node.scratch_bytes = prepare.scratch_bytes();

        // Fold: all inputs known now (or only their shapes matter), nothing stateful.
        bool foldable = !is_control_flow(builtin) && builtin != tflite::BuiltinOperator_CUSTOM;
        bool any_input = false;
        for (int32_t t : op.inputs) {
            if (t < 0) continue;
            any_input = true;
            if (out.tensors[static_cast<size_t>(t)].storage != TensorStorage::kConstant) foldable = false;
        }
        if (builtin == tflite::BuiltinOperator_SHAPE) foldable = true;
        size_t folded_bytes = 0;
        for (int32_t t : op.outputs) {
            if (t < 0 || out.tensors[static_cast<size_t>(t)].storage != TensorStorage::kArena) foldable = false;
            else folded_bytes += out.tensors[static_cast<size_t>(t)].bytes();
        }
        if (foldable && any_input && folded_bytes <= kMaxFoldedBytes) {
            std::vector<uint8_t*> data(out.tensors.size(), nullptr);
            for (int32_t t : op.inputs)
                if (t >= 0 && out.tensors[static_cast<size_t>(t)].is_constant())
                    data[static_cast<size_t>(t)] = const_cast<uint8_t*>(out.tensors[static_cast<size_t>(t)].constant.data());
            std::vector<size_t> owned_index;
            for (int32_t t : op.outputs) {
                out.owned.emplace_back(out.tensors[static_cast<size_t>(t)].bytes());
                data[static_cast<size_t>(t)] = out.owned.back().data();
                owned_index.push_back(out.owned.size() - 1);
            }
            AlignedBuffer scratch(node.scratch_bytes);
            OpContext ctx(op, out.tensors.data(), data.data(), scratch.span(), *interpreter_.pool_, nullptr);
            if (Status s = node.kernel->run(ctx); !s) {
                problems.push_back(label + ": " + s.error().message);
                only_unsupported = false;
                continue;
            }
            for (size_t k = 0; k < op.outputs.size(); ++k) {
                TensorInfo& info = out.tensors[static_cast<size_t>(op.outputs[k])];
                info.storage = TensorStorage::kConstant;
                info.constant = out.owned[owned_index[k]].span();
            }
            continue;
        }
        out.nodes.push_back(std::move(node));
    }
    if (!problems.empty()) {
        std::string message = where + "cannot run " + std::to_string(problems.size()) + " operator" +
                              (problems.size() == 1 ? "" : "s") + ": ";
        for (size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
        return make_error(only_unsupported ? ErrorCode::kUnsupported : ErrorCode::kInvalid, message);
    }

    // Lifetimes over node positions; subgraph inputs live from the start, outputs to the end.
    const int last = static_cast<int>(out.nodes.size());
    std::vector<int> first_use(out.tensors.size(), -2), last_use(out.tensors.size(), -2);
    auto touch = [&](int32_t t, int at) {
        if (t < 0) return;
        auto& f = first_use[static_cast<size_t>(t)];
        auto& l = last_use[static_cast<size_t>(t)];
        f = f == -2 ? at : std::min(f, at);
        l = std::max(l, at);
    };
    for (int32_t t : out.inputs) touch(t, -1);
    for (int n = 0; n < last; ++n) {
        for (int32_t t : out.nodes[static_cast<size_t>(n)].op->inputs) touch(t, n);
        for (int32_t t : out.nodes[static_cast<size_t>(n)].op->outputs) touch(t, n);
    }
    for (int32_t t : out.outputs) touch(t, last);

    // View operators share their input's bytes: one buffer for the group, the union of lifetimes.
    std::vector<int32_t> root(out.tensors.size());
    for (size_t t = 0; t < root.size(); ++t) root[t] = static_cast<int32_t>(t);
    auto find_root = [&](int32_t t) {
        while (root[static_cast<size_t>(t)] != t) t = root[static_cast<size_t>(t)];
        return t;
    };
    for (const CompiledNode& node : out.nodes) {
        const auto& op = *node.op;
        const auto code = resolved_builtin_code(model.opcode(op).deprecated_builtin_code, model.opcode(op).builtin_code);
        if (!is_view(code) || op.inputs.empty() || op.outputs.empty() || op.inputs[0] < 0) continue;
        const int32_t in = find_root(op.inputs[0]);
        const int32_t result = op.outputs[0];
        const TensorInfo& a = out.tensors[static_cast<size_t>(in)];
        const TensorInfo& b = out.tensors[static_cast<size_t>(result)];
        if (a.storage == TensorStorage::kArena && b.storage == TensorStorage::kArena && a.bytes() == b.bytes())
            root[static_cast<size_t>(result)] = in;
    }

    std::vector<BufferRequest> requests;
    std::vector<int32_t> request_tensor;  // -1 - node for scratch
    std::vector<int> group_request(out.tensors.size(), -1);
    for (size_t t = 0; t < out.tensors.size(); ++t) {
        TensorInfo& info = out.tensors[t];
        if (info.storage != TensorStorage::kArena) continue;
        if (first_use[t] == -2) {
            info.storage = TensorStorage::kUnused;
            continue;
        }
        const auto r = static_cast<size_t>(find_root(static_cast<int32_t>(t)));
        const int first = std::max(0, first_use[t]), final_use = std::max(0, last_use[t]);
        if (group_request[r] < 0) {
            group_request[r] = static_cast<int>(requests.size());
            requests.push_back({info.bytes(), first, final_use});
            request_tensor.push_back(static_cast<int32_t>(r));
        } else {
            BufferRequest& request = requests[static_cast<size_t>(group_request[r])];
            request.bytes = std::max(request.bytes, info.bytes());
            request.first_use = std::min(request.first_use, first);
            request.last_use = std::max(request.last_use, final_use);
        }
    }
    for (int n = 0; n < last; ++n) {
        if (out.nodes[static_cast<size_t>(n)].scratch_bytes == 0) continue;
        requests.push_back({out.nodes[static_cast<size_t>(n)].scratch_bytes, n, n});
        request_tensor.push_back(-1 - n);
    }
    const ArenaPlan plan = plan_arena(requests);
    out.arena_bytes = plan.arena_bytes;
    for (size_t r = 0; r < requests.size(); ++r) {
        if (request_tensor[r] < 0) out.nodes[static_cast<size_t>(-1 - request_tensor[r])].scratch_offset = plan.offsets[r];
    }
    for (size_t t = 0; t < out.tensors.size(); ++t) {
        TensorInfo& info = out.tensors[t];
        if (info.storage == TensorStorage::kArena)
            info.arena_offset = plan.offsets[static_cast<size_t>(group_request[static_cast<size_t>(find_root(static_cast<int32_t>(t)))])];
        if (info.storage == TensorStorage::kVariable) out.variable_bytes += info.bytes();
    }

    interpreter_.subgraphs_[static_cast<size_t>(handle)] = std::move(out);
    return handle;
}

}  // namespace litelab
