// Float and hybrid UNIDIRECTIONAL_SEQUENCE_LSTM, step by step as TFLite's lstm_eval.cc
// (LstmStepFloat / LstmStepHybrid): each gate starts from its bias (or 0 with layer norm),
// accumulates the input and recurrent products and the peephole term, is layer-normalised, then
// activated; the cell and the output follow. The hybrid kernel quantises the input, the output
// state and the hidden state row by row to int8 and multiplies them with the int8 weights in
// integers, scaling each dot product once in float.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <type_traits>

#include "recurrent_kernels.h"
#include "recurrent_math.h"

namespace litelab::recurrent {

namespace {

struct LstmParams {
    LstmLayout layout;
    Activation activation = Activation::kTanh;  // the cell gate's and the output's
    float cell_clip = 0.0f;
    float proj_clip = 0.0f;
    // Hybrid only: the weights' scales and how activations are quantised.
    bool asymmetric = false;
    std::array<float, 4> input_scale{};
    std::array<float, 4> recurrent_scale{};
    std::array<float, 4> peephole_scale{};
    float projection_scale = 1.0f;
};

// Where each scratch buffer lives in the kernel's scratch block.
struct ScratchOffsets {
    std::array<size_t, 4> gate{};
    size_t hidden = 0;                              // output gate * activation(cell), n_batch x n_cell
    size_t input = 0;                               // this step's input rows, gathered (batch-major input)
    size_t q_input = 0, q_state = 0, q_hidden = 0;  // hybrid: int8 copies
    size_t input_q = 0, state_q = 0, hidden_q = 0;  // hybrid: their row quantisations
};

// The operator's tensors for one run; absent optional inputs are nullptr.
template <class W>
struct Weights {
    std::array<const W*, 4> input{};
    std::array<const W*, 4> recurrent{};
    std::array<const W*, 4> peephole{};
    std::array<const float*, 4> bias{};
    std::array<const float*, 4> layer_norm{};
    const W* projection = nullptr;
    const float* projection_bias = nullptr;
};

template <class T>
const T* optional_input(const OpContext& c, int i) {
    return c.has_input(i) ? c.input<T>(i) : nullptr;
}

template <class W>
Weights<W> weights_of(const OpContext& c) {
    Weights<W> w;
    for (int g = kInputGate; g <= kOutputGate; ++g) {
        w.input[g] = optional_input<W>(c, input_weights_of(g));
        w.recurrent[g] = optional_input<W>(c, recurrent_weights_of(g));
        w.peephole[g] = g == kCellGate ? nullptr : optional_input<W>(c, peephole_of(g));
        w.bias[g] = optional_input<float>(c, bias_of(g));
        w.layer_norm[g] = c.num_inputs() == 24 ? optional_input<float>(c, layer_norm_of(g)) : nullptr;
    }
    w.projection = optional_input<W>(c, kProjectionWeights);
    w.projection_bias = optional_input<float>(c, kProjectionBias);
    return w;
}

// One step's inputs: the input rows and the states before the step, with their int8 copies.
struct StepState {
    const float* input = nullptr;
    float* output_state = nullptr;
    float* cell_state = nullptr;
    bool input_is_zero = false;
    bool state_is_zero = false;
    const int8_t* q_input = nullptr;
    const int8_t* q_state = nullptr;
    const RowQuantization* input_q = nullptr;
    const RowQuantization* state_q = nullptr;
};

// gate = activation(W_input x + W_recurrent h + w_peephole .* c + bias), layer norm before the bias.
template <class W>
void compute_gate(const LstmParams& p, const Weights<W>& w, int g, const StepState& s, Activation activation,
                  float* gate) {
    const LstmLayout& l = p.layout;
    const size_t n = static_cast<size_t>(l.n_batch) * static_cast<size_t>(l.n_cell);
    if (l.layer_norm) {
        std::fill(gate, gate + n, 0.0f);
    } else {
        for (int b = 0; b < l.n_batch; ++b)
            std::copy_n(w.bias[g], l.n_cell, gate + static_cast<size_t>(b) * static_cast<size_t>(l.n_cell));
    }
    if constexpr (std::is_same_v<W, float>) {
        if (!s.input_is_zero) matmul_accumulate(w.input[g], l.n_cell, l.n_input, s.input, l.n_batch, gate);
        matmul_accumulate(w.recurrent[g], l.n_cell, l.n_output, s.output_state, l.n_batch, gate);
    } else {
        if (!s.input_is_zero)
            hybrid_matmul_accumulate(w.input[g], p.input_scale[static_cast<size_t>(g)], l.n_cell, l.n_input, s.q_input,
                                     s.input_q, l.n_batch, gate);
        if (!s.state_is_zero)
            hybrid_matmul_accumulate(w.recurrent[g], p.recurrent_scale[static_cast<size_t>(g)], l.n_cell, l.n_output,
                                     s.q_state, s.state_q, l.n_batch, gate);
    }
    if (l.has_peephole(g)) {
        for (int b = 0; b < l.n_batch; ++b) {
            float* row = gate + static_cast<size_t>(b) * static_cast<size_t>(l.n_cell);
            const float* cell = s.cell_state + static_cast<size_t>(b) * static_cast<size_t>(l.n_cell);
            for (int i = 0; i < l.n_cell; ++i) {
                float weight;
                if constexpr (std::is_same_v<W, float>)
                    weight = w.peephole[g][i];
                else  // the int8 peephole weights, dequantised first as TFLite does
                    weight = p.peephole_scale[static_cast<size_t>(g)] * static_cast<float>(w.peephole[g][i]);
                row[i] += weight * cell[i];
            }
        }
    }
    if (l.layer_norm) {
        mean_stddev_normalize(gate, l.n_cell, l.n_batch);
        for (int b = 0; b < l.n_batch; ++b) {
            float* row = gate + static_cast<size_t>(b) * static_cast<size_t>(l.n_cell);
            for (int i = 0; i < l.n_cell; ++i) row[i] = w.layer_norm[g][i] * row[i];
            for (int i = 0; i < l.n_cell; ++i) row[i] += w.bias[g][i];
        }
    }
    apply_activation(activation, gate, n, gate);
}

// cell = clip(forget .* cell + input .* cell_gate), input = 1 - forget with CIFG.
void update_cell(const LstmParams& p, float* cell, const float* input_gate, const float* forget_gate,
                 const float* cell_gate) {
    const size_t n = static_cast<size_t>(p.layout.n_batch) * static_cast<size_t>(p.layout.n_cell);
    for (size_t i = 0; i < n; ++i) cell[i] = forget_gate[i] * cell[i];
    if (p.layout.cifg) {
        for (size_t i = 0; i < n; ++i) cell[i] += cell_gate[i] * (1.0f - forget_gate[i]);
    } else {
        for (size_t i = 0; i < n; ++i) cell[i] += cell_gate[i] * input_gate[i];
    }
    if (p.cell_clip > 0.0f)
        for (size_t i = 0; i < n; ++i) cell[i] = std::clamp(cell[i], -p.cell_clip, p.cell_clip);
}

// output_state = clip(W_projection hidden + bias), or hidden without projection.
template <class W>
void compute_output(const LstmParams& p, const Weights<W>& w, const float* hidden, float* output_state,
                    std::span<uint8_t> scratch, const ScratchOffsets& at) {
    const LstmLayout& l = p.layout;
    const size_t n_out = static_cast<size_t>(l.n_batch) * static_cast<size_t>(l.n_output);
    if (!l.projection) {
        std::copy_n(hidden, n_out, output_state);
        return;
    }
    for (int b = 0; b < l.n_batch; ++b) {
        float* row = output_state + static_cast<size_t>(b) * static_cast<size_t>(l.n_output);
        if (w.projection_bias)
            std::copy_n(w.projection_bias, l.n_output, row);
        else
            std::fill_n(row, l.n_output, 0.0f);
    }
    if constexpr (std::is_same_v<W, float>) {
        matmul_accumulate(w.projection, l.n_output, l.n_cell, hidden, l.n_batch, output_state);
    } else {
        const size_t n_hidden = static_cast<size_t>(l.n_batch) * static_cast<size_t>(l.n_cell);
        if (!is_zero_vector(hidden, n_hidden)) {
            auto* q_hidden = scratch_at<int8_t>(scratch, at.q_hidden);
            auto* hidden_q = scratch_at<RowQuantization>(scratch, at.hidden_q);
            quantize_rows(hidden, l.n_batch, l.n_cell, p.asymmetric, q_hidden, hidden_q);
            hybrid_matmul_accumulate(w.projection, p.projection_scale, l.n_output, l.n_cell, q_hidden, hidden_q,
                                     l.n_batch, output_state);
        }
    }
    if (p.proj_clip > 0.0f)
        for (size_t i = 0; i < n_out; ++i) output_state[i] = std::clamp(output_state[i], -p.proj_clip, p.proj_clip);
}

template <class W>
void lstm_step(const LstmParams& p, const Weights<W>& w, StepState& s, std::span<uint8_t> scratch,
               const ScratchOffsets& at) {
    const LstmLayout& l = p.layout;
    if constexpr (!std::is_same_v<W, float>) {
        // Quantise the input and the output state once for all four gates.
        auto* q_input = scratch_at<int8_t>(scratch, at.q_input);
        auto* q_state = scratch_at<int8_t>(scratch, at.q_state);
        auto* input_q = scratch_at<RowQuantization>(scratch, at.input_q);
        auto* state_q = scratch_at<RowQuantization>(scratch, at.state_q);
        s.state_is_zero =
            is_zero_vector(s.output_state, static_cast<size_t>(l.n_batch) * static_cast<size_t>(l.n_output));
        if (!s.input_is_zero) quantize_rows(s.input, l.n_batch, l.n_input, p.asymmetric, q_input, input_q);
        if (!s.state_is_zero) quantize_rows(s.output_state, l.n_batch, l.n_output, p.asymmetric, q_state, state_q);
        s.q_input = q_input;
        s.q_state = q_state;
        s.input_q = input_q;
        s.state_q = state_q;
    }
    std::array<float*, 4> gate{};
    for (int g = kInputGate; g <= kOutputGate; ++g)
        gate[static_cast<size_t>(g)] = scratch_at<float>(scratch, at.gate[static_cast<size_t>(g)]);

    if (l.has_gate(kInputGate)) compute_gate(p, w, kInputGate, s, Activation::kSigmoid, gate[kInputGate]);
    compute_gate(p, w, kForgetGate, s, Activation::kSigmoid, gate[kForgetGate]);
    compute_gate(p, w, kCellGate, s, p.activation, gate[kCellGate]);
    update_cell(p, s.cell_state, gate[kInputGate], gate[kForgetGate], gate[kCellGate]);
    // The output gate's peephole sees the updated cell.
    compute_gate(p, w, kOutputGate, s, Activation::kSigmoid, gate[kOutputGate]);

    auto* hidden = scratch_at<float>(scratch, at.hidden);
    const size_t n = static_cast<size_t>(l.n_batch) * static_cast<size_t>(l.n_cell);
    apply_activation(p.activation, s.cell_state, n, hidden);
    for (size_t i = 0; i < n; ++i) hidden[i] = gate[kOutputGate][i] * hidden[i];
    compute_output(p, w, hidden, s.output_state, scratch, at);
}

// Runs the whole sequence, one batched step per time step.
template <class W>
Status run_lstm(const LstmParams& p, const ScratchOffsets& at, const OpContext& c) {
    const LstmLayout& l = p.layout;
    const Weights<W> w = weights_of<W>(c);
    const float* input = c.input<float>(kLstmInput);
    float* output = c.output<float>(0);
    const std::span<uint8_t> scratch = c.scratch();
    StepState s;
    s.output_state = c.mutable_input<float>(kOutputState);
    s.cell_state = c.mutable_input<float>(kCellState);
    const auto n_input = static_cast<size_t>(l.n_input);
    const auto n_output = static_cast<size_t>(l.n_output);
    const auto batch = static_cast<size_t>(l.n_batch);
    const auto time = static_cast<size_t>(l.n_time);
    auto* rows = scratch_at<float>(scratch, at.input);
    for (size_t t = 0; t < time; ++t) {
        // Time-major steps read contiguous rows; batch-major ones gather them.
        if (l.time_major) {
            s.input = input + t * batch * n_input;
        } else {
            for (size_t b = 0; b < batch; ++b)
                std::copy_n(input + (b * time + t) * n_input, n_input, rows + b * n_input);
            s.input = rows;
        }
        s.input_is_zero = is_zero_vector(s.input, batch * n_input);
        lstm_step(p, w, s, scratch, at);
        for (size_t b = 0; b < batch; ++b) {
            float* to = l.time_major ? output + (t * batch + b) * n_output : output + (b * time + t) * n_output;
            std::copy_n(s.output_state + b * n_output, n_output, to);
        }
    }
    return {};
}

template <class W>
std::unique_ptr<OpKernel> make_kernel_for(PrepareContext& ctx, const LstmParams& p) {
    const LstmLayout& l = p.layout;
    const auto batch = static_cast<size_t>(l.n_batch);
    ScratchLayout scratch;
    ScratchOffsets at;
    for (int g = kInputGate; g <= kOutputGate; ++g)
        at.gate[static_cast<size_t>(g)] = scratch.add<float>(batch * static_cast<size_t>(l.n_cell));
    at.hidden = scratch.add<float>(batch * static_cast<size_t>(l.n_cell));
    at.input = scratch.add<float>(batch * static_cast<size_t>(l.n_input));
    if constexpr (!std::is_same_v<W, float>) {
        at.q_input = scratch.add<int8_t>(batch * static_cast<size_t>(l.n_input));
        at.q_state = scratch.add<int8_t>(batch * static_cast<size_t>(l.n_output));
        at.q_hidden = scratch.add<int8_t>(batch * static_cast<size_t>(l.n_cell));
        at.input_q = scratch.add<RowQuantization>(batch);
        at.state_q = scratch.add<RowQuantization>(batch);
        at.hidden_q = scratch.add<RowQuantization>(batch);
    }
    ctx.request_scratch(scratch.bytes());
    return make_kernel([p, at](const OpContext& c) { return run_lstm<W>(p, at, c); });
}

Result<LstmParams> common_params(PrepareContext& ctx, const LstmLayout& layout,
                                 const tflite::UnidirectionalSequenceLSTMOptionsT& options) {
    LstmParams p;
    p.layout = layout;
    if (!activation_from_schema(options.fused_activation_function, p.activation))
        return ctx.unsupported("fused activation " +
                               std::string(tflite::EnumNameActivationFunctionType(options.fused_activation_function)));
    if (options.cell_clip < 0.0f || options.proj_clip < 0.0f) return ctx.invalid("negative clip value");
    p.cell_clip = options.cell_clip;
    p.proj_clip = options.proj_clip;
    p.asymmetric = options.asymmetric_quantize_inputs;
    if (ctx.output(0).type != DType::kFloat32)
        return ctx.unsupported("float input with output of type " + std::string(dtype_name(ctx.output(0).type)));
    for (int i : {int{kOutputState}, int{kCellState}})
        if (ctx.input(i).type != DType::kFloat32)
            return ctx.unsupported("float input with a state of type " + std::string(dtype_name(ctx.input(i).type)));
    const int first_float = kInputGateBias;
    for (int i = first_float; i < ctx.num_inputs(); ++i) {
        if (i == kProjectionWeights || !ctx.has_input(i)) continue;
        if (ctx.input(i).type != DType::kFloat32)
            return ctx.unsupported("input " + std::to_string(i) + " of type " +
                                   std::string(dtype_name(ctx.input(i).type)) + " with float activations");
    }
    return p;
}

// The weight inputs: the gate matrices, the peephole vectors and the projection.
bool is_weight_input(int i) {
    return (i >= kInputToInputWeights && i < kInputGateBias) || i == kProjectionWeights;
}

}  // namespace

Result<std::unique_ptr<OpKernel>> make_lstm_float_kernel(PrepareContext& ctx, const LstmLayout& layout,
                                                         const tflite::UnidirectionalSequenceLSTMOptionsT& options) {
    auto p = common_params(ctx, layout, options);
    if (!p) return p.error();
    for (int i = 0; i < ctx.num_inputs(); ++i)
        if (is_weight_input(i) && ctx.has_input(i) && ctx.input(i).type != DType::kFloat32)
            return ctx.unsupported("float LSTM with weights of type " + std::string(dtype_name(ctx.input(i).type)));
    return make_kernel_for<float>(ctx, *p);
}

Result<std::unique_ptr<OpKernel>> make_lstm_hybrid_kernel(PrepareContext& ctx, const LstmLayout& layout,
                                                          const tflite::UnidirectionalSequenceLSTMOptionsT& options) {
    auto p = common_params(ctx, layout, options);
    if (!p) return p.error();
    auto scale_of = [&](int i) -> Result<float> {
        const TensorInfo& t = ctx.input(i);
        if (t.type != DType::kInt8)
            return ctx.unsupported("hybrid LSTM with weights of type " + std::string(dtype_name(t.type)));
        if (t.quant.scale.size() != 1) return ctx.unsupported("hybrid LSTM weights without one per-tensor scale");
        return t.quant.scale[0];
    };
    for (int g = kInputGate; g <= kOutputGate; ++g) {
        const auto gi = static_cast<size_t>(g);
        if (!layout.has_gate(g)) continue;
        auto input_scale = scale_of(input_weights_of(g));
        if (!input_scale) return input_scale.error();
        p->input_scale[gi] = *input_scale;
        auto recurrent_scale = scale_of(recurrent_weights_of(g));
        if (!recurrent_scale) return recurrent_scale.error();
        p->recurrent_scale[gi] = *recurrent_scale;
        if (layout.has_peephole(g)) {
            auto peephole_scale = scale_of(peephole_of(g));
            if (!peephole_scale) return peephole_scale.error();
            p->peephole_scale[gi] = *peephole_scale;
        }
    }
    if (layout.projection) {
        auto projection_scale = scale_of(kProjectionWeights);
        if (!projection_scale) return projection_scale.error();
        p->projection_scale = *projection_scale;
    }
    return make_kernel_for<int8_t>(ctx, *p);
}

}  // namespace litelab::recurrent
