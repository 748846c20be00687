#include "lstm_layout.h"

#include <string>
#include <vector>

#include "model/graph.h"

namespace litelab::recurrent {

namespace {

std::string name_of(int input) {
    static const char* const kNames[] = {
        "input",
        "input-to-input weights",
        "input-to-forget weights",
        "input-to-cell weights",
        "input-to-output weights",
        "recurrent-to-input weights",
        "recurrent-to-forget weights",
        "recurrent-to-cell weights",
        "recurrent-to-output weights",
        "cell-to-input weights",
        "cell-to-forget weights",
        "cell-to-output weights",
        "input gate bias",
        "forget gate bias",
        "cell gate bias",
        "output gate bias",
        "projection weights",
        "projection bias",
        "output state",
        "cell state",
        "input layer norm coefficients",
        "forget layer norm coefficients",
        "cell layer norm coefficients",
        "output layer norm coefficients",
    };
    return kNames[input];
}

// An error unless input `i` is present with exactly `dims`.
Status expect_shape(const PrepareContext& ctx, int i, const std::vector<int32_t>& dims) {
    if (!ctx.has_input(i)) return ctx.invalid(name_of(i) + ": missing");
    if (ctx.input(i).shape != dims)
        return ctx.invalid(name_of(i) + ": shape " + format_dims(ctx.input(i).shape) + ", expected " +
                           format_dims(dims));
    return {};
}

Status expect_absent(const PrepareContext& ctx, int i, const char* why) {
    if (ctx.has_input(i)) return ctx.invalid(name_of(i) + ": must be absent " + why);
    return {};
}

}  // namespace

Result<LstmLayout> lstm_layout(PrepareContext& ctx, bool time_major) {
    if (ctx.num_inputs() != 24 && ctx.num_inputs() != 20)
        return ctx.invalid("UNIDIRECTIONAL_SEQUENCE_LSTM needs 20 or 24 inputs, not " +
                           std::to_string(ctx.num_inputs()));
    if (ctx.num_outputs() != 1) return ctx.invalid("UNIDIRECTIONAL_SEQUENCE_LSTM has one output");
    const TensorInfo& input = ctx.input(kLstmInput);
    if (input.rank() != 3) return ctx.invalid("the input must have rank 3, not " + format_dims(input.shape));

    LstmLayout l;
    l.time_major = time_major;
    l.n_time = time_major ? input.dim(0) : input.dim(1);
    l.n_batch = time_major ? input.dim(1) : input.dim(0);
    l.n_input = input.dim(2);
    if (!ctx.has_input(input_weights_of(kOutputGate)) || ctx.input(input_weights_of(kOutputGate)).rank() != 2)
        return ctx.invalid("the input-to-output weights must be a matrix");
    if (!ctx.has_input(recurrent_weights_of(kOutputGate)) || ctx.input(recurrent_weights_of(kOutputGate)).rank() != 2)
        return ctx.invalid("the recurrent-to-output weights must be a matrix");
    l.n_cell = ctx.input(input_weights_of(kOutputGate)).dim(0);
    l.n_output = ctx.input(recurrent_weights_of(kOutputGate)).dim(1);

    l.cifg = !ctx.has_input(input_weights_of(kInputGate));
    if (l.cifg != !ctx.has_input(recurrent_weights_of(kInputGate)))
        return ctx.invalid("the input-to-input and recurrent-to-input weights must be both present or both absent");
    l.peephole = ctx.has_input(peephole_of(kOutputGate));
    l.layer_norm = ctx.num_inputs() == 24 && ctx.has_input(layer_norm_of(kForgetGate));
    l.projection = ctx.has_input(kProjectionWeights);
    l.projection_bias = ctx.has_input(kProjectionBias);

    for (int gate = kInputGate; gate <= kOutputGate; ++gate) {
        if (!l.has_gate(gate)) {
            LITELAB_TRY(expect_absent(ctx, bias_of(gate), "in a CIFG LSTM"));
            LITELAB_TRY(expect_absent(ctx, peephole_of(gate), "in a CIFG LSTM"));
            if (ctx.num_inputs() == 24) LITELAB_TRY(expect_absent(ctx, layer_norm_of(gate), "in a CIFG LSTM"));
            continue;
        }
        LITELAB_TRY(expect_shape(ctx, input_weights_of(gate), {l.n_cell, l.n_input}));
        LITELAB_TRY(expect_shape(ctx, recurrent_weights_of(gate), {l.n_cell, l.n_output}));
        LITELAB_TRY(expect_shape(ctx, bias_of(gate), {l.n_cell}));
        if (gate != kCellGate) {
            if (l.peephole)
                LITELAB_TRY(expect_shape(ctx, peephole_of(gate), {l.n_cell}));
            else
                LITELAB_TRY(expect_absent(ctx, peephole_of(gate), "without cell-to-output weights"));
        }
        if (l.layer_norm)
            LITELAB_TRY(expect_shape(ctx, layer_norm_of(gate), {l.n_cell}));
        else if (ctx.num_inputs() == 24)
            LITELAB_TRY(expect_absent(ctx, layer_norm_of(gate), "without forget layer norm coefficients"));
    }
    if (l.projection) {
        LITELAB_TRY(expect_shape(ctx, kProjectionWeights, {l.n_output, l.n_cell}));
        if (l.projection_bias) LITELAB_TRY(expect_shape(ctx, kProjectionBias, {l.n_output}));
    } else {
        LITELAB_TRY(expect_absent(ctx, kProjectionBias, "without projection weights"));
        if (l.n_output != l.n_cell)
            return ctx.invalid("without projection the output size (" + std::to_string(l.n_output) +
                               ") must equal the cell count (" + std::to_string(l.n_cell) + ")");
    }

    for (const int state : {int{kOutputState}, int{kCellState}}) {
        if (!ctx.has_input(state)) return ctx.invalid(name_of(state) + ": missing");
        if (ctx.input(state).storage != TensorStorage::kVariable)
            return ctx.unsupported(name_of(state) + ": not a variable tensor");
    }
    const int64_t batch = l.n_batch;
    if (ctx.input(kOutputState).elements() != batch * l.n_output)
        return ctx.invalid("the output state has " + std::to_string(ctx.input(kOutputState).elements()) +
                           " values, expected " + std::to_string(batch * l.n_output));
    if (ctx.input(kCellState).elements() != batch * l.n_cell)
        return ctx.invalid("the cell state has " + std::to_string(ctx.input(kCellState).elements()) +
                           " values, expected " + std::to_string(batch * l.n_cell));

    ctx.output(0).shape = input.shape;
    ctx.output(0).shape[2] = l.n_output;
    return l;
}

}  // namespace litelab::recurrent
