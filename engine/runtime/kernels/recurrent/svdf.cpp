// SVDF: a fully connected layer factored into a feature filter and a time filter over the last
// `memory_size` activations, kept in the variable activation state, as TFLite's
// reference_ops::EvalFloatSVDF / EvalHybridSVDF / EvalIntegerSVDF compute it. Each run shifts
// the state one step to the left, writes the newest filter activations into its last column,
// weighs every filter's history with its time weights and sums `rank` filters per unit.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "model/graph.h"
#include "recurrent_kernels.h"
#include "recurrent_math.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::recurrent {

namespace {

enum SvdfInput : int { kSvdfInput = 0, kWeightsFeature = 1, kWeightsTime = 2, kSvdfBias = 3, kActivationState = 4 };

struct SvdfShape {
    int batch = 0;
    int input_size = 0;
    int num_filters = 0;
    int num_units = 0;
    int memory_size = 0;
    int rank = 0;

    size_t state_size() const {
        return static_cast<size_t>(batch) * static_cast<size_t>(num_filters) * static_cast<size_t>(memory_size);
    }
    size_t filters() const { return static_cast<size_t>(batch) * static_cast<size_t>(num_filters); }
};

// Drops every filter's oldest activation: the whole state moves one place to the left; the last
// column is overwritten by the newest activations next.
template <class T>
void shift_state(T* state, const SvdfShape& s) {
    std::copy(state + 1, state + s.state_size(), state);
}

// output[b][u] = activation(sum over the unit's `rank` filters of time_weights[f] . state[b][f] + bias[u]).
void apply_time_weights(const SvdfShape& s, const float* weights_time, const float* bias, Activation activation,
                        const float* state, float* scratch, float* output) {
    const auto memory = static_cast<size_t>(s.memory_size);
    for (size_t f = 0; f < s.filters(); ++f) {
        const float* weights = weights_time + (f % static_cast<size_t>(s.num_filters)) * memory;
        const float* history = state + f * memory;
        float dot = 0.0f;
        for (size_t m = 0; m < memory; ++m) dot += weights[m] * history[m];
        scratch[f] = dot;
    }
    const size_t units = static_cast<size_t>(s.batch) * static_cast<size_t>(s.num_units);
    const auto rank = static_cast<size_t>(s.rank);
    for (size_t u = 0; u < units; ++u) {
        float sum = 0.0f;
        for (size_t r = 0; r < rank; ++r) sum += scratch[u * rank + r];
        output[u] = sum;
    }
    if (bias)
        for (size_t u = 0; u < units; ++u) output[u] += bias[u % static_cast<size_t>(s.num_units)];
    apply_activation(activation, output, units, output);
}

// Writes the newest filter activations (scratch, batch x filters) into the state's last column.
template <class T>
void store_newest(const SvdfShape& s, const T* newest, T* state) {
    const auto memory = static_cast<size_t>(s.memory_size);
    for (size_t f = 0; f < s.filters(); ++f) state[f * memory + memory - 1] = newest[f];
}

std::unique_ptr<OpKernel> float_kernel(const SvdfShape& s, Activation activation) {
    return make_kernel([s, activation](const OpContext& c) -> Status {
        const float* input = c.input<float>(kSvdfInput);
        const float* weights_feature = c.input<float>(kWeightsFeature);
        const float* bias = c.has_input(kSvdfBias) ? c.input<float>(kSvdfBias) : nullptr;
        float* state = c.mutable_input<float>(kActivationState);
        auto* scratch = scratch_at<float>(c.scratch(), 0);
        shift_state(state, s);
        std::fill_n(scratch, s.filters(), 0.0f);
        matmul_accumulate(weights_feature, s.num_filters, s.input_size, input, s.batch, scratch);
        store_newest(s, scratch, state);
        apply_time_weights(s, c.input<float>(kWeightsTime), bias, activation, state, scratch, c.output<float>(0));
        return {};
    });
}

std::unique_ptr<OpKernel> hybrid_kernel(const SvdfShape& s, Activation activation, bool asymmetric, float feature_scale,
                                        std::vector<float> weights_time, size_t q_offset, size_t rows_offset) {
    return make_kernel([s, activation, asymmetric, feature_scale, weights_time = std::move(weights_time), q_offset,
                        rows_offset](const OpContext& c) -> Status {
        const float* input = c.input<float>(kSvdfInput);
        const float* bias = c.has_input(kSvdfBias) ? c.input<float>(kSvdfBias) : nullptr;
        float* state = c.mutable_input<float>(kActivationState);
        auto* scratch = scratch_at<float>(c.scratch(), 0);
        shift_state(state, s);
        std::fill_n(scratch, s.filters(), 0.0f);
        const size_t n_input = static_cast<size_t>(s.batch) * static_cast<size_t>(s.input_size);
        if (!is_zero_vector(input, n_input)) {
            auto* q_input = scratch_at<int8_t>(c.scratch(), q_offset);
            auto* rows = scratch_at<RowQuantization>(c.scratch(), rows_offset);
            quantize_rows(input, s.batch, s.input_size, asymmetric, q_input, rows);
            hybrid_matmul_accumulate(c.input<int8_t>(kWeightsFeature), feature_scale, s.num_filters, s.input_size,
                                     q_input, rows, s.batch, scratch);
        }
        store_newest(s, scratch, state);
        apply_time_weights(s, weights_time.data(), bias, activation, state, scratch, c.output<float>(0));
        return {};
    });
}

// Fully integer: int8 input and feature weights, int16 state and time weights, int32 bias.
struct IntegerParams {
    SvdfShape shape;
    QuantizedMultiplier feature_to_state;  // input * feature weights -> state
    QuantizedMultiplier state_to_output;   // state * time weights -> output
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
};

std::unique_ptr<OpKernel> integer_kernel(const IntegerParams& p) {
    return make_kernel([p](const OpContext& c) -> Status {
        const SvdfShape& s = p.shape;
        const int8_t* input = c.input<int8_t>(kSvdfInput);
        const int8_t* weights_feature = c.input<int8_t>(kWeightsFeature);
        const int16_t* weights_time = c.input<int16_t>(kWeightsTime);
        const int32_t* bias = c.has_input(kSvdfBias) ? c.input<int32_t>(kSvdfBias) : nullptr;
        int16_t* state = c.mutable_input<int16_t>(kActivationState);
        auto* scratch = scratch_at<int32_t>(c.scratch(), 0);
        shift_state(state, s);

        // Feature filters, requantised into the state's int16 scale (zero point 0).
        const auto memory = static_cast<size_t>(s.memory_size);
        const auto n_input = static_cast<size_t>(s.input_size);
        for (size_t f = 0; f < s.filters(); ++f) {
            const int8_t* weights = weights_feature + (f % static_cast<size_t>(s.num_filters)) * n_input;
            const int8_t* x = input + (f / static_cast<size_t>(s.num_filters)) * n_input;
            int32_t dot = 0;
            for (size_t i = 0; i < n_input; ++i) dot += int32_t{weights[i]} * (int32_t{x[i]} - p.input_zero_point);
            dot = multiply_by_quantized_multiplier(dot, p.feature_to_state);
            state[f * memory + memory - 1] = static_cast<int16_t>(std::clamp(dot, -32768, 32767));
        }
        // Time filters.
        for (size_t f = 0; f < s.filters(); ++f) {
            const int16_t* weights = weights_time + (f % static_cast<size_t>(s.num_filters)) * memory;
            const int16_t* history = state + f * memory;
            int32_t dot = 0;
            for (size_t m = 0; m < memory; ++m) dot += int32_t{weights[m]} * int32_t{history[m]};
            scratch[f] = dot;
        }
        // Sum over rank, add the bias, requantise to the output.
        const size_t units = static_cast<size_t>(s.batch) * static_cast<size_t>(s.num_units);
        const auto rank = static_cast<size_t>(s.rank);
        int8_t* output = c.output<int8_t>(0);
        for (size_t u = 0; u < units; ++u) {
            int32_t total = 0;
            for (size_t r = 0; r < rank; ++r) total += scratch[u * rank + r];
            if (bias) total += bias[u % static_cast<size_t>(s.num_units)];
            const int32_t scaled = multiply_by_quantized_multiplier(total, p.state_to_output) + p.output_zero_point;
            output[u] = static_cast<int8_t>(std::clamp(scaled, -128, 127));
        }
        return {};
    });
}

Result<SvdfShape> svdf_shape(PrepareContext& ctx, int rank) {
    if (ctx.num_inputs() != 5 || ctx.num_outputs() != 1) return ctx.invalid("SVDF has 5 inputs and 1 output");
    for (int i : {int{kSvdfInput}, int{kWeightsFeature}, int{kWeightsTime}, int{kActivationState}})
        if (!ctx.has_input(i)) return ctx.invalid("input " + std::to_string(i) + " is missing");
    const TensorInfo& input = ctx.input(kSvdfInput);
    const TensorInfo& feature = ctx.input(kWeightsFeature);
    const TensorInfo& time = ctx.input(kWeightsTime);
    if (input.rank() != 2) return ctx.invalid("the input must be [batch, input size], not " + format_dims(input.shape));
    if (feature.rank() != 2 || time.rank() != 2) return ctx.invalid("the feature and time weights must be matrices");
    if (rank <= 0) return ctx.invalid("rank " + std::to_string(rank));
    SvdfShape s;
    s.batch = input.dim(0);
    s.input_size = input.dim(1);
    s.num_filters = feature.dim(0);
    s.memory_size = time.dim(1);
    s.rank = rank;
    if (s.num_filters % rank != 0)
        return ctx.invalid(std::to_string(s.num_filters) + " filters are not a multiple of rank " +
                           std::to_string(rank));
    s.num_units = s.num_filters / rank;
    if (feature.dim(1) != s.input_size)
        return ctx.invalid("feature weights " + format_dims(feature.shape) + " for input " + format_dims(input.shape));
    if (time.dim(0) != s.num_filters)
        return ctx.invalid("time weights " + format_dims(time.shape) + " for " + std::to_string(s.num_filters) +
                           " filters");
    if (ctx.has_input(kSvdfBias) && ctx.input(kSvdfBias).shape != std::vector<int32_t>{s.num_units})
        return ctx.invalid("bias " + format_dims(ctx.input(kSvdfBias).shape) + " for " + std::to_string(s.num_units) +
                           " units");
    const TensorInfo& state = ctx.input(kActivationState);
    if (state.storage != TensorStorage::kVariable) return ctx.unsupported("the activation state is not a variable");
    if (state.shape != std::vector<int32_t>{s.batch, s.memory_size * s.num_filters})
        return ctx.invalid("activation state " + format_dims(state.shape) + ", expected " +
                           format_dims({s.batch, s.memory_size * s.num_filters}));
    ctx.output(0).shape = {s.batch, s.num_units};
    return s;
}

Status expect_types(const PrepareContext& ctx, std::initializer_list<std::pair<int, DType>> inputs, DType output,
                    const char* variant) {
    for (const auto& [i, type] : inputs) {
        if (!ctx.has_input(i)) continue;
        if (ctx.input(i).type != type)
            return ctx.unsupported(std::string(variant) + " SVDF with input " + std::to_string(i) + " of type " +
                                   std::string(dtype_name(ctx.input(i).type)));
    }
    if (ctx.output(0).type != output)
        return ctx.unsupported(std::string(variant) + " SVDF with output of type " +
                               std::string(dtype_name(ctx.output(0).type)));
    return {};
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_svdf(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::SVDFOptionsT>();
    auto shape = svdf_shape(ctx, options.rank);
    if (!shape) return shape.error();
    const SvdfShape& s = *shape;
    const DType input = ctx.input(kSvdfInput).type;
    const DType feature = ctx.input(kWeightsFeature).type;
    ScratchLayout scratch;
    scratch.add<float>(s.filters());  // offset 0: one value per filter and batch (float or int32)

    if (input == DType::kInt8) {
        LITELAB_TRY(expect_types(ctx,
                                 {{kWeightsFeature, DType::kInt8},
                                  {kWeightsTime, DType::kInt16},
                                  {kSvdfBias, DType::kInt32},
                                  {kActivationState, DType::kInt16}},
                                 DType::kInt8, "int8"));
        // TFLite's integer SVDF is defined for RELU only (and clamps to int8 only).
        if (options.fused_activation_function != tflite::ActivationFunctionType_RELU)
            return ctx.unsupported(
                "int8 SVDF with fused activation " +
                std::string(tflite::EnumNameActivationFunctionType(options.fused_activation_function)));
        const QuantParams& in_q = ctx.input(kSvdfInput).quant;
        const QuantParams& state_q = ctx.input(kActivationState).quant;
        const QuantParams& out_q = ctx.output(0).quant;
        if (in_q.empty() || ctx.input(kWeightsFeature).quant.empty() || ctx.input(kWeightsTime).quant.empty() ||
            state_q.empty() || out_q.empty())
            return ctx.unsupported("int8 SVDF with an unquantised tensor");
        if (state_q.zero_point0() != 0) return ctx.unsupported("int16 activation state with a non-zero zero point");
        IntegerParams p;
        p.shape = s;
        p.feature_to_state = quantize_multiplier(static_cast<double>(in_q.scale0()) *
                                                 static_cast<double>(ctx.input(kWeightsFeature).quant.scale0()) /
                                                 static_cast<double>(state_q.scale0()));
        p.state_to_output = quantize_multiplier(static_cast<double>(state_q.scale0()) *
                                                static_cast<double>(ctx.input(kWeightsTime).quant.scale0()) /
                                                static_cast<double>(out_q.scale0()));
        p.input_zero_point = in_q.zero_point0();
        p.output_zero_point = out_q.zero_point0();
        ctx.request_scratch(scratch.bytes());
        return integer_kernel(p);
    }

    if (input != DType::kFloat32) return ctx.unsupported("input of type " + std::string(dtype_name(input)));
    Activation activation{};
    if (!activation_from_schema(options.fused_activation_function, activation))
        return ctx.unsupported("fused activation " +
                               std::string(tflite::EnumNameActivationFunctionType(options.fused_activation_function)));
    if (feature == DType::kFloat32) {
        LITELAB_TRY(expect_types(
            ctx, {{kWeightsTime, DType::kFloat32}, {kSvdfBias, DType::kFloat32}, {kActivationState, DType::kFloat32}},
            DType::kFloat32, "float"));
        ctx.request_scratch(scratch.bytes());
        return float_kernel(s, activation);
    }
    if (feature != DType::kInt8) return ctx.unsupported("feature weights of type " + std::string(dtype_name(feature)));
    LITELAB_TRY(expect_types(
        ctx, {{kWeightsTime, DType::kInt8}, {kSvdfBias, DType::kFloat32}, {kActivationState, DType::kFloat32}},
        DType::kFloat32, "hybrid"));
    if (ctx.input(kWeightsFeature).quant.scale.size() != 1 || ctx.input(kWeightsTime).quant.scale.size() != 1)
        return ctx.unsupported("hybrid SVDF weights without one per-tensor scale");
    // The time weights are multiplied in float: dequantise them once (TFLite does it on first use).
    const auto time_values = ctx.constant<int8_t>(kWeightsTime);
    if (time_values.empty()) return ctx.unsupported("hybrid SVDF with non-constant time weights");
    const float time_scale = ctx.input(kWeightsTime).quant.scale[0];
    std::vector<float> weights_time(time_values.size());
    for (size_t i = 0; i < time_values.size(); ++i) weights_time[i] = static_cast<float>(time_values[i]) * time_scale;
    const size_t q_offset = scratch.add<int8_t>(static_cast<size_t>(s.batch) * static_cast<size_t>(s.input_size));
    const size_t rows_offset = scratch.add<RowQuantization>(static_cast<size_t>(s.batch));
    ctx.request_scratch(scratch.bytes());
    return hybrid_kernel(s, activation, options.asymmetric_quantize_inputs, ctx.input(kWeightsFeature).quant.scale[0],
                         std::move(weights_time), q_offset, rows_offset);
}

}  // namespace litelab::recurrent
