// UNIDIRECTIONAL_SEQUENCE_LSTM's 24 inputs and the sizes and variants (CIFG, peephole, layer
// norm, projection) one operator uses, checked once when a model is compiled. Shared by the
// float, hybrid and integer kernels.
#pragma once

#include "core/result.h"
#include "runtime/kernel.h"

namespace litelab::recurrent {

// Input positions (TFLite's lstm::full tensor indices).
enum LstmInput : int {
    kLstmInput = 0,
    kInputToInputWeights = 1,  // + gate: input-to-{input, forget, cell, output} weights
    kRecurrentToInputWeights = 5,
    kCellToInputWeights = 9,  // peephole, no cell gate entry
    kInputGateBias = 12,
    kProjectionWeights = 16,
    kProjectionBias = 17,
    kOutputState = 18,
    kCellState = 19,
    kInputLayerNorm = 20,
};

// Gate order in the input list and in the kernels' scratch.
enum Gate : int { kInputGate = 0, kForgetGate = 1, kCellGate = 2, kOutputGate = 3 };

constexpr int input_weights_of(int gate) {
    return kInputToInputWeights + gate;
}
constexpr int recurrent_weights_of(int gate) {
    return kRecurrentToInputWeights + gate;
}
constexpr int peephole_of(int gate) {
    return kCellToInputWeights + (gate == kOutputGate ? 2 : gate);
}
constexpr int bias_of(int gate) {
    return kInputGateBias + gate;
}
constexpr int layer_norm_of(int gate) {
    return kInputLayerNorm + gate;
}

struct LstmLayout {
    int n_batch = 0;
    int n_time = 0;
    int n_input = 0;
    int n_cell = 0;
    int n_output = 0;
    bool time_major = false;
    bool cifg = false;        // no input gate: it is 1 - forget gate
    bool peephole = false;    // cell-to-gate weights
    bool layer_norm = false;  // per-gate layer normalisation coefficients
    bool projection = false;  // output = projection(hidden), else output = hidden
    bool projection_bias = false;

    bool has_gate(int gate) const { return gate != kInputGate || !cifg; }
    bool has_peephole(int gate) const { return peephole && gate != kCellGate && has_gate(gate); }
};

// Reads and checks the shapes of an UNIDIRECTIONAL_SEQUENCE_LSTM operator, as TFLite's Prepare
// does, and sets its output's shape.
Result<LstmLayout> lstm_layout(PrepareContext& ctx, bool time_major);

}  // namespace litelab::recurrent
