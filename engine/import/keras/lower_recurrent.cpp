// LSTM and GRU. An LSTM with Keras' usual activations (tanh, sigmoid gates) becomes TFLite's
// fused UNIDIRECTIONAL_SEQUENCE_LSTM, as TensorFlow's converter writes it; other LSTMs and every
// GRU are unrolled over their (fixed) time steps: one FULLY_CONNECTED projects all inputs at
// once, then each step adds the recurrent projection and applies the gates.
#include "import/common/emit_ops.h"
#include "import/keras/keras_activations.h"
#include "import/keras/keras_layers.h"
#include "import/keras/layer_config.h"

namespace litelab::keras_layers {

namespace {

using tflite::BuiltinOperator;

struct Recurrent {
    int32_t units = 0;
    int32_t features = 0;
    int gates = 4;
    std::string activation, recurrent_activation;
    bool use_bias = true, return_sequences = false, return_state = false, go_backwards = false;
};

Result<Recurrent> read_config(LayerCall& c, int gates) {
    Recurrent r;
    r.gates = gates;
    const auto& cfg = c.config();
    r.units = static_cast<int32_t>(config_int(cfg, "units", 0));
    if (r.units <= 0) return c.error("the config gives no units", ErrorCode::kFormat);
    r.activation = config_activation(cfg, "activation");
    r.recurrent_activation = config_activation(cfg, "recurrent_activation");
    for (const std::string& a : {r.activation, r.recurrent_activation})
        if (!is_known_activation(a)) return c.error("activation '" + a + "' is not supported");
    r.use_bias = config_bool(cfg, "use_bias", true);
    r.return_sequences = config_bool(cfg, "return_sequences", false);
    r.return_state = config_bool(cfg, "return_state", false);
    r.go_backwards = config_bool(cfg, "go_backwards", false);
    if (config_bool(cfg, "stateful", false)) return c.error("stateful=True is not supported");
    if (config_bool(cfg, "time_major", false)) return c.error("time_major=True is not supported");
    const int32_t x = c.inputs.at(0);
    if (c.e.rank(x) != 3) return c.error("expects a 3-D input [batch, time, features]", ErrorCode::kInvalid);
    r.features = c.e.shape(x)[2];
    return r;
}

// Columns [start, start + count) of a [rows, cols] matrix, transposed to [count, rows]: a gate's
// block of a Keras kernel in FULLY_CONNECTED's [outputs, inputs] layout.
std::vector<float> transposed_columns(const FloatArray& m, int32_t start, int32_t count) {
    const int32_t rows = m.dim(0), cols = m.dim(1);
    std::vector<float> out(static_cast<size_t>(count) * static_cast<size_t>(rows));
    for (int32_t j = 0; j < count; ++j)
        for (int32_t i = 0; i < rows; ++i)
            out[static_cast<size_t>(j * rows + i)] = m.values[static_cast<size_t>(i * cols + start + j)];
    return out;
}

std::vector<float> slice(const std::vector<float>& v, size_t start, size_t count) {
    return {v.begin() + static_cast<std::ptrdiff_t>(start), v.begin() + static_cast<std::ptrdiff_t>(start + count)};
}

class StepEmitter {
public:
    StepEmitter(LayerCall& c, const Recurrent& r) : c_(c), r_(r) {}

    Result<int32_t> act(int32_t x, const std::string& which, const std::string& name) {
        return lower_activation(c_.e, x, which, name, c_.ctx.keras3());
    }
    Result<int32_t> bin(BuiltinOperator code, int32_t a, int32_t b, const std::string& name) {
        return emit::binary(c_.e, code, a, b, name);
    }
    // The whole sequence projected by `weights` [outputs, features], split per time step (in
    // processing order) and per gate.
    Result<std::vector<std::vector<int32_t>>> project_inputs(const std::vector<float>& weights,
                                                             const std::vector<float>& bias, const std::string& name) {
        const int32_t outputs = r_.gates * r_.units;
        const int32_t w = c_.e.constant(name + "/kernel", {outputs, r_.features}, std::span<const float>(weights));
        const int32_t b = c_.e.constant(name + "/bias", {outputs}, std::span<const float>(bias));
        auto projected = emit::fully_connected(c_.e, c_.inputs.at(0), w, b, true, emit::kNoActivation, name);
        if (!projected) return projected.error();
        auto steps = emit::unpack(c_.e, *projected, 1, name + "/step");
        if (!steps) return steps.error();
        if (r_.go_backwards) std::reverse(steps->begin(), steps->end());
        std::vector<std::vector<int32_t>> gates;
        for (size_t t = 0; t < steps->size(); ++t) {
            auto parts = emit::split(c_.e, (*steps)[t], 1, r_.gates, name + "/t" + std::to_string(t));
            if (!parts) return parts.error();
            gates.push_back(std::move(*parts));
        }
        return gates;
    }
    // h [batch, units] times `weights` [outputs, units] + bias, split into `parts` gates.
    Result<std::vector<int32_t>> project_state(int32_t h, int32_t weights, int32_t bias, int parts, const std::string& name) {
        auto projected = emit::fully_connected(c_.e, h, weights, bias, false, emit::kNoActivation, name);
        if (!projected) return projected.error();
        if (parts == 1) return std::vector<int32_t>{*projected};
        return emit::split(c_.e, *projected, 1, parts, name);
    }
    // Zeros for a projection without bias: runtimes such as Arm NN need the bias operand.
    int32_t zero_bias(int32_t size, const std::string& name) {
        const std::vector<float> zeros(static_cast<size_t>(size), 0.0f);
        return c_.e.constant(name, {size}, std::span<const float>(zeros));
    }
    Result<std::vector<int32_t>> outputs(const std::vector<int32_t>& hs, std::vector<int32_t> states) {
        int32_t out = hs.back();
        if (r_.return_sequences) {
            auto packed = emit::pack(c_.e, hs, 1, c_.name);
            if (!packed) return packed.error();
            out = *packed;
        }
        std::vector<int32_t> result{out};
        if (r_.return_state) result.insert(result.end(), states.begin(), states.end());
        return result;
    }

private:
    LayerCall& c_;
    const Recurrent& r_;
};

Lowered fused_lstm(LayerCall& c, const Recurrent& r, const FloatArray& kernel, const FloatArray& recurrent,
                   const std::vector<float>& bias) {
    static const char* const kGate[] = {"input", "forget", "cell", "output"};
    emit::LstmWeights w;
    for (int g = 0; g < 4; ++g) {
        const std::string gate = c.name + "/" + kGate[g];
        const auto s = static_cast<size_t>(g);
        w.input_weights[s] = c.e.constant(gate + "_input_weights", {r.units, r.features},
                                          std::span<const float>(transposed_columns(kernel, g * r.units, r.units)));
        w.recurrent_weights[s] = c.e.constant(gate + "_recurrent_weights", {r.units, r.units},
                                              std::span<const float>(transposed_columns(recurrent, g * r.units, r.units)));
        w.biases[s] = c.e.constant(gate + "_bias", {r.units},
                                   std::span<const float>(slice(bias, s * static_cast<size_t>(r.units), static_cast<size_t>(r.units))));
    }
    auto sequence = emit::unidirectional_lstm(c.e, c.inputs.at(0), w, r.units, {},
                                              r.return_sequences ? c.name : c.name + "/sequence");
    if (!sequence) return sequence.error();
    if (r.return_sequences) return std::vector<int32_t>{*sequence};
    // The last step: [:, -1, :] with the time axis dropped.
    emit::StridedSliceMasks masks;
    masks.begin_mask = 0b101;
    masks.end_mask = 0b111;
    masks.shrink_axis_mask = 0b010;
    auto last = emit::strided_slice(c.e, *sequence, {0, -1, 0}, {0, 0, 0}, {1, 1, 1}, masks, c.name);
    if (!last) return last.error();
    return std::vector<int32_t>{*last};
}

Lowered unrolled_lstm(LayerCall& c, const Recurrent& r, const FloatArray& kernel, const FloatArray& recurrent,
                      const std::vector<float>& bias) {
    StepEmitter s(c, r);
    const int32_t u = r.units;
    auto xs = s.project_inputs(transposed_columns(kernel, 0, 4 * u), bias, c.name + "/input_projection");
    if (!xs) return xs.error();
    const int32_t rw = c.e.constant(c.name + "/recurrent_kernel", {4 * u, u},
                                    std::span<const float>(transposed_columns(recurrent, 0, 4 * u)));
    const int32_t rb = s.zero_bias(4 * u, c.name + "/recurrent_bias");
    int32_t h = -1, cell = -1;
    std::vector<int32_t> hs;
    for (size_t t = 0; t < xs->size(); ++t) {
        const std::string at = c.name + "/t" + std::to_string(t);
        std::vector<int32_t> z = (*xs)[t];
        if (h >= 0) {
            auto zh = s.project_state(h, rw, rb, 4, at + "/recurrent");
            if (!zh) return zh.error();
            for (size_t g = 0; g < 4; ++g) {
                auto sum = s.bin(BuiltinOperator::BuiltinOperator_ADD, z[g], (*zh)[g], at + "/z" + std::to_string(g));
                if (!sum) return sum.error();
                z[g] = *sum;
            }
        }
        auto i = s.act(z[0], r.recurrent_activation, at + "/i");
        auto f = s.act(z[1], r.recurrent_activation, at + "/f");
        auto g = s.act(z[2], r.activation, at + "/g");
        auto o = s.act(z[3], r.recurrent_activation, at + "/o");
        if (!i || !f || !g || !o) return (!i ? i : !f ? f : !g ? g : o).error();
        auto gated = s.bin(BuiltinOperator::BuiltinOperator_MUL, *i, *g, at + "/ig");
        if (!gated) return gated.error();
        if (cell >= 0) {
            auto kept = s.bin(BuiltinOperator::BuiltinOperator_MUL, *f, cell, at + "/fc");
            if (!kept) return kept.error();
            gated = s.bin(BuiltinOperator::BuiltinOperator_ADD, *kept, *gated, at + "/c");
            if (!gated) return gated.error();
        }
        cell = *gated;
        auto squashed = s.act(cell, r.activation, at + "/c_act");
        if (!squashed) return squashed.error();
        auto next = s.bin(BuiltinOperator::BuiltinOperator_MUL, *o, *squashed, at + "/h");
        if (!next) return next.error();
        h = *next;
        hs.push_back(h);
    }
    return s.outputs(hs, {h, cell});
}

}  // namespace

Lowered lstm(LayerCall& c) {
    auto r = read_config(c, 4);
    if (!r) return r.error();
    const int32_t u = r->units;
    auto kernel = c.weights.get("kernel", {r->features, 4 * u});
    if (!kernel) return kernel.error();
    auto recurrent = c.weights.get("recurrent_kernel", {u, 4 * u});
    if (!recurrent) return recurrent.error();
    std::vector<float> bias(static_cast<size_t>(4 * u), 0.0f);
    if (r->use_bias) {
        auto b = c.weights.get("bias", {4 * u});
        if (!b) return b.error();
        bias = b->values;
    }
    const bool fusable = r->activation == "tanh" && r->recurrent_activation == "sigmoid" && !r->go_backwards &&
                         !r->return_state;
    if (fusable) return fused_lstm(c, *r, *kernel, *recurrent, bias);
    if (c.e.signature(c.inputs.at(0))[1] < 0)
        return c.error("this LSTM is unrolled over its time steps, which must be fixed, not None");
    return unrolled_lstm(c, *r, *kernel, *recurrent, bias);
}

Lowered gru(LayerCall& c) {
    auto r = read_config(c, 3);
    if (!r) return r.error();
    if (c.e.signature(c.inputs.at(0))[1] < 0) return c.error("a GRU is unrolled over its time steps, which must be fixed, not None");
    const int32_t u = r->units;
    const bool reset_after = config_bool(c.config(), "reset_after", false);
    auto kernel = c.weights.get("kernel", {r->features, 3 * u});
    if (!kernel) return kernel.error();
    auto recurrent = c.weights.get("recurrent_kernel", {u, 3 * u});
    if (!recurrent) return recurrent.error();
    std::vector<float> input_bias(static_cast<size_t>(3 * u), 0.0f), recurrent_bias(static_cast<size_t>(3 * u), 0.0f);
    if (r->use_bias) {
        auto b = reset_after ? c.weights.get("bias", {2, 3 * u}) : c.weights.get("bias", {3 * u});
        if (!b) return b.error();
        input_bias = slice(b->values, 0, static_cast<size_t>(3 * u));
        if (reset_after) recurrent_bias = slice(b->values, static_cast<size_t>(3 * u), static_cast<size_t>(3 * u));
    }

    StepEmitter s(c, *r);
    auto xs = s.project_inputs(transposed_columns(*kernel, 0, 3 * u), input_bias, c.name + "/input_projection");
    if (!xs) return xs.error();
    // reset_after: r multiplies the recurrent projection of h (with its bias); otherwise it
    // multiplies h before the candidate's projection.
    const int32_t gates_w = c.e.constant(c.name + "/recurrent_kernel", {(reset_after ? 3 : 2) * u, u},
                                         std::span<const float>(transposed_columns(*recurrent, 0, (reset_after ? 3 : 2) * u)));
    const int32_t gates_b = reset_after ? c.e.constant(c.name + "/recurrent_bias", {3 * u}, std::span<const float>(recurrent_bias))
                                        : s.zero_bias(2 * u, c.name + "/recurrent_bias");
    const int32_t candidate_b = reset_after ? -1 : s.zero_bias(u, c.name + "/candidate_bias");
    const int32_t candidate_w = reset_after ? -1 : c.e.constant(c.name + "/candidate_kernel", {u, u},
                                                                std::span<const float>(transposed_columns(*recurrent, 2 * u, u)));
    std::vector<int32_t> bias_parts;  // the recurrent projection of a zero state: its bias
    for (int g = 0; g < 3; ++g)
        bias_parts.push_back(c.e.constant(c.name + "/recurrent_bias_" + std::to_string(g), {u},
                                          std::span<const float>(slice(recurrent_bias, static_cast<size_t>(g * u), static_cast<size_t>(u)))));

    int32_t h = -1;
    std::vector<int32_t> hs;
    for (size_t t = 0; t < xs->size(); ++t) {
        const std::string at = c.name + "/t" + std::to_string(t);
        const auto& x = (*xs)[t];
        std::vector<int32_t> rec = bias_parts;
        if (h >= 0) {
            auto projected = s.project_state(h, gates_w, gates_b, reset_after ? 3 : 2, at + "/recurrent");
            if (!projected) return projected.error();
            for (size_t g = 0; g < projected->size(); ++g) rec[g] = (*projected)[g];
        }
        const bool zero_state = h < 0;
        auto zin = zero_state && !reset_after ? Result<int32_t>(x[0]) : s.bin(BuiltinOperator::BuiltinOperator_ADD, x[0], rec[0], at + "/zin");
        auto rin = zero_state && !reset_after ? Result<int32_t>(x[1]) : s.bin(BuiltinOperator::BuiltinOperator_ADD, x[1], rec[1], at + "/rin");
        if (!zin || !rin) return (!zin ? zin : rin).error();
        auto z = s.act(*zin, r->recurrent_activation, at + "/z");
        auto rg = s.act(*rin, r->recurrent_activation, at + "/r");
        if (!z || !rg) return (!z ? z : rg).error();
        Result<int32_t> candidate_in = x[2];
        if (reset_after) {
            auto reset = s.bin(BuiltinOperator::BuiltinOperator_MUL, *rg, rec[2], at + "/reset");
            if (!reset) return reset.error();
            candidate_in = s.bin(BuiltinOperator::BuiltinOperator_ADD, x[2], *reset, at + "/hin");
        } else if (!zero_state) {
            auto reset = s.bin(BuiltinOperator::BuiltinOperator_MUL, *rg, h, at + "/reset");
            if (!reset) return reset.error();
            auto projected = s.project_state(*reset, candidate_w, candidate_b, 1, at + "/candidate_recurrent");
            if (!projected) return projected.error();
            candidate_in = s.bin(BuiltinOperator::BuiltinOperator_ADD, x[2], projected->front(), at + "/hin");
        }
        if (!candidate_in) return candidate_in.error();
        auto candidate = s.act(*candidate_in, r->activation, at + "/candidate");
        if (!candidate) return candidate.error();
        // h = z * h + (1 - z) * candidate = candidate + z * (h - candidate)
        Result<int32_t> next = make_error(ErrorCode::kInvalid, "unreachable");
        if (zero_state) {
            auto kept = s.bin(BuiltinOperator::BuiltinOperator_MUL, *z, *candidate, at + "/zc");
            if (!kept) return kept.error();
            next = s.bin(BuiltinOperator::BuiltinOperator_SUB, *candidate, *kept, at + "/h");
        } else {
            auto change = s.bin(BuiltinOperator::BuiltinOperator_SUB, h, *candidate, at + "/delta");
            if (!change) return change.error();
            auto kept = s.bin(BuiltinOperator::BuiltinOperator_MUL, *z, *change, at + "/z_delta");
            if (!kept) return kept.error();
            next = s.bin(BuiltinOperator::BuiltinOperator_ADD, *candidate, *kept, at + "/h");
        }
        if (!next) return next.error();
        h = *next;
        hs.push_back(h);
    }
    return s.outputs(hs, {h});
}

}  // namespace litelab::keras_layers
