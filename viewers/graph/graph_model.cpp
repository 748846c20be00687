#include "viewers/graph/graph_model.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "model/graph.h"

namespace litelab::viewers {
namespace {

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

template <size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

constexpr std::array<std::string_view, 14> kActivations{"RELU",  "RELU6",   "RELU_N1_TO_1", "RELU_0_TO_1", "LOGISTIC",
                                                        "TANH",  "SOFTMAX", "LOG_SOFTMAX",  "HARD_SWISH",  "LEAKY_RELU",
                                                        "PRELU", "ELU",     "GELU",         "SIGN"};
constexpr std::array<std::string_view, 31> kShapeOps{"RESHAPE",
                                                     "TRANSPOSE",
                                                     "CONCATENATION",
                                                     "SPLIT",
                                                     "SPLIT_V",
                                                     "SLICE",
                                                     "STRIDED_SLICE",
                                                     "PAD",
                                                     "PADV2",
                                                     "MIRROR_PAD",
                                                     "SQUEEZE",
                                                     "EXPAND_DIMS",
                                                     "GATHER",
                                                     "GATHER_ND",
                                                     "PACK",
                                                     "UNPACK",
                                                     "TILE",
                                                     "SHAPE",
                                                     "BROADCAST_TO",
                                                     "DEPTH_TO_SPACE",
                                                     "SPACE_TO_DEPTH",
                                                     "BATCH_TO_SPACE_ND",
                                                     "SPACE_TO_BATCH_ND",
                                                     "REVERSE_V2",
                                                     "RESIZE_BILINEAR",
                                                     "RESIZE_NEAREST_NEIGHBOR",
                                                     "CAST",
                                                     "FILL",
                                                     "ZEROS_LIKE",
                                                     "ONES_LIKE",
                                                     "SCATTER_ND"};

std::string dims_text(const std::vector<int32_t>& dims) {
    if (dims.empty()) return "scalar";
    std::string text;
    for (size_t i = 0; i < dims.size(); ++i) {
        if (i > 0) text += "\u00d7";  // ×
        text += dims[i] < 0 ? std::string("?") : std::to_string(dims[i]);
    }
    return text;
}

void append(std::string& detail, const std::string& part) {
    if (part.empty()) return;
    if (!detail.empty()) detail += ' ';
    detail += part;
}

std::string activation_text(tflite::ActivationFunctionType activation) {
    if (activation == tflite::ActivationFunctionType_NONE) return {};
    return tflite::EnumNameActivationFunctionType(activation);
}

std::string stride_text(int32_t stride_h, int32_t stride_w) {
    if (stride_h <= 1 && stride_w <= 1) return {};
    // std::string first: GCC 12 warns (-Wrestrict, a false positive) on "literal" + temporary.
    if (stride_h == stride_w) return std::string("/") + std::to_string(stride_h);
    return std::string("/") + std::to_string(stride_h) + "\u00d7" + std::to_string(stride_w);
}

// "3×3" from a filter tensor laid out [out, h, w, in] (or [1, h, w, c] for depthwise).
std::string kernel_text(const Subgraph& subgraph, const Operator& op) {
    if (op.inputs.size() < 2) return {};
    const int32_t filter = op.inputs[1];
    if (filter < 0 || static_cast<size_t>(filter) >= subgraph.tensors.size()) return {};
    const auto& shape = subgraph.tensors[static_cast<size_t>(filter)].shape;
    if (shape.size() != 4) return {};
    return std::to_string(shape[1]) + "\u00d7" + std::to_string(shape[2]);
}

std::string key_options(const Subgraph& subgraph, const Operator& op) {
    std::string detail;
    const auto& options = op.builtin_options;
    if (const auto* conv = options.AsConv2DOptions()) {
        append(detail, kernel_text(subgraph, op));
        append(detail, stride_text(conv->stride_h, conv->stride_w));
        append(detail, activation_text(conv->fused_activation_function));
    } else if (const auto* depthwise = options.AsDepthwiseConv2DOptions()) {
        append(detail, kernel_text(subgraph, op));
        append(detail, stride_text(depthwise->stride_h, depthwise->stride_w));
        append(detail, activation_text(depthwise->fused_activation_function));
    } else if (const auto* pool = options.AsPool2DOptions()) {
        append(detail, std::to_string(pool->filter_height) + "\u00d7" + std::to_string(pool->filter_width));
        append(detail, stride_text(pool->stride_h, pool->stride_w));
        append(detail, activation_text(pool->fused_activation_function));
    } else if (const auto* fc = options.AsFullyConnectedOptions()) {
        append(detail, activation_text(fc->fused_activation_function));
    } else if (const auto* add = options.AsAddOptions()) {
        append(detail, activation_text(add->fused_activation_function));
    } else if (const auto* mul = options.AsMulOptions()) {
        append(detail, activation_text(mul->fused_activation_function));
    } else if (const auto* sub = options.AsSubOptions()) {
        append(detail, activation_text(sub->fused_activation_function));
    } else if (const auto* concat = options.AsConcatenationOptions()) {
        append(detail, std::string("axis ") + std::to_string(concat->axis));
        append(detail, activation_text(concat->fused_activation_function));
    } else if (const auto* softmax = options.AsSoftmaxOptions()) {
        if (softmax->beta != 1.0f) append(detail, std::string("\u03b2 ") + std::to_string(softmax->beta));
    }
    return detail;
}

std::vector<int32_t> called_subgraphs(const Operator& op) {
    const auto& options = op.builtin_options;
    if (const auto* w = options.AsWhileOptions()) return {w->cond_subgraph_index, w->body_subgraph_index};
    if (const auto* i = options.AsIfOptions()) return {i->then_subgraph_index, i->else_subgraph_index};
    if (const auto* c = options.AsCallOnceOptions()) return {c->init_subgraph_index};
    if (const auto* c = options.AsCallOptions()) return {static_cast<int32_t>(c->subgraph)};
    return {};
}

std::string edge_label(const Tensor& tensor) {
    return dims_text(tensor.signature_or_shape()) + " " + std::string(dtype_name(tensor.type));
}

bool valid_tensor(const Subgraph& subgraph, int32_t tensor) {
    return tensor >= 0 && static_cast<size_t>(tensor) < subgraph.tensors.size();
}

}  // namespace

OpFamily op_family(tflite::BuiltinOperator op) {
    const std::string_view name = tflite::EnumNameBuiltinOperator(op);
    if (op == tflite::BuiltinOperator_CUSTOM) return OpFamily::kCustom;
    if (name == "QUANTIZE" || name == "DEQUANTIZE" || name == "FAKE_QUANT") return OpFamily::kQuantization;
    if (name == "WHILE" || name == "IF" || name == "CALL_ONCE" || name == "CALL") return OpFamily::kControlFlow;
    if (contains(name, "LSTM") || contains(name, "RNN") || contains(name, "SVDF") || contains(name, "GRU"))
        return OpFamily::kRecurrent;
    if (contains(name, "CONV") || name == "FULLY_CONNECTED" || contains(name, "MATMUL") || name == "EMBEDDING_LOOKUP")
        return OpFamily::kConvolution;
    if (contains(name, "POOL") || contains(name, "REDUCE_") || name == "MEAN" || name == "SUM" || name == "ARG_MAX" ||
        name == "ARG_MIN")
        return OpFamily::kPooling;
    if (one_of(name, kActivations)) return OpFamily::kActivation;
    if (one_of(name, kShapeOps)) return OpFamily::kShape;
    if (name.empty()) return OpFamily::kOther;
    return OpFamily::kElementwise;
}

GraphModel build_graph_model(const Model& model, int32_t subgraph_index) {
    GraphModel graph;
    graph.subgraph = subgraph_index;
    if (subgraph_index < 0 || static_cast<size_t>(subgraph_index) >= model.subgraphs.size()) return graph;
    const Subgraph& subgraph = model.subgraphs[static_cast<size_t>(subgraph_index)];
    graph.operator_count = subgraph.operators.size();
    graph.nodes.reserve(subgraph.operators.size() + subgraph.inputs.size() + subgraph.outputs.size());

    for (size_t i = 0; i < subgraph.operators.size(); ++i) {
        const Operator& op = subgraph.operators[i];
        GraphNode node;
        node.index = static_cast<int32_t>(i);
        if (op.opcode_index < model.operator_codes.size()) {
            const OperatorCode& code = model.operator_codes[op.opcode_index];
            node.family = op_family(code.builtin_code);
            node.title = code.name();
        } else {
            node.title = "?";
        }
        node.detail = key_options(subgraph, op);
        node.called_subgraphs = called_subgraphs(op);
        graph.nodes.push_back(std::move(node));
    }

    // Where each tensor comes from: an op node, or an input terminal for graph inputs.
    std::vector<int64_t> source(subgraph.tensors.size(), -1);
    for (size_t i = 0; i < subgraph.operators.size(); ++i)
        for (int32_t t : subgraph.operators[i].outputs)
            if (valid_tensor(subgraph, t)) source[static_cast<size_t>(t)] = static_cast<int64_t>(i);
    // A graph input or output drawn as a pill named after its tensor; returns its node index.
    auto add_terminal = [&](GraphNode::Kind kind, int32_t tensor) {
        GraphNode node;
        node.kind = kind;
        node.index = tensor;
        node.family = OpFamily::kTerminal;
        node.title = subgraph.tensors[static_cast<size_t>(tensor)].name;
        node.detail = std::string("T#") + std::to_string(tensor);
        graph.nodes.push_back(std::move(node));
        return static_cast<uint32_t>(graph.nodes.size() - 1);
    };
    for (int32_t t : subgraph.inputs) {
        if (!valid_tensor(subgraph, t) || source[static_cast<size_t>(t)] >= 0) continue;
        source[static_cast<size_t>(t)] = add_terminal(GraphNode::Kind::kInput, t);
    }

    auto add_edge = [&](int32_t tensor, uint32_t to) {
        if (!valid_tensor(subgraph, tensor)) return;
        const int64_t from = source[static_cast<size_t>(tensor)];
        if (from < 0) return;  // constants and unset tensors are not drawn
        const Tensor& t = subgraph.tensors[static_cast<size_t>(tensor)];
        graph.edges.push_back({static_cast<uint32_t>(from), to, tensor, edge_label(t), t.type});
    };
    for (size_t i = 0; i < subgraph.operators.size(); ++i)
        for (int32_t t : subgraph.operators[i].inputs) add_edge(t, static_cast<uint32_t>(i));
    for (int32_t t : subgraph.outputs) {
        if (valid_tensor(subgraph, t)) add_edge(t, add_terminal(GraphNode::Kind::kOutput, t));
    }
    return graph;
}

}  // namespace litelab::viewers
