// Fully integer UNIDIRECTIONAL_SEQUENCE_LSTM (TFLite's 8x8_16 variant, lstm_eval.cc
// EvalInteger8x8_16): int8 input, weights and output state, a 16-bit cell whose scale is a power
// of two, gates in Q3.12 (or at the scales of the layer norm intermediates) activated into Q0.15.
// The effective scales come from the operator's five `intermediates` tensors; the input and
// output-state zero points are folded into per-row effective biases when preparing.
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "lstm_integer_math.h"
#include "recurrent_kernels.h"
#include "recurrent_math.h"

namespace litelab::recurrent {

namespace {

using lstm_int::saturate;

struct IntegerLstmParams {
    LstmLayout layout;
    std::array<QuantizedMultiplier, 4> input_scale{}, recurrent_scale{}, peephole_scale{}, layer_norm_scale{};
    std::array<int32_t, 4> variance_guard{};
    // Per gate: bias + input zero point terms, and output-state zero point terms.
    std::array<std::vector<int32_t>, 4> input_bias, recurrent_bias;
    std::vector<int32_t> projection_bias;  // bias + hidden zero point terms
    QuantizedMultiplier projection_scale{}, hidden_scale{};
    int32_t hidden_zero_point = 0;
    int32_t output_state_zero_point = 0;
    int cell_scale = 0;  // log2 of the cell state's scale
    int16_t cell_clip = 0;
    int8_t proj_clip = 0;
};

struct IntegerScratch {
    std::array<size_t, 4> gate{};
    size_t cell_tanh = 0;  // tanh(cell), Q0.15
    size_t hidden = 0;     // output gate * tanh(cell), int8 at the hidden scale
    size_t input = 0;      // gathered input rows (batch-major)
};

template <class T>
const T* optional_input(const OpContext& c, int i) {
    return c.has_input(i) ? c.input<T>(i) : nullptr;
}

// One gate: input and recurrent products (biases and zero points folded in), peephole, layer
// norm, then sigmoid (or tanh for the cell gate) into Q0.15.
void compute_gate(const IntegerLstmParams& p, const OpContext& c, int g, const int8_t* input,
                  const int8_t* output_state, const int16_t* cell_state, int16_t* gate) {
    const LstmLayout& l = p.layout;
    const auto gi = static_cast<size_t>(g);
    const size_t n = static_cast<size_t>(l.n_batch) * static_cast<size_t>(l.n_cell);
    std::fill(gate, gate + n, int16_t{0});
    lstm_int::matmul_accumulate(input, p.input_bias[gi].data(), c.input<int8_t>(input_weights_of(g)), p.input_scale[gi],
                                l.n_batch, l.n_input, l.n_cell, 0, gate);
    lstm_int::matmul_accumulate(output_state, p.recurrent_bias[gi].data(), c.input<int8_t>(recurrent_weights_of(g)),
                                p.recurrent_scale[gi], l.n_batch, l.n_output, l.n_cell, 0, gate);
    if (l.has_peephole(g))
        lstm_int::peephole_accumulate(c.input<int16_t>(peephole_of(g)), l.n_cell, cell_state, l.n_batch,
                                      p.peephole_scale[gi], gate);
    if (l.layer_norm)
        lstm_int::layer_norm(gate, c.input<int16_t>(layer_norm_of(g)), c.input<int32_t>(bias_of(g)),
                             p.layer_norm_scale[gi], p.variance_guard[gi], l.n_batch, l.n_cell, gate);
    if (g == kCellGate)
        lstm_int::tanh(3, gate, n, gate);
    else
        lstm_int::sigmoid(gate, n, gate);
}

Status run_integer_lstm(const IntegerLstmParams& p, const IntegerScratch& at, const OpContext& c) {
    const LstmLayout& l = p.layout;
    const std::span<uint8_t> scratch = c.scratch();
    const int8_t* input = c.input<int8_t>(kLstmInput);
    int8_t* output = c.output<int8_t>(0);
    int8_t* output_state = c.mutable_input<int8_t>(kOutputState);
    int16_t* cell_state = c.mutable_input<int16_t>(kCellState);
    std::array<int16_t*, 4> gate{};
    for (size_t g = 0; g < 4; ++g) gate[g] = scratch_at<int16_t>(scratch, at.gate[g]);
    auto* cell_tanh = scratch_at<int16_t>(scratch, at.cell_tanh);
    auto* hidden = scratch_at<int8_t>(scratch, at.hidden);
    auto* rows = scratch_at<int8_t>(scratch, at.input);
    const auto n_input = static_cast<size_t>(l.n_input);
    const auto n_output = static_cast<size_t>(l.n_output);
    const auto batch = static_cast<size_t>(l.n_batch);
    const auto time = static_cast<size_t>(l.n_time);
    const size_t n = batch * static_cast<size_t>(l.n_cell);

    for (size_t t = 0; t < time; ++t) {
        const int8_t* x = input + t * batch * n_input;
        if (!l.time_major) {
            for (size_t b = 0; b < batch; ++b)
                std::copy_n(input + (b * time + t) * n_input, n_input, rows + b * n_input);
            x = rows;
        }
        for (int g = kInputGate; g <= kCellGate; ++g)
            if (l.has_gate(g)) compute_gate(p, c, g, x, output_state, cell_state, gate[static_cast<size_t>(g)]);

        // cell = forget * cell + input * cell_gate, the input gate 1 - forget with CIFG.
        for (size_t i = 0; i < n; ++i) {
            const int16_t kept = lstm_int::multiply_shift(gate[kForgetGate][i], cell_state[i], 15);
            const int16_t input_gate =
                l.cifg ? static_cast<int16_t>(32767 - gate[kForgetGate][i]) : gate[kInputGate][i];
            const int16_t added = lstm_int::multiply_shift(input_gate, gate[kCellGate][i], 30 + p.cell_scale);
            int16_t updated = saturate<int16_t>(int32_t{kept} + int32_t{added});
            if (p.cell_clip > 0)
                updated = std::clamp<int16_t>(updated, static_cast<int16_t>(-p.cell_clip), p.cell_clip);
            cell_state[i] = updated;
        }
        compute_gate(p, c, kOutputGate, x, output_state, cell_state, gate[kOutputGate]);

        // hidden = output gate * tanh(cell); the output state is its projection, or hidden itself.
        lstm_int::tanh(15 + p.cell_scale, cell_state, n, cell_tanh);
        for (size_t i = 0; i < n; ++i)
            hidden[i] =
                lstm_int::multiply_requantize(gate[kOutputGate][i], cell_tanh[i], p.hidden_scale, p.hidden_zero_point);
        if (l.projection) {
            std::fill_n(output_state, batch * n_output, int8_t{0});
            lstm_int::matmul_accumulate(hidden, p.projection_bias.data(), c.input<int8_t>(kProjectionWeights),
                                        p.projection_scale, l.n_batch, l.n_cell, l.n_output, p.output_state_zero_point,
                                        output_state);
            if (p.proj_clip > 0)
                for (size_t i = 0; i < batch * n_output; ++i)
                    output_state[i] =
                        std::clamp<int8_t>(output_state[i], static_cast<int8_t>(-p.proj_clip), p.proj_clip);
        } else {
            std::copy_n(hidden, batch * n_output, output_state);
        }
        for (size_t b = 0; b < batch; ++b) {
            int8_t* to = l.time_major ? output + (t * batch + b) * n_output : output + (b * time + t) * n_output;
            std::copy_n(output_state + b * n_output, n_output, to);
        }
    }
    return {};
}

// TFLite's CheckedLog2: the scale must be a power of two (within 1e-3 in log2).
bool checked_log2(float x, int& log2) {
    const float x_log2 = std::log(x) * (1.0f / std::log(2.0f));
    const float rounded = std::round(x_log2);
    log2 = static_cast<int>(rounded);
    return std::abs(x_log2 - rounded) < 1e-3f;
}

// The subgraph the operator belongs to (PrepareContext names only the model and the operator).
const Subgraph* subgraph_of(const PrepareContext& ctx) {
    const auto index = static_cast<size_t>(ctx.op_index());
    for (const Subgraph& g : ctx.model().subgraphs)
        if (index < g.operators.size() && &g.operators[index] == &ctx.op()) return &g;
    return nullptr;
}

// bias (optional) + zero_point * the sum of each weight row (TFLite's
// PrecomputeZeroPointTimesWeightWithBias).
std::vector<int32_t> effective_bias(const PrepareContext& ctx, int weights, int bias, int32_t zero_point) {
    const TensorInfo& w = ctx.input(weights);
    const auto rows = static_cast<size_t>(w.dim(0));
    const auto cols = static_cast<size_t>(w.dim(1));
    std::vector<int32_t> out(rows, 0);
    if (bias >= 0 && ctx.has_input(bias)) {
        const auto b = ctx.constant<int32_t>(bias);
        std::copy(b.begin(), b.end(), out.begin());
    }
    const auto values = ctx.constant<int8_t>(weights);
    for (size_t r = 0; r < rows; ++r) {
        int32_t sum = 0;
        for (size_t col = 0; col < cols; ++col) sum += values[r * cols + col];
        out[r] += sum * zero_point;
    }
    return out;
}

float scale_of(const TensorInfo& t) {
    return t.quant.scale0();
}

}  // namespace

Result<std::unique_ptr<OpKernel>> make_lstm_integer_kernel(PrepareContext& ctx, const LstmLayout& layout,
                                                           const tflite::UnidirectionalSequenceLSTMOptionsT& options) {
    const LstmLayout& l = layout;
    auto expect = [&](int i, DType type, const char* what) -> Status {
        if (!ctx.has_input(i)) return {};
        if (ctx.input(i).type != type)
            return ctx.unsupported(std::string("int8 LSTM with ") + what + " of type " +
                                   std::string(dtype_name(ctx.input(i).type)));
        if (ctx.input(i).quant.scale.size() > 1) return ctx.unsupported(std::string("per-channel ") + what);
        return {};
    };
    for (int g = kInputGate; g <= kOutputGate; ++g) {
        LITELAB_TRY(expect(input_weights_of(g), DType::kInt8, "weights"));
        LITELAB_TRY(expect(recurrent_weights_of(g), DType::kInt8, "weights"));
        if (g != kCellGate) LITELAB_TRY(expect(peephole_of(g), DType::kInt16, "peephole weights"));
        LITELAB_TRY(expect(bias_of(g), DType::kInt32, "gate bias"));
        if (ctx.num_inputs() == 24) LITELAB_TRY(expect(layer_norm_of(g), DType::kInt16, "layer norm coefficients"));
    }
    LITELAB_TRY(expect(kProjectionWeights, DType::kInt8, "projection weights"));
    LITELAB_TRY(expect(kProjectionBias, DType::kInt32, "projection bias"));
    LITELAB_TRY(expect(kOutputState, DType::kInt8, "output state"));
    LITELAB_TRY(expect(kCellState, DType::kInt16, "cell state"));
    if (ctx.output(0).type != DType::kInt8)
        return ctx.unsupported("int8 LSTM with output of type " + std::string(dtype_name(ctx.output(0).type)));
    for (int i = kInputToInputWeights; i < ctx.num_inputs(); ++i)
        if (ctx.has_input(i) && i != kOutputState && i != kCellState && !ctx.is_constant(i))
            return ctx.unsupported("int8 LSTM with non-constant input " + std::to_string(i));
    if (options.fused_activation_function != tflite::ActivationFunctionType_TANH)
        return ctx.unsupported("int8 LSTM with fused activation " +
                               std::string(tflite::EnumNameActivationFunctionType(options.fused_activation_function)));

    // The five intermediates: the four gates' layer norm outputs and the hidden state.
    const Subgraph* subgraph = subgraph_of(ctx);
    if (!subgraph) return ctx.invalid("operator not found in its model");
    if (ctx.op().intermediates.size() != 5)
        return ctx.unsupported("int8 LSTM with " + std::to_string(ctx.op().intermediates.size()) +
                               " intermediates (only the 8x8_16 variant, with 5, is supported)");
    std::array<float, 5> intermediate_scale{};
    std::array<int32_t, 5> intermediate_zero_point{};
    for (size_t i = 0; i < 5; ++i) {
        const int32_t t = ctx.op().intermediates[i];
        if (t < 0 || static_cast<size_t>(t) >= subgraph->tensors.size())
            return ctx.invalid("intermediate out of range");
        const auto& q = subgraph->tensors[static_cast<size_t>(t)].quantization;
        const bool used = i == 4 || l.layer_norm;
        if (used && (!q || q->scale.empty() || q->zero_point.empty()))
            return ctx.invalid("int8 LSTM intermediate " + std::to_string(i) + " is not quantised");
        // Without layer norm the gates are Q3.12.
        intermediate_scale[i] = used ? q->scale[0] : static_cast<float>(std::pow(2, -12));
        intermediate_zero_point[i] = used ? static_cast<int32_t>(q->zero_point[0]) : 0;
    }

    IntegerLstmParams p;
    p.layout = l;
    const TensorInfo& cell = ctx.input(kCellState);
    if (cell.quant.empty() || !checked_log2(cell.quant.scale0(), p.cell_scale))
        return ctx.unsupported("int8 LSTM whose cell state scale is not a power of two");
    if (15 + p.cell_scale < 0 || 15 + p.cell_scale > 6)
        return ctx.unsupported("int8 LSTM with cell state scale 2^" + std::to_string(p.cell_scale));
    if (options.cell_clip > 0.0f)
        p.cell_clip =
            static_cast<int16_t>(std::min(std::max(options.cell_clip / cell.quant.scale0(), -32768.0f), 32767.0f));
    if (options.proj_clip > 0.0f)
        p.proj_clip =
            static_cast<int8_t>(std::min(std::max(options.proj_clip / ctx.output(0).quant.scale0(), -128.0f), 127.0f));

    // Effective scales, in float as TFLite computes them.
    const float input_scale = scale_of(ctx.input(kLstmInput));
    const float state_scale = scale_of(ctx.input(kOutputState));
    for (int g = kInputGate; g <= kOutputGate; ++g) {
        if (!l.has_gate(g)) continue;
        const auto gi = static_cast<size_t>(g);
        const float in = scale_of(ctx.input(input_weights_of(g))) * input_scale / intermediate_scale[gi];
        const float rec = scale_of(ctx.input(recurrent_weights_of(g))) * state_scale / intermediate_scale[gi];
        p.input_scale[gi] = quantize_multiplier(in);
        p.recurrent_scale[gi] = quantize_multiplier(rec);
        if (l.has_peephole(g)) {
            const auto peephole = static_cast<float>(std::pow(2, p.cell_scale) * scale_of(ctx.input(peephole_of(g))) /
                                                     intermediate_scale[gi]);
            p.peephole_scale[gi] = quantize_multiplier(peephole);
        }
        if (l.layer_norm) {
            const float ln = scale_of(ctx.input(layer_norm_of(g)));
            p.layer_norm_scale[gi] = quantize_multiplier(ln);
            p.variance_guard[gi] = std::max(1, static_cast<int32_t>(10000 * ln));
        }
        // Zero points folded into the biases; with layer norm the gate bias is added after it.
        p.input_bias[gi] = effective_bias(ctx, input_weights_of(g), l.layer_norm ? -1 : bias_of(g),
                                          -ctx.input(kLstmInput).quant.zero_point0());
        p.recurrent_bias[gi] =
            effective_bias(ctx, recurrent_weights_of(g), -1, -ctx.input(kOutputState).quant.zero_point0());
    }
    p.hidden_scale = quantize_multiplier(
        static_cast<float>(std::pow(2, -15) / static_cast<double>(intermediate_scale[4]) * std::pow(2, -15)));
    p.hidden_zero_point = intermediate_zero_point[4];
    p.output_state_zero_point = ctx.input(kOutputState).quant.zero_point0();
    if (l.projection) {
        p.projection_scale =
            quantize_multiplier(scale_of(ctx.input(kProjectionWeights)) * intermediate_scale[4] / state_scale);
        p.projection_bias = effective_bias(ctx, kProjectionWeights, kProjectionBias, p.hidden_zero_point);
    }

    ScratchLayout scratch;
    IntegerScratch at;
    const size_t n = static_cast<size_t>(l.n_batch) * static_cast<size_t>(l.n_cell);
    for (size_t g = 0; g < 4; ++g) at.gate[g] = scratch.add<int16_t>(n);
    at.cell_tanh = scratch.add<int16_t>(n);
    at.hidden = scratch.add<int8_t>(n);
    at.input = scratch.add<int8_t>(static_cast<size_t>(l.n_batch) * static_cast<size_t>(l.n_input));
    ctx.request_scratch(scratch.bytes());
    return make_kernel([p = std::move(p), at](const OpContext& c) { return run_integer_lstm(p, at, c); });
}

}  // namespace litelab::recurrent
