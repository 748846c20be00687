// LSTM and GRU, unrolled over the (static) sequence: one FULLY_CONNECTED computes the input
// projections of all steps, then each step adds the recurrent projection and applies the
// gates. Handles forward, reverse and bidirectional directions, initial states, peepholes,
// clip, sequence_lens (as constant masks), linear_before_reset and both layouts.
#include "import/onnx/lowering_table.h"
#include "import/onnx/tensor_math.h"

namespace litelab::onnx {

namespace {

using tflite::BuiltinOperator;

struct Rnn {
    Lowering& L;
    std::string name;
    int64_t steps = 0, batch = 0, hidden = 0;

    int32_t fc(int32_t input, const OnnxTensor& weights, const OnnxTensor* bias, int64_t units) {
        const int32_t out = L.temp(name + "_fc", DType::kFloat32, {batch_rows(input), units});
        const int32_t w = L.constant_tensor(name + "_weights", weights);
        const int32_t b = bias ? L.constant_tensor(name + "_bias", *bias) : -1;
        L.op(tflite::BuiltinOperator_FULLY_CONNECTED, {input, w, b}, {out},
             options_of(tflite::FullyConnectedOptionsT{}));
        return out;
    }
    int64_t batch_rows(int32_t t) const { return L.stored_shape(t)[0]; }
    int32_t add(int32_t a, int32_t b) { return L.emit_binary(tflite::BuiltinOperator_ADD, a, b, name); }
    int32_t sub(int32_t a, int32_t b) { return L.emit_binary(tflite::BuiltinOperator_SUB, a, b, name); }
    int32_t mul(int32_t a, int32_t b) { return L.emit_binary(tflite::BuiltinOperator_MUL, a, b, name); }
    int32_t slice(int32_t t, int64_t row, int64_t rows, int64_t col, int64_t cols) {
        const int32_t out = L.temp(name + "_part", DType::kFloat32, {rows, cols});
        L.op(tflite::BuiltinOperator_SLICE,
             {t, L.int32_constant(name + "_begin", {2}, {row, col}),
              L.int32_constant(name + "_size", {2}, {rows, cols})},
             {out}, options_of(tflite::SliceOptionsT{}));
        return out;
    }
    Result<int32_t> activate(const std::string& fn, int32_t t) {
        if (fn == "Sigmoid") return L.emit_unary(tflite::BuiltinOperator_LOGISTIC, t, name);
        if (fn == "Tanh") return L.emit_unary(tflite::BuiltinOperator_TANH, t, name);
        if (fn == "Relu") return L.emit_unary(tflite::BuiltinOperator_RELU, t, name);
        return node_error("activation '" + fn + "' is not supported");
    }
    int32_t clip(int32_t t, float limit) {
        if (limit <= 0) return t;
        t = L.emit_binary(tflite::BuiltinOperator_MINIMUM, t, L.float_constant(name + "_clip", {}, {limit}), name);
        return L.emit_binary(tflite::BuiltinOperator_MAXIMUM, t, L.float_constant(name + "_clip", {}, {-limit}), name);
    }
};

OnnxTensor rows(const OnnxTensor& t, int64_t first, int64_t count) {
    std::vector<SliceRange> r;
    for (int64_t d : t.dims) r.push_back({0, d, 1});
    r[0] = {first, count, 1};
    return slice_tensor(t, r);
}

// One direction's weight block [G*H, K] of input `index` (W or R), direction d.
Result<OnnxTensor> direction_block(const Lowering& L, const OnnxNode& n, size_t index, int64_t d) {
    const OnnxTensor* t = n.has_input(index) ? L.constant(n.inputs[index]) : nullptr;
    if (!t) return node_error("input " + std::to_string(index) + " (weights) must be constant");
    OnnxTensor block = rows(*t, d, 1);
    block.dims.erase(block.dims.begin());
    return block;
}

Status lower_recurrent(Lowering& L, const OnnxNode& n, bool lstm) {
    L.fix_batch(n.op_type);  // the unrolled steps slice rows of a fixed batch
    const std::string& x = n.inputs[0];
    const auto& xs = L.shape(x);
    if (xs.size() != 3) return node_error("X must be 3-D");
    const bool batch_major = n.int_attr("layout", 0) != 0;
    const std::string direction = n.string_attr("direction", "forward");
    const int64_t dirs = direction == "bidirectional" ? 2 : 1;
    if (direction != "forward" && direction != "reverse" && direction != "bidirectional") {
        return node_error("direction '" + direction + "'");
    }
    if (lstm && n.int_attr("input_forget", 0) != 0) return node_error("input_forget is not supported");
    const int64_t gates = lstm ? 4 : 3;
    Rnn r{L, n.outputs.empty() || n.outputs[0].empty() ? n.outputs[1] : n.outputs[0]};
    r.steps = batch_major ? xs[1] : xs[0];
    r.batch = batch_major ? xs[0] : xs[1];
    const int64_t input_size = xs[2];
    r.hidden = n.int_attr("hidden_size", 0);
    const int64_t H = r.hidden, B = r.batch, T = r.steps;
    if (H <= 0) return node_error("hidden_size must be positive");
    std::vector<std::string> acts = n.strings_attr("activations");
    const size_t per_dir = lstm ? 3 : 2;
    if (acts.empty()) {
        for (int64_t d = 0; d < dirs; ++d) {
            acts.push_back("Sigmoid");
            acts.push_back("Tanh");
            if (lstm) acts.push_back("Tanh");
        }
    }
    if (acts.size() != per_dir * static_cast<size_t>(dirs))
        return node_error("activations do not match the directions");
    const float clip = n.float_attr("clip", 0.0f);
    const bool linear_before_reset = !lstm && n.int_attr("linear_before_reset", 0) != 0;

    // Sequence lengths: masks per step, or none when every sequence is full.
    std::vector<int64_t> lengths(static_cast<size_t>(B), T);
    bool masked = false;
    if (n.has_input(4)) {
        const OnnxTensor* s = L.constant(n.inputs[4]);
        if (!s || s->size() != B) return node_error("sequence_lens must be a known vector of the batch size");
        for (int64_t b = 0; b < B; ++b) {
            lengths[static_cast<size_t>(b)] = std::clamp<int64_t>(s->as_int(static_cast<size_t>(b)), 0, T);
            masked = masked || lengths[static_cast<size_t>(b)] != T;
        }
    }

    // All steps' inputs as [T * B, I] rows.
    const int32_t x_tbi = L.tensor(x, batch_major ? AxisOrder{1, 0, 2} : AxisOrder{0, 1, 2});
    const int32_t x_rows = L.emit_reshape(x_tbi, {T * B, input_size}, r.name + "_steps");

    auto initial = [&](size_t index, int64_t d) -> int32_t {
        if (!n.has_input(index)) return -1;
        const std::string& s = n.inputs[index];
        const auto expected = batch_major ? std::vector<int64_t>{B, dirs, H} : std::vector<int64_t>{dirs, B, H};
        if (L.shape(s) != expected) return -2;
        const int32_t all = L.tensor(s, batch_major ? AxisOrder{1, 0, 2} : AxisOrder{0, 1, 2});
        const int32_t flat = L.emit_reshape(all, {dirs * B, H}, r.name + "_initial");
        return r.slice(flat, d * B, B, 0, H);
    };

    std::vector<std::vector<int32_t>> outputs(static_cast<size_t>(dirs));
    std::vector<int32_t> last_h, last_c;
    for (int64_t d = 0; d < dirs; ++d) {
        auto w = direction_block(L, n, 1, d);
        if (!w) return w.error();
        auto rw = direction_block(L, n, 2, d);
        if (!rw) return rw.error();
        if (w->dims != std::vector<int64_t>{gates * H, input_size} || rw->dims != std::vector<int64_t>{gates * H, H}) {
            return node_error("W or R do not match hidden_size " + std::to_string(H));
        }
        OnnxTensor wb = float_tensor({gates * H}, std::vector<float>(static_cast<size_t>(gates * H), 0.0f));
        OnnxTensor rb = wb;
        if (n.has_input(3)) {
            auto b = direction_block(L, n, 3, d);
            if (!b) return b.error();
            if (b->size() != 2 * gates * H) return node_error("B does not match hidden_size");
            std::copy(b->floats.begin(), b->floats.begin() + gates * H, wb.floats.begin());
            std::copy(b->floats.begin() + gates * H, b->floats.end(), rb.floats.begin());
        }
        // Recurrent biases that are plain sums go with the input projection.
        OnnxTensor x_bias = wb;
        const int64_t summed = linear_before_reset ? 2 * H : gates * H;
        for (int64_t k = 0; k < summed; ++k) x_bias.floats[static_cast<size_t>(k)] += rb.floats[static_cast<size_t>(k)];
        const int32_t xw = r.fc(x_rows, *w, &x_bias, gates * H);

        OnnxTensor p = float_tensor({3 * H}, std::vector<float>(static_cast<size_t>(3 * H), 0.0f));
        const bool peepholes = lstm && n.has_input(7);
        if (peepholes) {
            auto pb = direction_block(L, n, 7, d);
            if (!pb) return pb.error();
            p = *pb;
        }
        const int32_t h0 = initial(5, d), c0 = lstm ? initial(6, d) : -1;
        if (h0 == -2 || c0 == -2) return node_error("initial states must be [directions, batch, hidden]");
        const int32_t zeros =
            L.float_constant(r.name + "_zeros", {B, H}, std::vector<float>(static_cast<size_t>(B * H), 0.0f));
        int32_t h = h0 >= 0 ? h0 : zeros, c = c0 >= 0 ? c0 : zeros;
        const bool reverse = direction == "reverse" || d == 1;
        const std::string* act = &acts[static_cast<size_t>(d) * per_dir];
        outputs[static_cast<size_t>(d)].assign(static_cast<size_t>(T), -1);
        for (int64_t step = 0; step < T; ++step) {
            const int64_t t = reverse ? T - 1 - step : step;
            const int32_t xw_t = r.slice(xw, t * B, B, 0, gates * H);
            int32_t h_new, c_new = -1;
            if (lstm) {
                const int32_t pre = r.add(xw_t, r.fc(h, *rw, nullptr, 4 * H));
                int32_t gi = r.slice(pre, 0, B, 0, H), go = r.slice(pre, 0, B, H, H);
                int32_t gf = r.slice(pre, 0, B, 2 * H, H), gc = r.slice(pre, 0, B, 3 * H, H);
                if (peepholes) {
                    gi = r.add(gi,
                               r.mul(c, L.float_constant(r.name + "_p_i", {H},
                                                         std::vector<float>(p.floats.begin(), p.floats.begin() + H))));
                    gf = r.add(
                        gf, r.mul(c, L.float_constant(r.name + "_p_f", {H},
                                                      std::vector<float>(p.floats.begin() + 2 * H, p.floats.end()))));
                }
                auto i = r.activate(act[0], r.clip(gi, clip));
                auto f = r.activate(act[0], r.clip(gf, clip));
                auto g = r.activate(act[1], r.clip(gc, clip));
                if (!i || !f || !g) return (!i ? i : !f ? f : g).error();
                c_new = r.add(r.mul(*f, c), r.mul(*i, *g));
                if (peepholes)
                    go = r.add(go, r.mul(c_new, L.float_constant(r.name + "_p_o", {H},
                                                                 std::vector<float>(p.floats.begin() + H,
                                                                                    p.floats.begin() + 2 * H))));
                auto o = r.activate(act[0], r.clip(go, clip));
                auto hc = r.activate(act[2], c_new);
                if (!o || !hc) return (!o ? o : hc).error();
                h_new = r.mul(*o, *hc);
            } else {
                const OnnxTensor r_zr = rows(*rw, 0, 2 * H), r_h = rows(*rw, 2 * H, H);
                const int32_t zr = r.add(r.slice(xw_t, 0, B, 0, 2 * H), r.fc(h, r_zr, nullptr, 2 * H));
                auto z = r.activate(act[0], r.clip(r.slice(zr, 0, B, 0, H), clip));
                auto rg = r.activate(act[0], r.clip(r.slice(zr, 0, B, H, H), clip));
                if (!z || !rg) return (!z ? z : rg).error();
                int32_t hh;
                if (linear_before_reset) {
                    const OnnxTensor rbh = rows(rb, 2 * H, H);
                    hh = r.mul(*rg, r.fc(h, r_h, &rbh, H));
                } else {
                    hh = r.fc(r.mul(*rg, h), r_h, nullptr, H);
                }
                auto cand = r.activate(act[1], r.clip(r.add(r.slice(xw_t, 0, B, 2 * H, H), hh), clip));
                if (!cand) return cand.error();
                h_new = r.add(*cand, r.mul(*z, r.sub(h, *cand)));  // (1 - z) * h~ + z * h
            }
            if (masked) {
                std::vector<float> m(static_cast<size_t>(B));
                for (int64_t b = 0; b < B; ++b)
                    m[static_cast<size_t>(b)] = t < lengths[static_cast<size_t>(b)] ? 1.0f : 0.0f;
                const int32_t mask = L.float_constant(r.name + "_mask", {B, 1}, m);
                outputs[static_cast<size_t>(d)][static_cast<size_t>(t)] = r.mul(h_new, mask);
                h = r.add(h, r.mul(mask, r.sub(h_new, h)));
                if (lstm) c = r.add(c, r.mul(mask, r.sub(c_new, c)));
            } else {
                outputs[static_cast<size_t>(d)][static_cast<size_t>(t)] = h_new;
                h = h_new;
                c = c_new;
            }
        }
        last_h.push_back(h);
        last_c.push_back(c);
    }

    auto pack = [&](const std::vector<int32_t>& parts, std::vector<int64_t> shape, int axis, const std::string& hint) {
        const int32_t out = L.temp(hint, DType::kFloat32, shape);
        tflite::PackOptionsT o;
        o.values_count = static_cast<int32_t>(parts.size());
        o.axis = axis;
        L.op(tflite::BuiltinOperator_PACK, parts, {out}, options_of(o));
        return out;
    };
    if (n.outputs.size() > 0 && !n.outputs[0].empty()) {
        std::vector<int32_t> per_dir_y;
        for (int64_t d = 0; d < dirs; ++d)
            per_dir_y.push_back(pack(outputs[static_cast<size_t>(d)], {T, B, H}, 0, r.name + "_y_dir"));
        const int32_t y = pack(per_dir_y, {T, dirs, B, H}, 1, n.outputs[0]);
        if (batch_major)
            L.define(n.outputs[0], DType::kFloat32, {B, T, dirs, H}, {1, 2, 0, 3}, y);
        else
            L.define(n.outputs[0], DType::kFloat32, {T, dirs, B, H}, {0, 1, 2, 3}, y);
    }
    auto state_output = [&](size_t k, const std::vector<int32_t>& states) {
        if (n.outputs.size() <= k || n.outputs[k].empty()) return;
        const int32_t s = pack(states, {dirs, B, H}, 0, n.outputs[k]);
        if (batch_major)
            L.define(n.outputs[k], DType::kFloat32, {B, dirs, H}, {1, 0, 2}, s);
        else
            L.define(n.outputs[k], DType::kFloat32, {dirs, B, H}, {0, 1, 2}, s);
    };
    state_output(1, last_h);
    if (lstm) state_output(2, last_c);
    return {};
}

}  // namespace

void register_recurrent_lowerings(LoweringTable& t) {
    t["LSTM"] = [](Lowering& L, const OnnxNode& n) { return lower_recurrent(L, n, true); };
    t["GRU"] = [](Lowering& L, const OnnxNode& n) { return lower_recurrent(L, n, false); };
}

}  // namespace litelab::onnx
