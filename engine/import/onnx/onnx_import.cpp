#include "import/onnx/onnx_import.h"

#include <algorithm>
#include <set>

#include "import/common/fuse_activations.h"
#include "import/common/operator_versions.h"
#include "import/common/prune_model.h"
#include "import/onnx/batch_norm_folding.h"
#include "import/onnx/constant_folding.h"
#include "import/onnx/gelu_pattern.h"
#include "import/onnx/lowering.h"
#include "import/onnx/lowering_table.h"
#include "import/onnx/onnx_load.h"

namespace litelab {

namespace {

using namespace litelab::onnx;

std::string join(const std::set<std::string>& items) {
    std::string s;
    for (const auto& item : items) s += (s.empty() ? "" : ", ") + item;
    return s;
}

// Graph inputs become TFLite inputs: in the source layout, or channels-last for 3-D to 5-D
// inputs when the caller asked for NHWC.
Status lower_inputs(Lowering& lowering, const OnnxGraph& graph, const ImportOptions& options, ModelBuilder& builder,
                    std::vector<int32_t>& inputs) {
    for (const auto& input : graph.inputs) {
        if (!input.type) {
            return make_error(ErrorCode::kUnsupported, "input '" + input.name + "' is " +
                                                           (input.type_name.empty() ? "untyped" : input.type_name) +
                                                           ", not a tensor LiteLab can feed");
        }
        if (!input.has_shape) return make_error(ErrorCode::kUnsupported, "input '" + input.name + "' has no shape");
        std::vector<int64_t> shape = input.dims;
        bool dynamic_batch = false;
        for (size_t i = 0; i < shape.size(); ++i) {
            if (shape[i] >= 0) continue;
            if (i != 0) {
                return make_error(ErrorCode::kUnsupported, "input '" + input.name + "' has a dynamic dimension " +
                                                               std::to_string(i) + " (only the batch may be dynamic)");
            }
            dynamic_batch = true;
            shape[0] = options.batch.value_or(1);
        }
        const int rank = static_cast<int>(shape.size());
        const AxisOrder order =
            options.io_layout == IoLayout::kNhwc && rank >= 3 && rank <= 5 && *input.type == DType::kFloat32
                ? channels_last_order(rank)
                : identity_order(rank);
        const int32_t t = lowering.define_new(input.name, *input.type, shape, order);
        if (dynamic_batch) {
            std::vector<int32_t> signature(lowering.stored_shape(t));
            signature[0] = -1;
            builder.set_shape_signature(t, signature);
            lowering.set_dynamic_batch(true);
        }
        inputs.push_back(t);
    }
    return {};
}

Status lower_nodes(Lowering& lowering, const OnnxGraph& graph) {
    const LoweringTable& table = lowering_table();
    std::set<std::string> unsupported;
    for (size_t k = 0; k < graph.nodes.size(); ++k) {
        const OnnxNode& node = graph.nodes[k];
        const bool default_domain = node.domain.empty() || node.domain == "ai.onnx";
        if (!default_domain) {
            unsupported.insert(node.domain + "." + node.op_type);
            continue;
        }
        bool inputs_known = true;
        for (const auto& in : node.inputs) inputs_known = inputs_known && (in.empty() || lowering.known(in));
        if (!inputs_known) {
            // After an unsupported node: still name every other operator LiteLab lacks.
            const bool shape_only = node.op_type == "Shape" || node.op_type == "Size" || node.op_type == "Constant";
            if (!shape_only && !table.count(node.op_type)) unsupported.insert(node.op_type);
            continue;
        }

        if (auto folded = fold_node(lowering, node)) {
            if (!folded->ok()) return make_error(folded->error().code, node.label(k) + ": " + folded->error().message);
            for (size_t i = 0; i < node.outputs.size() && i < folded->value().size(); ++i) {
                if (!node.outputs[i].empty()) lowering.define_constant(node.outputs[i], folded->value()[i]);
            }
            continue;
        }
        const auto it = table.find(node.op_type);
        if (it == table.end()) {
            unsupported.insert(node.op_type);
            continue;
        }
        if (!unsupported.empty()) continue;
        if (auto status = it->second(lowering, node); !status) {
            return make_error(status.error().code, node.label(k) + ": " + status.error().message);
        }
    }
    if (!unsupported.empty()) {
        return make_error(
            ErrorCode::kUnsupported,
            "unsupported operator" + std::string(unsupported.size() > 1 ? "s" : "") + ": " + join(unsupported));
    }
    return {};
}

Status lower_outputs(Lowering& lowering, const OnnxGraph& graph, const ImportOptions& options,
                     const ModelBuilder& builder, const std::vector<int32_t>& inputs, std::vector<int32_t>& outputs) {
    for (const auto& output : graph.outputs) {
        const int rank = lowering.rank(output.name);
        int32_t t = options.io_layout == IoLayout::kSource || lowering.constant(output.name)
                        ? lowering.tensor(output.name, identity_order(rank))
                        : lowering.tensor(output.name);
        const bool reused = std::find(inputs.begin(), inputs.end(), t) != inputs.end() ||
                            std::find(outputs.begin(), outputs.end(), t) != outputs.end() ||
                            builder.model().subgraphs[0].tensors[static_cast<size_t>(t)].buffer != 0;
        if (reused) {
            // An output that is an input, another output or a constant gets its own tensor.
            const auto& s = lowering.stored_shape(t);
            t = lowering.emit_reshape(t, std::vector<int64_t>(s.begin(), s.end()), output.name);
        }
        outputs.push_back(t);
    }
    return {};
}

}  // namespace

Result<ImportedModel> import_onnx_file(const std::string& path, const ImportOptions& options) {
    auto loaded = load_onnx_graph(path);
    if (!loaded) return loaded.error().in_file(path);
    return onnx::import_onnx_graph(std::move(*loaded), options, path);
}

Result<ImportedModel> onnx::import_onnx_graph(OnnxGraph graph, const ImportOptions& options, const std::string& path) {
    if (options.batch && *options.batch < 1) {
        return make_error(ErrorCode::kUsage, path + ": batch " + std::to_string(*options.batch) + " is not positive");
    }

    ImportedModel result;
    if (const int folded = fold_batch_norms(graph); folded > 0) {
        result.notes.push_back("folded " + std::to_string(folded) + " BatchNormalization" + (folded > 1 ? "s" : "") +
                               " into the preceding convolution" + (folded > 1 ? "s" : ""));
    }

    if (const int gelus = fuse_gelu_patterns(graph); gelus > 0) {
        result.notes.push_back("recognised " + std::to_string(gelus) + " GELU pattern" + (gelus > 1 ? "s" : "") +
                               " (x * 0.5 * (1 + erf(x / sqrt 2))) as GELU");
    }

    ModelBuilder builder;
    builder.set_subgraph_name(graph.name.empty() ? "main" : graph.name);
    Lowering lowering(graph, builder);
    for (const auto& [name, value] : graph.initializers) lowering.define_constant(name, value);

    std::vector<int32_t> inputs, outputs;
    if (auto s = lower_inputs(lowering, graph, options, builder, inputs); !s) return s.error().in_file(path);
    if (auto s = lower_nodes(lowering, graph); !s) return s.error().in_file(path);
    if (auto s = lower_outputs(lowering, graph, options, builder, inputs, outputs); !s) return s.error().in_file(path);

    builder.set_inputs(inputs);
    builder.set_outputs(outputs);
    std::vector<TensorMap> input_map, output_map;
    for (size_t i = 0; i < inputs.size(); ++i)
        input_map.push_back({graph.inputs[i].name, static_cast<uint32_t>(inputs[i])});
    for (size_t i = 0; i < outputs.size(); ++i)
        output_map.push_back({graph.outputs[i].name, static_cast<uint32_t>(outputs[i])});
    builder.add_signature("serving_default", 0, input_map, output_map);
    builder.set_description("Converted by LiteLab from ONNX (" +
                            (graph.producer.empty() ? std::string("unknown producer") : graph.producer) + ", opset " +
                            std::to_string(graph.opset) + ")");

    result.model = std::move(builder).finish();
    if (!lowering.batch_fixed_by().empty()) {
        for (int32_t t : inputs) result.model.subgraphs[0].tensors[static_cast<size_t>(t)].shape_signature.reset();
        result.notes.push_back("the batch size is fixed at " + std::to_string(options.batch.value_or(1)) + ": " +
                               lowering.batch_fixed_by() + " is converted for one batch size");
    }
    // Output tensors carry the ONNX names; an intermediate that had one is renamed.
    auto& tensors = result.model.subgraphs[0].tensors;
    for (size_t i = 0; i < outputs.size(); ++i) {
        const std::string& name = graph.outputs[i].name;
        for (size_t k = 0; k < tensors.size(); ++k) {
            if (tensors[k].name == name && static_cast<int32_t>(k) != outputs[i]) tensors[k].name += "_inner";
        }
        tensors[static_cast<size_t>(outputs[i])].name = name;
    }
    const int fused = litelab::fuse_activations(result.model);
    prune_model(result.model);
    set_operator_versions(result.model);
    if (fused > 0)
        result.notes.push_back("fused " + std::to_string(fused) + " activation" + (fused > 1 ? "s" : "") +
                               " into the operators before them");
    for (const auto& n : lowering.notes()) result.notes.push_back(n);
    return result;
}

}  // namespace litelab
