#include "import/common/fuse_activations.h"

#include <algorithm>

#include "model/graph.h"

namespace litelab {

namespace {

std::optional<tflite::ActivationFunctionType> activation_of(tflite::BuiltinOperator code) {
    switch (code) {
        case tflite::BuiltinOperator_RELU: return tflite::ActivationFunctionType_RELU;
        case tflite::BuiltinOperator_RELU6: return tflite::ActivationFunctionType_RELU6;
        case tflite::BuiltinOperator_RELU_N1_TO_1: return tflite::ActivationFunctionType_RELU_N1_TO_1;
        default: return std::nullopt;
    }
}

// The producer's fused activation field, creating default options when it stores none; nullptr
// when the operator has no such field or TFLite's converter does not fuse into it.
template <class Options>
tflite::ActivationFunctionType* field(tflite::BuiltinOptionsUnion& options) {
    if (options.type == tflite::BuiltinOptions_NONE) options.Set(Options{});
    if (options.type != tflite::BuiltinOptionsUnionTraits<Options>::enum_value) return nullptr;
    return &static_cast<Options*>(options.value)->fused_activation_function;
}

tflite::ActivationFunctionType* fused_activation_field(tflite::BuiltinOperator code, Operator& op) {
    auto& o = op.builtin_options;
    switch (code) {
        case tflite::BuiltinOperator_CONV_2D: return field<tflite::Conv2DOptionsT>(o);
        case tflite::BuiltinOperator_DEPTHWISE_CONV_2D: return field<tflite::DepthwiseConv2DOptionsT>(o);
        case tflite::BuiltinOperator_FULLY_CONNECTED: return field<tflite::FullyConnectedOptionsT>(o);
        case tflite::BuiltinOperator_ADD: return field<tflite::AddOptionsT>(o);
        case tflite::BuiltinOperator_SUB: return field<tflite::SubOptionsT>(o);
        case tflite::BuiltinOperator_MUL: return field<tflite::MulOptionsT>(o);
        case tflite::BuiltinOperator_DIV: return field<tflite::DivOptionsT>(o);
        default: return nullptr;
    }
}

}  // namespace

int fuse_activations(Model& model) {
    if (model.subgraphs.empty()) return 0;
    Subgraph& subgraph = model.subgraphs[0];
    const SubgraphIndex index(subgraph);
    std::vector<bool> removed(subgraph.operators.size(), false);
    int fused = 0;
    for (size_t a = 0; a < subgraph.operators.size(); ++a) {
        Operator& activation = subgraph.operators[a];
        const auto kind = activation_of(model.opcode(activation).builtin_code);
        if (!kind || activation.inputs.size() != 1 || activation.outputs.size() != 1) continue;
        const int32_t between = activation.inputs[0];
        if (between < 0) continue;
        const auto producer = index.producer(between);
        if (!producer || removed[*producer] || index.consumers(between).size() != 1) continue;
        if (std::find(subgraph.outputs.begin(), subgraph.outputs.end(), between) != subgraph.outputs.end()) continue;
        Operator& op = subgraph.operators[*producer];
        if (op.outputs.size() != 1) continue;
        tflite::ActivationFunctionType* slot = fused_activation_field(model.opcode(op).builtin_code, op);
        if (!slot || *slot != tflite::ActivationFunctionType_NONE) continue;
        *slot = *kind;
        op.outputs[0] = activation.outputs[0];
        removed[a] = true;
        ++fused;
    }
    std::vector<Operator> kept;
    for (size_t o = 0; o < subgraph.operators.size(); ++o)
        if (!removed[o]) kept.push_back(std::move(subgraph.operators[o]));
    subgraph.operators = std::move(kept);
    return fused;
}

}  // namespace litelab
