// UNIDIRECTIONAL_SEQUENCE_LSTM and SVDF on hand-worked cases: the expected values follow the
// LSTM equations (i, f, o = sigmoid; g = tanh; c' = f c + i g; h = o tanh(c')) and SVDF's
// feature/time filters step by step, computed by hand or in double precision. Last, a real
// model: trained_lstm.tflite (an LSTM over the 28 rows of an MNIST digit) on ten digits.
#include <gtest/gtest.h>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/builder.h"
#include "runtime/interpreter.h"
#include "runtime/kernels/recurrent/recurrent_math.h"
#include "support/op_model.h"
#include "support/test_paths.h"
#include "tflite/reader.h"

namespace litelab {
namespace {

using namespace test;

// Weights of an LSTM, gate by gate (input, forget, cell, output); empty vectors are absent.
struct LstmWeights {
    std::array<std::vector<float>, 4> input, recurrent, bias, peephole, layer_norm;
    std::vector<float> projection, projection_bias;
};

struct LstmSpec {
    int batch = 1, time = 1, n_input = 1, n_cell = 1, n_output = 1;
    bool time_major = false;
    float cell_clip = 0.0f, proj_clip = 0.0f;
    // > 0: store the weight matrices (and peepholes, projection) as int8 with this scale (hybrid).
    float hybrid_scale = 0.0f;
    bool asymmetric = false;
};

// A float (or hybrid) one-operator LSTM model; the states are zero-initialised variables.
Model lstm_model(const LstmSpec& s, const LstmWeights& w) {
    ModelBuilder b;
    const std::vector<int32_t> in_shape = s.time_major ? std::vector<int32_t>{s.time, s.batch, s.n_input}
                                                       : std::vector<int32_t>{s.batch, s.time, s.n_input};
    std::vector<int32_t> inputs(24, -1);
    inputs[0] = b.add_tensor("input", DType::kFloat32, in_shape);
    auto weight = [&](const std::string& name, std::vector<int32_t> shape, const std::vector<float>& v) {
        if (v.empty()) return -1;
        if (s.hybrid_scale <= 0.0f) return b.add_float_constant(name, shape, v);
        std::vector<int8_t> q;
        for (float x : v) q.push_back(static_cast<int8_t>(std::lround(x / s.hybrid_scale)));
        return b.add_tensor(name, DType::kInt8, shape, bytes_of(q), quant(s.hybrid_scale));
    };
    auto vec = [&](const std::string& name, const std::vector<float>& v) {
        return v.empty() ? -1 : b.add_float_constant(name, {static_cast<int32_t>(v.size())}, v);
    };
    for (int g = 0; g < 4; ++g) {
        const auto gi = static_cast<size_t>(g);
        const std::string n = std::to_string(g);
        inputs[static_cast<size_t>(1 + g)] = weight("wx" + n, {s.n_cell, s.n_input}, w.input[gi]);
        inputs[static_cast<size_t>(5 + g)] = weight("wh" + n, {s.n_cell, s.n_output}, w.recurrent[gi]);
        if (g != 2) inputs[static_cast<size_t>(g == 3 ? 11 : 9 + g)] = weight("wc" + n, {s.n_cell}, w.peephole[gi]);
        inputs[static_cast<size_t>(12 + g)] = vec("b" + n, w.bias[gi]);
        inputs[static_cast<size_t>(20 + g)] = vec("ln" + n, w.layer_norm[gi]);
    }
    inputs[16] = weight("proj", {s.n_output, s.n_cell}, w.projection);
    inputs[17] = vec("proj_bias", w.projection_bias);
    inputs[18] = b.add_tensor("output_state", DType::kFloat32, {s.batch, s.n_output});
    inputs[19] = b.add_tensor("cell_state", DType::kFloat32, {s.batch, s.n_cell});
    const int32_t out = b.add_tensor("output", DType::kFloat32, {in_shape[0], in_shape[1], s.n_output});
    return finish_lstm(std::move(b), inputs, out, lstm_options(s.cell_clip, s.proj_clip, s.time_major, s.asymmetric));
}

// Compiles a model, failing the test with the compiler's message when it cannot.
std::shared_ptr<const Interpreter> compile(const Model& model) {
    auto interpreter = Interpreter::compile(model);
    EXPECT_TRUE(interpreter) << (interpreter ? "" : interpreter.error().message);
    return interpreter ? *interpreter : nullptr;
}

template <class Out = float, class In>
std::vector<Out> run(Execution& execution, const std::vector<In>& input) {
    auto in = execution.input(0);
    EXPECT_EQ(in.size(), input.size() * sizeof(In));
    std::memcpy(in.data(), input.data(), std::min(in.size(), input.size() * sizeof(In)));
    const Status status = execution.run();
    EXPECT_TRUE(status) << (status ? "" : status.error().message);
    const auto out = execution.output(0);
    std::vector<Out> values(out.size() / sizeof(Out));
    std::memcpy(values.data(), out.data(), out.size());
    return values;
}

void expect_near(const std::vector<float>& actual, const std::vector<double>& expected, double tolerance = 2e-6) {
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(actual[i], expected[i], tolerance) << "element " << i;
}

// One cell, one input: every gate's weight differs so that a mix-up shows.
LstmWeights single_cell_weights() {
    LstmWeights w;
    w.input = {{{0.5f}, {0.25f}, {1.0f}, {-0.5f}}};
    w.recurrent = {{{0.1f}, {0.2f}, {-0.3f}, {0.4f}}};
    w.bias = {{{0.0f}, {1.0f}, {0.0f}, {0.5f}}};
    return w;
}

TEST(RecurrentLstm, SingleCellFollowsTheEquations) {
    // t0: i = s(0.5), f = s(1.25), g = tanh(1), o = s(0) = 0.5; c = i g = 0.474058;
    //     h = 0.5 tanh(c) = 0.2207375. t1 continues from (h, c) with x = -2.
    LstmSpec s;
    s.time = 2;
    auto interpreter = compile(lstm_model(s, single_cell_weights()));
    ASSERT_TRUE(interpreter);
    Execution e(interpreter);
    expect_near(run(e, std::vector<float>{1.0f, -2.0f}), {0.22073749684182, 0.029302296835664373});
}

TEST(RecurrentLstm, StateCarriesOverToTheNextRunUntilReset) {
    LstmSpec s;
    auto interpreter = compile(lstm_model(s, single_cell_weights()));
    ASSERT_TRUE(interpreter);
    Execution e(interpreter);
    expect_near(run(e, std::vector<float>{1.0f}), {0.22073749684182});
    expect_near(run(e, std::vector<float>{-2.0f}), {0.029302296835664373});
    e.reset_variables();
    expect_near(run(e, std::vector<float>{1.0f}), {0.22073749684182});
}

TEST(RecurrentLstm, CifgPeepholeProjectionAndClipping) {
    // CIFG (input gate = 1 - forget), peepholes on forget and output, a 1x2 projection with bias;
    // the cell clip (0.3) changes steps 1 and 2, the projection clip (0.5) step 0.
    LstmWeights w;
    w.input = {{{}, {0.2f, -0.1f, 0.3f, 0.4f}, {0.5f, 0.5f, -0.6f, 0.1f}, {0.1f, 0.2f, 0.3f, -0.2f}}};
    w.recurrent = {{{}, {0.3f, -0.2f}, {0.4f, 0.1f}, {-0.5f, 0.2f}}};
    w.bias = {{{}, {0.1f, 0.2f}, {0.0f, -0.1f}, {0.3f, 0.0f}}};
    w.peephole = {{{}, {0.5f, -0.5f}, {}, {0.25f, 0.75f}}};
    w.projection = {1.5f, -2.0f};
    w.projection_bias = {0.1f};
    LstmSpec s;
    s.time = 3;
    s.n_input = 2;
    s.n_cell = 2;
    s.cell_clip = 0.3f;
    s.proj_clip = 0.5f;
    auto interpreter = compile(lstm_model(s, w));
    ASSERT_TRUE(interpreter);
    Execution e(interpreter);
    expect_near(run(e, std::vector<float>{1.0f, 0.5f, -0.5f, 2.0f, 0.25f, -1.0f}),
                {0.5, 0.3739992092194806, 0.36263794435174});
}

TEST(RecurrentLstm, LayerNormalisedGates) {
    // Each gate's pre-activation is normalised over the 3 cells (variance + 1e-8), scaled by its
    // coefficients, then the bias is added.
    LstmWeights w;
    w.input = {{{1.0f, 0.5f, -1.0f}, {0.2f, 0.4f, 0.6f}, {-0.3f, 0.9f, 0.1f}, {0.7f, -0.2f, 0.5f}}};
    w.recurrent = {{{0.1f, 0, 0, 0, 0.1f, 0, 0, 0, 0.1f},
                    {0.2f, 0.1f, 0, 0, 0.2f, 0.1f, 0.1f, 0, 0.2f},
                    {0, 0, 0.3f, 0, 0.3f, 0, 0.3f, 0, 0},
                    {0.1f, 0.1f, 0.1f, 0, 0, 0, -0.1f, -0.1f, -0.1f}}};
    w.bias = {{{0.1f, 0.0f, -0.1f}, {1.0f, 1.0f, 1.0f}, {0.0f, 0.1f, 0.2f}, {-0.2f, 0.0f, 0.2f}}};
    w.layer_norm = {{{1.0f, 0.5f, 2.0f}, {0.3f, 0.6f, 0.9f}, {1.2f, 1.0f, 0.8f}, {0.5f, 0.5f, 0.5f}}};
    LstmSpec s;
    s.time = 2;
    s.n_cell = 3;
    s.n_output = 3;
    auto interpreter = compile(lstm_model(s, w));
    ASSERT_TRUE(interpreter);
    Execution e(interpreter);
    expect_near(run(e, std::vector<float>{1.0f, -0.5f}),
                {-0.32106961738551776, 0.15164361078492616, -0.0004568131839014351, -0.07748842659476708,
                 0.015207125236053765, 0.07221909843543764},
                1e-5);
}

TEST(RecurrentLstm, TimeMajorAndBatchMajorAgree) {
    // Two sequences of three steps: batch-major [2, 3, 1] and the same data time-major [3, 2, 1].
    LstmSpec batch_major;
    batch_major.batch = 2;
    batch_major.time = 3;
    LstmSpec time_major = batch_major;
    time_major.time_major = true;
    auto a = compile(lstm_model(batch_major, single_cell_weights()));
    auto b = compile(lstm_model(time_major, single_cell_weights()));
    ASSERT_TRUE(a && b);
    Execution ea(a), eb(b);
    const auto by_batch = run(ea, std::vector<float>{1.0f, -2.0f, 0.5f, 0.25f, 0.0f, -1.0f});
    const auto by_time = run(eb, std::vector<float>{1.0f, 0.25f, -2.0f, 0.0f, 0.5f, -1.0f});
    ASSERT_EQ(by_batch.size(), 6u);
    for (size_t t = 0; t < 3; ++t)
        for (size_t bi = 0; bi < 2; ++bi) EXPECT_EQ(by_batch[bi * 3 + t], by_time[t * 2 + bi]) << t << "," << bi;
    // The first sequence is the single-cell case above.
    EXPECT_NEAR(by_batch[0], 0.22073749684182, 2e-6);
    EXPECT_NEAR(by_batch[1], 0.029302296835664373, 2e-6);
}

TEST(RecurrentLstm, HybridEqualsFloatWhenQuantisationIsExact) {
    // Weights are multiples of 1/2 (int8 at scale 0.5) and one step from a zero state: the hybrid
    // kernel quantises the input with scale max|x| / 127 = 1 (symmetric) or (max - min) / 255 = 1
    // (asymmetric, zero point -128), so every product is exact and both kernels agree bit for bit.
    LstmWeights w;
    w.input = {{{0.5f, -1.0f}, {1.5f, 0.0f}, {-0.5f, 2.0f}, {1.0f, 1.0f}}};
    w.recurrent = {{{0.5f}, {-0.5f}, {1.0f}, {0.5f}}};
    w.bias = {{{0.1f}, {0.2f}, {0.3f}, {0.4f}}};
    w.peephole = {{{0.5f}, {-1.0f}, {}, {1.5f}}};
    LstmSpec s;
    s.n_input = 2;
    for (const bool asymmetric : {false, true}) {
        const std::vector<float> input =
            asymmetric ? std::vector<float>{255.0f, 7.0f} : std::vector<float>{-127.0f, 3.0f};
        auto float_model = compile(lstm_model(s, w));
        LstmSpec hybrid = s;
        hybrid.hybrid_scale = 0.5f;
        hybrid.asymmetric = asymmetric;
        auto hybrid_model = compile(lstm_model(hybrid, w));
        ASSERT_TRUE(float_model && hybrid_model);
        EXPECT_EQ(hybrid_model->model().subgraphs[0].tensors[1].type, DType::kInt8);
        Execution ef(float_model), eh(hybrid_model);
        const auto expected = run(ef, input);
        EXPECT_EQ(run(eh, input), expected) << "asymmetric " << asymmetric;
    }
}

TEST(RecurrentLstm, HybridStaysCloseToFloatOverASequence) {
    // Later steps quantise the output state and the hidden state: no longer exact, but within the
    // int8 resolution of the activations.
    LstmWeights w;
    w.input = {{{0.5f, -1.0f}, {1.5f, 0.0f}, {-0.5f, 2.0f}, {1.0f, 1.0f}}};
    w.recurrent = {{{0.5f, 1.0f}, {-0.5f, 0.0f}, {1.0f, -1.0f}, {0.5f, 0.5f}}};
    w.bias = {{{0.1f}, {0.2f}, {0.3f}, {0.4f}}};
    w.projection = {1.0f, -0.5f};
    LstmSpec s;
    s.time = 4;
    s.n_input = 2;
    s.n_output = 2;
    const std::vector<float> input = {0.3f, -0.7f, 0.9f, 0.1f, -0.4f, 0.6f, 0.2f, 0.2f};
    LstmSpec hybrid = s;
    hybrid.hybrid_scale = 0.5f;
    for (const bool asymmetric : {false, true}) {
        hybrid.asymmetric = asymmetric;
        auto f = compile(lstm_model(s, w));
        auto h = compile(lstm_model(hybrid, w));
        ASSERT_TRUE(f && h);
        Execution ef(f), eh(h);
        const auto expected = run(ef, input);
        const auto actual = run(eh, input);
        ASSERT_EQ(actual.size(), expected.size());
        bool any_different = false;
        for (size_t i = 0; i < expected.size(); ++i) {
            EXPECT_NEAR(actual[i], expected[i], 0.02) << i;
            any_different = any_different || actual[i] != expected[i];
        }
        EXPECT_TRUE(any_different) << "the hybrid kernel should quantise";
    }
}

TEST(RecurrentLstm, RefusesWhatItCannotCompute) {
    LstmSpec s;
    Model m = lstm_model(s, single_cell_weights());
    m.subgraphs[0].tensors[0].type = DType::kInt16;  // 16-bit activations: no such LSTM
    auto refused = Interpreter::compile(m);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("UNIDIRECTIONAL_SEQUENCE_LSTM"), std::string::npos)
        << refused.error().message;

    // A CIFG LSTM (no input-gate weights) must not have an input gate bias.
    LstmWeights w = single_cell_weights();
    w.input[0].clear();
    w.recurrent[0].clear();
    auto inconsistent = Interpreter::compile(lstm_model(s, w));
    ASSERT_FALSE(inconsistent);
    EXPECT_NE(inconsistent.error().message.find("input gate bias"), std::string::npos) << inconsistent.error().message;
}

// A one-cell int8 LSTM whose gates all saturate: input 127 at 1/128, weights 127 at 0.5/127 and
// biases worth 8.0 put every pre-activation at the top of Q3.12, so the sigmoids give 0.99966
// (32757 in Q0.15) and the cell gate's tanh 1.0. Cell (Q4.11, scale 2^-11): t0 = i g = 2047;
// hidden = o tanh(0.9995) = 0.7614 -> 0.7614 * 128 = 97. t1: f c + i g = 2046 + 2047 = 4093
// (1.9985); o tanh(1.9985) = 0.9637 -> 123.
Model lstm_int8_saturated_model(bool cifg) {
    ModelBuilder b;
    std::vector<int32_t> inputs(24, -1);
    inputs[0] = b.add_tensor("input", DType::kInt8, {1, 2, 1}, {}, quant(1.0f / 128.0f));
    const float weight_scale = 0.5f / 127.0f;
    const auto bias = static_cast<int32_t>(std::lround(8.0 / (weight_scale / 128.0)));
    for (int g = cifg ? 1 : 0; g < 4; ++g) {
        const std::string n = std::to_string(g);
        inputs[static_cast<size_t>(1 + g)] =
            b.add_tensor("wx" + n, DType::kInt8, {1, 1}, bytes_of(std::vector<int8_t>{127}), quant(weight_scale));
        inputs[static_cast<size_t>(5 + g)] =
            b.add_tensor("wh" + n, DType::kInt8, {1, 1}, bytes_of(std::vector<int8_t>{0}), quant(weight_scale));
        inputs[static_cast<size_t>(12 + g)] = b.add_tensor(
            "b" + n, DType::kInt32, {1}, bytes_of(std::vector<int32_t>{bias}), quant(weight_scale / 128.0f));
    }
    inputs[18] = b.add_tensor("output_state", DType::kInt8, {1, 1}, {}, quant(1.0f / 128.0f));
    inputs[19] = b.add_tensor("cell_state", DType::kInt16, {1, 1}, {}, quant(1.0f / 2048.0f));
    const int32_t out = b.add_tensor("output", DType::kInt8, {1, 2, 1}, {}, quant(1.0f / 128.0f));
    std::vector<int32_t> intermediates;
    for (int i = 0; i < 4; ++i) intermediates.push_back(b.add_tensor("gate" + std::to_string(i), DType::kInt16, {}));
    intermediates.push_back(b.add_tensor("hidden", DType::kInt8, {}, {}, quant(1.0f / 128.0f)));
    return finish_lstm(std::move(b), inputs, out, lstm_options(), intermediates);
}

TEST(RecurrentLstm, Int8SaturatedGates) {
    auto interpreter = compile(lstm_int8_saturated_model(false));
    ASSERT_TRUE(interpreter);
    Execution e(interpreter);
    EXPECT_EQ(run<int8_t>(e, std::vector<int8_t>{127, 127}), (std::vector<int8_t>{97, 123}));
    // CIFG: the input gate is 1 - forget = 11 / 32768, so the cell barely moves: i g = 11 * 32767 / 2^19 -> 1,
    // then 1 + 1 = 2 (2^-10); tanh(2^-10) * 0.99966 * 128 = 0.125 -> 0.
    auto cifg = compile(lstm_int8_saturated_model(true));
    ASSERT_TRUE(cifg);
    Execution ec(cifg);
    EXPECT_EQ(run<int8_t>(ec, std::vector<int8_t>{127, 127}), (std::vector<int8_t>{0, 0}));
}

TEST(RecurrentLstm, Int8NeedsItsIntermediates) {
    Model m = lstm_int8_saturated_model(false);
    m.subgraphs[0].operators[0].intermediates.clear();
    auto refused = Interpreter::compile(m);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("intermediates"), std::string::npos) << refused.error().message;
}

TEST(RecurrentMath, SymmetricAndAsymmetricRowQuantisation) {
    int8_t q[3];
    const float values[3] = {-1.0f, 0.5f, 0.25f};
    const auto symmetric = recurrent::quantize_row(values, 3, false, q);
    EXPECT_FLOAT_EQ(symmetric.scale, 1.0f / 127.0f);
    EXPECT_EQ(symmetric.zero_point, 0);
    EXPECT_EQ(q[0], -127);
    EXPECT_EQ(q[1], 64);  // 63.5 rounds away from zero
    EXPECT_EQ(q[2], 32);  // 31.75
    // [-1, 0.5]: scale 1.5 / 255, zero point 127 - 0.5 / scale = 42.
    const auto asymmetric = recurrent::quantize_row(values, 2, true, q);
    EXPECT_FLOAT_EQ(asymmetric.scale, 1.5f / 255.0f);
    EXPECT_EQ(asymmetric.zero_point, 42);
    EXPECT_EQ(q[0], -128);
    EXPECT_EQ(q[1], 127);
    const float zeros[2] = {0.0f, 0.0f};
    const auto zero = recurrent::quantize_row(zeros, 2, true, q);
    EXPECT_EQ(zero.scale, 1.0f);
    EXPECT_EQ(q[0], 0);
}

// A one-operator SVDF model. `feature` is [filters, input], `time` [filters, memory].
struct SvdfSpec {
    int batch = 1, input_size = 2, filters = 2, memory = 3, rank = 1;
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
};

Model svdf_float_model(const SvdfSpec& s, const std::vector<float>& feature, const std::vector<float>& time,
                       const std::vector<float>& bias, float hybrid_feature_scale = 0.0f,
                       float hybrid_time_scale = 0.0f) {
    ModelBuilder b;
    const int32_t input = b.add_tensor("input", DType::kFloat32, {s.batch, s.input_size});
    auto weight = [&](const std::string& name, std::vector<int32_t> shape, const std::vector<float>& v, float scale) {
        if (scale <= 0.0f) return b.add_float_constant(name, shape, v);
        std::vector<int8_t> q;
        for (float x : v) q.push_back(static_cast<int8_t>(std::lround(x / scale)));
        return b.add_tensor(name, DType::kInt8, shape, bytes_of(q), quant(scale));
    };
    const int32_t wf = weight("feature", {s.filters, s.input_size}, feature, hybrid_feature_scale);
    const int32_t wt = weight("time", {s.filters, s.memory}, time, hybrid_time_scale);
    const int32_t bi = bias.empty() ? -1 : b.add_float_constant("bias", {s.filters / s.rank}, bias);
    const int32_t state = b.add_tensor("state", DType::kFloat32, {s.batch, s.filters * s.memory});
    const int32_t out = b.add_tensor("output", DType::kFloat32, {s.batch, s.filters / s.rank});
    tflite::SVDFOptionsT options;
    options.rank = s.rank;
    options.fused_activation_function = s.activation;
    b.add_operator(tflite::BuiltinOperator_SVDF, {input, wf, wt, bi, state}, {out}, options_of(options));
    b.set_inputs({input});
    b.set_outputs({out});
    Model m = std::move(b).finish();
    m.subgraphs[0].tensors[static_cast<size_t>(state)].is_variable = true;
    return m;
}

TEST(RecurrentSvdf, RankOneRemembersMemorySizeSteps) {
    // Filters f0 = x0 + 2 x1, f1 = -x0 + 0.5 x1; time weights oldest -> newest. After the fourth
    // input the first activation has left the 3-step memory.
    SvdfSpec s;
    s.activation = tflite::ActivationFunctionType_RELU;
    auto interpreter =
        compile(svdf_float_model(s, {1, 2, -1, 0.5f}, {0.5f, 0.25f, 1.0f, 1.0f, -1.0f, 2.0f}, {0.1f, -0.1f}));
    ASSERT_TRUE(interpreter);
    Execution e(interpreter);
    // Pre-activation outputs: [3.1, -1.1], [-0.65, -1.6], [3.225, -3.6], [-0.15, 0.9].
    expect_near(run(e, std::vector<float>{1, 1}), {3.1, 0.0});
    expect_near(run(e, std::vector<float>{0.5f, -1}), {0.0, 0.0});
    expect_near(run(e, std::vector<float>{2, 0}), {3.225, 0.0});
    expect_near(run(e, std::vector<float>{0, 0}), {0.0, 0.9});
}

TEST(RecurrentSvdf, RankTwoSumsFilterPairsPerBatch) {
    SvdfSpec s;
    s.batch = 2;
    s.filters = 4;
    s.memory = 2;
    s.rank = 2;
    auto interpreter = compile(svdf_float_model(s, {1, 0, 0, 1, 1, 1, 1, -1}, {1, 2, 0.5f, -1, 1, 1, 2, 0}, {}));
    ASSERT_TRUE(interpreter);
    Execution e(interpreter);
    expect_near(run(e, std::vector<float>{1, 2, -1, 3}), {0, 3, -5, 2});
    expect_near(run(e, std::vector<float>{0, 1, 1, 0}), {1, 2, 2.5, -5});
}

TEST(RecurrentSvdf, HybridEqualsFloatWhenQuantisationIsExact) {
    // Inputs with max |x| = 127 quantise with scale 1; weights are multiples of their scales.
    SvdfSpec s;
    const std::vector<float> feature = {1, 2, -1, 0.5f}, time = {0.5f, 0.25f, 1.0f, 1.0f, -1.0f, 2.0f};
    auto f = compile(svdf_float_model(s, feature, time, {0.1f, -0.1f}));
    auto h = compile(svdf_float_model(s, feature, time, {0.1f, -0.1f}, 0.5f, 0.25f));
    ASSERT_TRUE(f && h);
    Execution ef(f), eh(h);
    for (const auto& input : {std::vector<float>{127, -3}, std::vector<float>{5, -127}, std::vector<float>{0, 0}})
        EXPECT_EQ(run(eh, input), run(ef, input));
}

// Int8 SVDF: input scale 0.5 zero point 1, feature weights 0.25, int16 state 0.125, int16 time
// weights 0.5, output scale 1 zero point -3, int32 bias at 0.0625: the multipliers are exactly
// 1 (feature -> state) and 1/16 (state -> output).
Model svdf_int8_model(tflite::ActivationFunctionType activation) {
    ModelBuilder b;
    const int32_t input = b.add_tensor("input", DType::kInt8, {1, 2}, {}, quant(0.5f, 1));
    const int32_t wf =
        b.add_tensor("feature", DType::kInt8, {1, 2}, bytes_of(std::vector<int8_t>{4, 2}), quant(0.25f));
    const int32_t wt =
        b.add_tensor("time", DType::kInt16, {1, 2}, bytes_of(std::vector<int16_t>{2, 6}), quant(0.5f));
    const int32_t bias =
        b.add_tensor("bias", DType::kInt32, {1}, bytes_of(std::vector<int32_t>{16}), quant(0.0625f));
    const int32_t state = b.add_tensor("state", DType::kInt16, {1, 2}, {}, quant(0.125f));
    const int32_t out = b.add_tensor("output", DType::kInt8, {1, 1}, {}, quant(1.0f, -3));
    tflite::SVDFOptionsT options;
    options.rank = 1;
    options.fused_activation_function = activation;
    b.add_operator(tflite::BuiltinOperator_SVDF, {input, wf, wt, bias, state}, {out}, options_of(options));
    b.set_inputs({input});
    b.set_outputs({out});
    Model m = std::move(b).finish();
    m.subgraphs[0].tensors[static_cast<size_t>(state)].is_variable = true;
    return m;
}

TEST(RecurrentSvdf, Int8RequantisesThroughTheInt16State) {
    auto interpreter = compile(svdf_int8_model(tflite::ActivationFunctionType_RELU));
    ASSERT_TRUE(interpreter);
    Execution e(interpreter);
    // x = [5, -3]: feature 4*4 + 2*(-4) = 8 -> state [0, 8]; time 6*8 + bias 16 = 64 -> 64/16 = 4 -> 4 - 3.
    EXPECT_EQ(run<int8_t>(e, std::vector<int8_t>{5, -3}), std::vector<int8_t>{1});
    // x = [1, 1] (real 0): state [8, 0]; 2*8 + 16 = 32 -> 2 -> -1. TFLite's integer SVDF clamps to
    // int8 only, so the RELU it requires leaves this negative real value (-2) as it is.
    EXPECT_EQ(run<int8_t>(e, std::vector<int8_t>{1, 1}), std::vector<int8_t>{-1});
    // x = [127, -128]: 4*126 + 2*(-129) = 246 -> state [0, 246]; 6*246 + 16 = 1492 -> 93.25 -> 93 -> 90.
    EXPECT_EQ(run<int8_t>(e, std::vector<int8_t>{127, -128}), std::vector<int8_t>{90});

    auto refused = Interpreter::compile(svdf_int8_model(tflite::ActivationFunctionType_TANH));
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("fused activation TANH"), std::string::npos) << refused.error().message;
}

// A 28x28 grey PNG as [1, 28, 28] floats in [0, 1], one image row per LSTM step.
std::vector<float> mnist_digit(const std::string& path) {
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load(path.c_str(), &width, &height, &channels, 1),
                                                     stbi_image_free);
    EXPECT_TRUE(pixels) << path << ": " << stbi_failure_reason();
    if (!pixels || width != 28 || height != 28) return {};
    std::vector<float> values(28 * 28);
    for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>(pixels.get()[i]) / 255.0f;
    return values;
}

TEST(RecurrentLstm, TrainedMnistModelReadsTheTenDigits) {
    const auto model_path = test::shared_model("tflite/trained_lstm.tflite");
    if (!model_path) GTEST_SKIP() << "../shared/models is absent";
    auto read = read_tflite_file(*model_path);
    ASSERT_TRUE(read) << read.error().message;
    auto interpreter = compile(read->model);
    ASSERT_TRUE(interpreter);
    ASSERT_EQ(interpreter->input_info(0).shape, (std::vector<int32_t>{1, 28, 28}));
    Execution e(interpreter);
    for (int digit = 0; digit < 10; ++digit) {
        const auto image = test::shared_model("golden/mnist_sample" + std::to_string(digit) + ".png");
        ASSERT_TRUE(image);
        const std::vector<float> pixels = mnist_digit(*image);
        ASSERT_EQ(pixels.size(), 28u * 28u);
        e.reset_variables();  // each image is a sequence of its own
        const std::vector<float> scores = run(e, pixels);
        ASSERT_EQ(scores.size(), 10u);
        const auto best = std::max_element(scores.begin(), scores.end()) - scores.begin();
        EXPECT_EQ(best, digit) << "scores for mnist_sample" << digit << ": " << ::testing::PrintToString(scores);
        EXPECT_GT(scores[static_cast<size_t>(digit)], 0.5f) << "digit " << digit;
    }
}

}  // namespace
}  // namespace litelab
