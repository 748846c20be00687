// GraphModel: one subgraph as the graph view draws it. Every operator is a node; the graph's
// inputs and outputs are small terminal nodes; every use of an activation tensor is an edge from
// its producer (an op or an input terminal) to its consumer (an op or an output terminal).
// Constant tensors (weights, biases) are not nodes: they appear in the op's label and properties.
// Qt-free: built on the loading worker together with the layout.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"

namespace litelab::viewers {

// Op families share a colour in the view.
enum class OpFamily {
    kConvolution,   // CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, BATCH_MATMUL, ...
    kActivation,    // RELU, LOGISTIC, SOFTMAX, ...
    kPooling,       // pools and reductions
    kElementwise,   // ADD, MUL, ...
    kShape,         // RESHAPE, TRANSPOSE, CONCATENATION, ...
    kQuantization,  // QUANTIZE, DEQUANTIZE
    kRecurrent,     // LSTM, SVDF, ...
    kControlFlow,   // WHILE, IF, CALL_ONCE
    kCustom,
    kOther,
    kTerminal,  // graph inputs and outputs
};

OpFamily op_family(tflite::BuiltinOperator op);

struct GraphNode {
    enum class Kind { kOperator, kInput, kOutput };
    Kind kind = Kind::kOperator;
    int32_t index = 0;  // operator index, or the tensor index of a terminal
    OpFamily family = OpFamily::kOther;
    std::string title;                      // "CONV_2D", or the tensor name for terminals
    std::string detail;                     // key options: "3×3 /2 RELU6"; empty when there are none
    std::vector<int32_t> called_subgraphs;  // WHILE / IF / CALL_ONCE bodies
};

struct GraphEdge {
    uint32_t from = 0;  // node indices
    uint32_t to = 0;
    int32_t tensor = 0;
    std::string label;  // "1×49×40×8 INT8"
    DType type = DType::kFloat32;
};

struct GraphModel {
    int32_t subgraph = 0;
    std::vector<GraphNode> nodes;  // operators first, in order (node i is Op#i), then terminals
    std::vector<GraphEdge> edges;
    size_t operator_count = 0;

    // The node of operator `op` (the identity: operators come first).
    static uint32_t operator_node(int32_t op) { return static_cast<uint32_t>(op); }
};

GraphModel build_graph_model(const Model& model, int32_t subgraph);

}  // namespace litelab::viewers
