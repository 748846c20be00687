// Interop cases for the recurrent kernels: UNIDIRECTIONAL_SEQUENCE_LSTM (float and hybrid, with
// and without peephole, CIFG, projection, layer norm, clipping, time-major) and SVDF (float,
// hybrid, int8; rank 1 and 2). Only the classic TFLite interpreter (tfweb) runs them: LiteRT.js
// refuses variable tensors and Arm NN these operators.
#include <cmath>
#include <optional>
#include <random>
#include <string>

#include "model/builder.h"
#include "op_case.h"
#include "support/op_model.h"

namespace litelab::test {

namespace {

// Weights drawn uniformly from [-limit, limit), reproducibly per case.
class Weights {
public:
    explicit Weights(const std::string& seed) : engine_(std::hash<std::string>{}(seed)&0xffffffffu) {}
    std::vector<float> floats(size_t n, float limit = 0.5f) {
        std::uniform_real_distribution<float> draw(-limit, limit);
        std::vector<float> v(n);
        for (float& x : v) x = draw(engine_);
        return v;
    }
    template <class T>
    std::vector<T> integers(size_t n, int64_t low, int64_t high) {
        std::uniform_int_distribution<int64_t> draw(low, high);
        std::vector<T> v(n);
        for (T& x : v) x = static_cast<T>(draw(engine_));
        return v;
    }

private:
    std::mt19937_64 engine_;
};

struct LstmCase {
    std::string name;
    int batch = 2, time = 3, n_input = 3, n_cell = 4, n_output = 4;
    bool time_major = false, cifg = false, peephole = false, projection = false, projection_bias = false,
         layer_norm = false;
    float cell_clip = 0.0f, proj_clip = 0.0f;
    bool hybrid = false, asymmetric = false;
    bool int8 = false;
};

Model lstm_int8_model(const LstmCase& c);

Model lstm_model(const LstmCase& c) {
    if (c.int8) return lstm_int8_model(c);
    Weights w(c.name);
    ModelBuilder b;
    const std::vector<int32_t> in_shape = c.time_major ? std::vector<int32_t>{c.time, c.batch, c.n_input}
                                                       : std::vector<int32_t>{c.batch, c.time, c.n_input};
    std::vector<int32_t> inputs(24, -1);
    inputs[0] = b.add_tensor("input", DType::kFloat32, in_shape);
    // Hybrid weights: int8 over the full range with a scale that keeps them near [-0.5, 0.5].
    auto weight = [&](const std::string& name, std::vector<int32_t> shape) {
        size_t n = 1;
        for (int32_t d : shape) n *= static_cast<size_t>(d);
        if (!c.hybrid) return b.add_float_constant(name, shape, w.floats(n));
        return b.add_tensor(name, DType::kInt8, shape, bytes_of(w.integers<int8_t>(n, -127, 127)),
                            quant(0.5f / 127.0f));
    };
    auto vec = [&](const std::string& name, int size, float offset = 0.0f) {
        auto v = w.floats(static_cast<size_t>(size));
        for (float& x : v) x += offset;
        return b.add_float_constant(name, {size}, v);
    };
    for (int g = 0; g < 4; ++g) {
        if (g == 0 && c.cifg) continue;
        const std::string n = std::to_string(g);
        inputs[static_cast<size_t>(1 + g)] = weight("input_weights_" + n, {c.n_cell, c.n_input});
        inputs[static_cast<size_t>(5 + g)] = weight("recurrent_weights_" + n, {c.n_cell, c.n_output});
        if (c.peephole && g != 2)
            inputs[static_cast<size_t>(g == 3 ? 11 : 9 + g)] = weight("peephole_" + n, {c.n_cell});
        inputs[static_cast<size_t>(12 + g)] = vec("bias_" + n, c.n_cell, g == 1 ? 1.0f : 0.0f);
        if (c.layer_norm) inputs[static_cast<size_t>(20 + g)] = vec("layer_norm_" + n, c.n_cell, 1.0f);
    }
    if (c.projection) {
        inputs[16] = weight("projection", {c.n_output, c.n_cell});
        if (c.projection_bias) inputs[17] = vec("projection_bias", c.n_output);
    }
    inputs[18] = b.add_tensor("output_state", DType::kFloat32, {c.batch, c.n_output});
    inputs[19] = b.add_tensor("cell_state", DType::kFloat32, {c.batch, c.n_cell});
    const int32_t out = b.add_tensor("output", DType::kFloat32, {in_shape[0], in_shape[1], c.n_output});
    return finish_lstm(std::move(b), inputs, out, lstm_options(c.cell_clip, c.proj_clip, c.time_major, c.asymmetric));
}

// Fully integer LSTM (8x8_16): int8 input (zero point 5), weights and output state, a 16-bit cell
// at 2^-11, int32 biases, int16 peepholes and layer norm coefficients, and the five intermediates
// TFLite reads its effective scales from. The output state's zero point is 0: TFLite resets int8
// variables to their zero point, LiteLab to their stored initial value (zero).
Model lstm_int8_model(const LstmCase& c) {
    Weights w(c.name);
    ModelBuilder b;
    const std::vector<int32_t> in_shape = c.time_major ? std::vector<int32_t>{c.time, c.batch, c.n_input}
                                                       : std::vector<int32_t>{c.batch, c.time, c.n_input};
    const float input_scale = 1.0f / 128.0f, weight_scale = 0.5f / 127.0f, state_scale = 1.0f / 128.0f;
    const float hidden_scale = 1.0f / 128.0f, layer_norm_scale = 1.0f / 16384.0f;
    std::vector<int32_t> inputs(24, -1);
    inputs[0] = b.add_tensor("input", DType::kInt8, in_shape, {}, quant(input_scale, 5));
    auto weight = [&](const std::string& name, std::vector<int32_t> shape) {
        size_t n = 1;
        for (int32_t d : shape) n *= static_cast<size_t>(d);
        return b.add_tensor(name, DType::kInt8, shape, bytes_of(w.integers<int8_t>(n, -127, 127)),
                            quant(weight_scale));
    };
    // A gate bias of up to +-0.5, at the scale of the product (or of the layer norm output).
    const float bias_scale = c.layer_norm ? layer_norm_scale / 1024.0f : weight_scale * input_scale;
    auto bias = [&](const std::string& name, int size, float scale) {
        const auto limit = static_cast<int64_t>(0.5f / scale);
        return b.add_tensor(name, DType::kInt32, {size},
                            bytes_of(w.integers<int32_t>(static_cast<size_t>(size), -limit, limit)), quant(scale));
    };
    for (int g = 0; g < 4; ++g) {
        if (g == 0 && c.cifg) continue;
        const std::string n = std::to_string(g);
        inputs[static_cast<size_t>(1 + g)] = weight("input_weights_" + n, {c.n_cell, c.n_input});
        inputs[static_cast<size_t>(5 + g)] = weight("recurrent_weights_" + n, {c.n_cell, c.n_output});
        if (c.peephole && g != 2)
            inputs[static_cast<size_t>(g == 3 ? 11 : 9 + g)] =
                b.add_tensor("peephole_" + n, DType::kInt16, {c.n_cell},
                             bytes_of(w.integers<int16_t>(static_cast<size_t>(c.n_cell), -32767, 32767)),
                             quant(0.5f / 32767.0f));
        inputs[static_cast<size_t>(12 + g)] = bias("bias_" + n, c.n_cell, bias_scale);
        if (c.layer_norm)
            inputs[static_cast<size_t>(20 + g)] =
                b.add_tensor("layer_norm_" + n, DType::kInt16, {c.n_cell},
                             bytes_of(w.integers<int16_t>(static_cast<size_t>(c.n_cell), 8192, 24576)),
                             quant(layer_norm_scale));
    }
    if (c.projection) {
        inputs[16] = weight("projection", {c.n_output, c.n_cell});
        if (c.projection_bias) inputs[17] = bias("projection_bias", c.n_output, weight_scale * hidden_scale);
    }
    inputs[18] = b.add_tensor("output_state", DType::kInt8, {c.batch, c.n_output}, {}, quant(state_scale));
    inputs[19] = b.add_tensor("cell_state", DType::kInt16, {c.batch, c.n_cell}, {}, quant(1.0f / 2048.0f));
    const int32_t out =
        b.add_tensor("output", DType::kInt8, {in_shape[0], in_shape[1], c.n_output}, {}, quant(state_scale));
    std::vector<int32_t> intermediates;
    for (int i = 0; i < 4; ++i)
        intermediates.push_back(b.add_tensor("gate_" + std::to_string(i), DType::kInt16, {}, {}, quant(0.0005f)));
    intermediates.push_back(b.add_tensor("hidden", DType::kInt8, {}, {}, quant(hidden_scale)));
    return finish_lstm(std::move(b), inputs, out, lstm_options(c.cell_clip, c.proj_clip, c.time_major), intermediates);
}

OpCase lstm_case(const LstmCase& c) {
    OpCase op = case_of(c.name, lstm_model(c));
    if (c.hybrid) {
        // Hybrid kernels quantise activations per row: runtimes differ by their rounding order.
        op.atol = 1e-3;
        op.rtol = 1e-2;
    }
    return op;
}

struct SvdfCase {
    std::string name;
    int batch = 2, input_size = 5, filters = 4, memory = 6, rank = 1;
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
    bool bias = true;
    enum class Kind { kFloat, kHybrid, kInt8 } kind = Kind::kFloat;
    bool asymmetric = false;
    int steps = 3;
};

// `steps` SVDF operators share one activation state, so that later steps see the earlier
// inputs through the time weights: one input and one output per step.
Model svdf_model(const SvdfCase& c) {
    Weights w(c.name);
    ModelBuilder b;
    const auto n_feature = static_cast<size_t>(c.filters * c.input_size);
    const auto n_time = static_cast<size_t>(c.filters * c.memory);
    const int units = c.filters / c.rank;
    const bool int8 = c.kind == SvdfCase::Kind::kInt8;
    const DType io_type = int8 ? DType::kInt8 : DType::kFloat32;
    // Int8 scales chosen so that the int16 state and the int8 output use their ranges.
    const std::optional<Quantization> input_q = int8 ? std::optional(quant(1.0f / 128.0f, 3)) : std::nullopt;
    const std::optional<Quantization> output_q = int8 ? std::optional(quant(2.0f / 128.0f, -5)) : std::nullopt;
    int32_t wf = 0, wt = 0, bias = -1, state = 0;
    if (int8) {
        wf = b.add_tensor("feature", DType::kInt8, {c.filters, c.input_size},
                          bytes_of(w.integers<int8_t>(n_feature, -127, 127)), quant(1.0f / 254.0f));
        wt = b.add_tensor("time", DType::kInt16, {c.filters, c.memory},
                          bytes_of(w.integers<int16_t>(n_time, -32767, 32767)), quant(1.0f / 65534.0f));
        if (c.bias)
            bias = b.add_tensor("bias", DType::kInt32, {units},
                                bytes_of(w.integers<int32_t>(static_cast<size_t>(units), -200000000, 200000000)),
                                quant((4.0f / 32768.0f) * (1.0f / 65534.0f)));
        state = b.add_tensor("state", DType::kInt16, {c.batch, c.filters * c.memory}, {}, quant(4.0f / 32768.0f));
    } else {
        if (c.kind == SvdfCase::Kind::kHybrid) {
            wf = b.add_tensor("feature", DType::kInt8, {c.filters, c.input_size},
                              bytes_of(w.integers<int8_t>(n_feature, -127, 127)), quant(0.5f / 127.0f));
            wt = b.add_tensor("time", DType::kInt8, {c.filters, c.memory},
                              bytes_of(w.integers<int8_t>(n_time, -127, 127)), quant(0.5f / 127.0f));
        } else {
            wf = b.add_float_constant("feature", {c.filters, c.input_size}, w.floats(n_feature));
            wt = b.add_float_constant("time", {c.filters, c.memory}, w.floats(n_time));
        }
        if (c.bias) bias = b.add_float_constant("bias", {units}, w.floats(static_cast<size_t>(units)));
        state = b.add_tensor("state", DType::kFloat32, {c.batch, c.filters * c.memory});
    }
    std::vector<int32_t> inputs, outputs;
    for (int step = 0; step < c.steps; ++step) {
        const std::string n = std::to_string(step);
        inputs.push_back(b.add_tensor("input_" + n, io_type, {c.batch, c.input_size}, {}, input_q));
        outputs.push_back(b.add_tensor("output_" + n, io_type, {c.batch, units}, {}, output_q));
        tflite::SVDFOptionsT options;
        options.rank = c.rank;
        options.fused_activation_function = c.activation;
        options.asymmetric_quantize_inputs = c.asymmetric;
        b.add_operator(tflite::BuiltinOperator_SVDF, {inputs.back(), wf, wt, bias, state}, {outputs.back()},
                       options_of(options));
    }
    b.set_inputs(inputs);
    b.set_outputs(outputs);
    Model m = std::move(b).finish();
    m.subgraphs[0].tensors[static_cast<size_t>(state)].is_variable = true;
    return m;
}

OpCase svdf_case(const SvdfCase& c) {
    OpCase op = case_of(c.name, svdf_model(c));
    if (c.kind == SvdfCase::Kind::kHybrid) {
        op.atol = 1e-3;
        op.rtol = 1e-2;
    }
    return op;
}

}  // namespace

std::vector<OpCase> recurrent_op_cases() {
    std::vector<OpCase> cases;
    for (const bool hybrid : {false, true}) {
        const std::string type = hybrid ? "_hybrid" : "_float32";
        auto lstm = [&](std::string variant, auto configure) {
            LstmCase c;
            c.name = "UNIDIRECTIONAL_SEQUENCE_LSTM" + type + "_" + variant;
            c.hybrid = hybrid;
            configure(c);
            cases.push_back(lstm_case(c));
        };
        lstm("basic", [](LstmCase&) {});
        lstm("time_major", [](LstmCase& c) { c.time_major = true; });
        lstm("peephole", [](LstmCase& c) { c.peephole = true; });
        lstm("cifg", [](LstmCase& c) { c.cifg = true; });
        lstm("cifg_peephole", [](LstmCase& c) {
            c.cifg = true;
            c.peephole = true;
        });
        lstm("projection_clip", [](LstmCase& c) {
            c.projection = true;
            c.projection_bias = true;
            c.n_output = 2;
            c.cell_clip = 0.4f;
            c.proj_clip = 0.1f;
        });
        lstm("projection_no_bias", [](LstmCase& c) {
            c.projection = true;
            c.n_output = 3;
        });
        lstm("layer_norm", [](LstmCase& c) { c.layer_norm = true; });
        lstm("layer_norm_cifg_peephole_projection", [](LstmCase& c) {
            c.layer_norm = true;
            c.cifg = true;
            c.peephole = true;
            c.projection = true;
            c.n_output = 2;
        });
        if (hybrid) {
            lstm("asymmetric", [](LstmCase& c) { c.asymmetric = true; });
            lstm("asymmetric_projection_peephole", [](LstmCase& c) {
                c.asymmetric = true;
                c.projection = true;
                c.projection_bias = true;
                c.peephole = true;
                c.n_output = 3;
            });
        }
    }

    auto lstm_int8 = [&](std::string variant, auto configure) {
        LstmCase c;
        c.name = "UNIDIRECTIONAL_SEQUENCE_LSTM_int8_" + variant;
        c.int8 = true;
        configure(c);
        cases.push_back(lstm_case(c));
    };
    lstm_int8("basic", [](LstmCase&) {});
    lstm_int8("time_major_cifg", [](LstmCase& c) {
        c.time_major = true;
        c.cifg = true;
    });
    lstm_int8("peephole_cell_clip", [](LstmCase& c) {
        c.peephole = true;
        c.cell_clip = 0.5f;
    });
    lstm_int8("projection_clip", [](LstmCase& c) {
        c.projection = true;
        c.projection_bias = true;
        c.n_output = 2;
        c.proj_clip = 0.2f;
    });
    lstm_int8("layer_norm", [](LstmCase& c) { c.layer_norm = true; });
    lstm_int8("layer_norm_cifg_peephole", [](LstmCase& c) {
        c.layer_norm = true;
        c.cifg = true;
        c.peephole = true;
    });

    auto svdf = [&](std::string name, auto configure) {
        SvdfCase c;
        c.name = "SVDF_" + name;
        configure(c);
        cases.push_back(svdf_case(c));
    };
    svdf("float32_rank1", [](SvdfCase&) {});
    svdf("float32_rank2_relu", [](SvdfCase& c) {
        c.rank = 2;
        c.activation = tflite::ActivationFunctionType_RELU;
    });
    svdf("float32_rank1_no_bias_relu6", [](SvdfCase& c) {
        c.bias = false;
        c.activation = tflite::ActivationFunctionType_RELU6;
    });
    svdf("hybrid_rank1", [](SvdfCase& c) { c.kind = SvdfCase::Kind::kHybrid; });
    svdf("hybrid_rank2_relu", [](SvdfCase& c) {
        c.kind = SvdfCase::Kind::kHybrid;
        c.rank = 2;
        c.activation = tflite::ActivationFunctionType_RELU;
    });
    svdf("hybrid_rank1_asymmetric", [](SvdfCase& c) {
        c.kind = SvdfCase::Kind::kHybrid;
        c.asymmetric = true;
    });
    svdf("int8_rank1_relu", [](SvdfCase& c) {
        c.kind = SvdfCase::Kind::kInt8;
        c.activation = tflite::ActivationFunctionType_RELU;
    });
    svdf("int8_rank2_relu", [](SvdfCase& c) {
        c.kind = SvdfCase::Kind::kInt8;
        c.rank = 2;
        c.activation = tflite::ActivationFunctionType_RELU;
    });
    return cases;
}

}  // namespace litelab::test
