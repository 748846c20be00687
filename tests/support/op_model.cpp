#include "support/op_model.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "runtime/interpreter.h"

namespace litelab::test {

std::vector<float> iota_floats(int n) {
    std::vector<float> values;
    for (int i = 0; i < n; ++i) values.push_back(static_cast<float>(i));
    return values;
}

Quantization quant(float scale, int64_t zero_point) {
    Quantization q;
    q.scale = {scale};
    q.zero_point = {zero_point};
    return q;
}

Quantization channel_quant(std::vector<float> scales, int32_t axis) {
    std::vector<int64_t> zero_points(scales.size(), 0);
    return channel_quant(std::move(scales), std::move(zero_points), axis);
}

Quantization channel_quant(std::vector<float> scales, std::vector<int64_t> zero_points, int32_t axis) {
    Quantization q;
    q.scale = std::move(scales);
    q.zero_point = std::move(zero_points);
    q.quantized_dimension = axis;
    return q;
}

Operand activation(DType type, std::vector<int32_t> shape, std::optional<Quantization> q) {
    return {type, std::move(shape), std::move(q), {}, false};
}
Operand plain(DType type, std::vector<int32_t> shape) { return activation(type, std::move(shape)); }
Operand f32(std::vector<int32_t> shape) { return activation(DType::kFloat32, std::move(shape)); }
Operand quantized(DType type, std::vector<int32_t> shape, float scale, int64_t zero_point) {
    return activation(type, std::move(shape), quant(scale, zero_point));
}
Operand omitted() { return {DType::kFloat32, {}, std::nullopt, {}, true}; }

Model single_op(tflite::BuiltinOperator op, const std::vector<Operand>& inputs, const Operand& output,
                tflite::BuiltinOptionsUnion options, int32_t version) {
    ModelBuilder b;
    std::vector<int32_t> op_inputs;
    std::vector<int32_t> model_inputs;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const Operand& o = inputs[i];
        if (o.omitted) {
            op_inputs.push_back(-1);
            continue;
        }
        op_inputs.push_back(b.add_tensor("in" + std::to_string(i), o.type, o.shape, o.data, o.quant));
        if (o.data.empty()) model_inputs.push_back(op_inputs.back());
    }
    const int32_t out = b.add_tensor("out", output.type, output.shape, {}, output.quant);
    b.add_operator(op, op_inputs, {out}, std::move(options), version);
    b.set_inputs(model_inputs);
    b.set_outputs({out});
    return std::move(b).finish();
}

Model finish_lstm(ModelBuilder&& b, const std::vector<int32_t>& inputs, int32_t output,
                  tflite::BuiltinOptionsUnion options, std::vector<int32_t> intermediates) {
    b.add_operator(tflite::BuiltinOperator_UNIDIRECTIONAL_SEQUENCE_LSTM, inputs, {output}, std::move(options));
    b.set_inputs({inputs[0]});
    b.set_outputs({output});
    Model m = std::move(b).finish();
    Subgraph& g = m.subgraphs[0];
    g.operators[0].intermediates = std::move(intermediates);
    g.tensors[static_cast<size_t>(inputs[18])].is_variable = true;
    g.tensors[static_cast<size_t>(inputs[19])].is_variable = true;
    return m;
}

int32_t OpModel::input(DType type, std::vector<int32_t> shape, std::optional<Quantization> q) {
    inputs_.push_back(
        builder_.add_tensor("in" + std::to_string(inputs_.size()), type, std::move(shape), {}, std::move(q)));
    return inputs_.back();
}

int32_t OpModel::output(DType type, std::optional<Quantization> q) {
    outputs_.push_back(builder_.add_tensor("out" + std::to_string(outputs_.size()), type, {}, {}, std::move(q)));
    return outputs_.back();
}

int32_t OpModel::intermediate(DType type, std::optional<Quantization> q) {
    return builder_.add_tensor("mid", type, {}, {}, std::move(q));
}

void OpModel::op(tflite::BuiltinOperator code, std::vector<int32_t> ins, tflite::BuiltinOptionsUnion options) {
    builder_.add_operator(code, std::move(ins), outputs_, std::move(options));
}

void OpModel::op(tflite::BuiltinOperator code, std::vector<int32_t> ins, std::vector<int32_t> outs,
                 tflite::BuiltinOptionsUnion options) {
    builder_.add_operator(code, std::move(ins), std::move(outs), std::move(options));
}

Model OpModel::model() const {
    ModelBuilder b = builder_;
    b.set_inputs(inputs_);
    b.set_outputs(outputs_);
    return std::move(b).finish();
}

RunOutcome OpModel::run(const std::vector<Bytes>& inputs) const { return try_run(model(), inputs); }

RunOutcome try_run(const Model& model, const std::vector<Bytes>& inputs, int threads) {
    RunOutcome r;
    CompileOptions options;
    options.threads = threads;
    auto interpreter = Interpreter::compile(model, options);
    if (!interpreter) {
        r.error = interpreter.error().message;
        r.code = interpreter.error().code;
        return r;
    }
    Execution execution(*interpreter);
    for (size_t i = 0; i < inputs.size(); ++i) {
        const auto to = execution.input(i);
        EXPECT_EQ(to.size(), inputs[i].size()) << "input " << i;
        std::memcpy(to.data(), inputs[i].data(), std::min(to.size(), inputs[i].size()));
    }
    if (const Status status = execution.run(); !status) {
        r.error = status.error().message;
        r.code = status.error().code;
        return r;
    }
    for (size_t o = 0; o < (*interpreter)->outputs().size(); ++o) {
        r.shapes.push_back((*interpreter)->output_info(o).shape);
        const auto out = execution.output(o);
        r.outputs.emplace_back(out.begin(), out.end());
    }
    return r;
}

RunOutcome run_checked(const Model& model, const std::vector<Bytes>& inputs, int threads) {
    RunOutcome r = try_run(model, inputs, threads);
    EXPECT_EQ(r.error, "");
    return r;
}

Result<Output> only_output(const RunOutcome& outcome) {
    if (!outcome.error.empty()) return make_error(outcome.code, outcome.error);
    EXPECT_EQ(outcome.outputs.size(), 1u);
    if (outcome.outputs.empty()) return make_error(ErrorCode::kInvalid, "the model gave no output");
    return Output{outcome.shapes[0], outcome.outputs[0]};
}

std::string compile_error(const Model& model) {
    auto interpreter = Interpreter::compile(model);
    return interpreter ? std::string() : interpreter.error().message;
}

std::string refusal(const Model& model) {
    auto interpreter = Interpreter::compile(model);
    EXPECT_FALSE(interpreter.ok());
    if (interpreter.ok()) return "";
    EXPECT_EQ(interpreter.error().code, ErrorCode::kUnsupported) << interpreter.error().message;
    return interpreter.error().message;
}

tflite::BuiltinOptionsUnion conv_options(tflite::Padding padding, int stride_h, int stride_w,
                                         tflite::ActivationFunctionType activation, int dilation_h, int dilation_w,
                                         tflite::TensorType bias_type) {
    tflite::Conv2DOptionsT o;
    o.padding = padding;
    o.stride_h = stride_h;
    o.stride_w = stride_w;
    o.fused_activation_function = activation;
    o.dilation_h_factor = dilation_h;
    o.dilation_w_factor = dilation_w;
    o.quantized_bias_type = bias_type;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion depthwise_options(tflite::Padding padding, int stride_h, int stride_w,
                                              int depth_multiplier, tflite::ActivationFunctionType activation,
                                              int dilation_h, int dilation_w) {
    tflite::DepthwiseConv2DOptionsT o;
    o.padding = padding;
    o.stride_h = stride_h;
    o.stride_w = stride_w;
    o.depth_multiplier = depth_multiplier;
    o.fused_activation_function = activation;
    o.dilation_h_factor = dilation_h;
    o.dilation_w_factor = dilation_w;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion transpose_conv_options(tflite::Padding padding, int stride_h, int stride_w,
                                                   tflite::ActivationFunctionType activation,
                                                   tflite::TensorType bias_type) {
    tflite::TransposeConvOptionsT o;
    o.padding = padding;
    o.stride_h = stride_h;
    o.stride_w = stride_w;
    o.fused_activation_function = activation;
    o.quantized_bias_type = bias_type;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion pool_options(tflite::Padding padding, int stride_h, int stride_w, int filter_h,
                                         int filter_w, tflite::ActivationFunctionType activation) {
    tflite::Pool2DOptionsT o;
    o.padding = padding;
    o.stride_h = stride_h;
    o.stride_w = stride_w;
    o.filter_height = filter_h;
    o.filter_width = filter_w;
    o.fused_activation_function = activation;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion fc_options(tflite::ActivationFunctionType activation, bool keep_num_dims, bool asymmetric) {
    tflite::FullyConnectedOptionsT o;
    o.fused_activation_function = activation;
    o.keep_num_dims = keep_num_dims;
    o.asymmetric_quantize_inputs = asymmetric;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion bmm_options(bool adj_x, bool adj_y, bool asymmetric) {
    tflite::BatchMatMulOptionsT o;
    o.adj_x = adj_x;
    o.adj_y = adj_y;
    o.asymmetric_quantize_inputs = asymmetric;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion softmax_options(float beta) {
    tflite::SoftmaxOptionsT o;
    o.beta = beta;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion reducer_options(bool keep_dims) {
    tflite::ReducerOptionsT o;
    o.keep_dims = keep_dims;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion arg_max_options(tflite::TensorType output_type) {
    tflite::ArgMaxOptionsT o;
    o.output_type = output_type;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion arg_min_options(tflite::TensorType output_type) {
    tflite::ArgMinOptionsT o;
    o.output_type = output_type;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion lstm_options(float cell_clip, float proj_clip, bool time_major, bool asymmetric) {
    tflite::UnidirectionalSequenceLSTMOptionsT o;
    o.fused_activation_function = tflite::ActivationFunctionType_TANH;
    o.cell_clip = cell_clip;
    o.proj_clip = proj_clip;
    o.time_major = time_major;
    o.asymmetric_quantize_inputs = asymmetric;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion leaky_relu_options(float alpha) {
    tflite::LeakyReluOptionsT o;
    o.alpha = alpha;
    return options_of(std::move(o));
}

tflite::BuiltinOptionsUnion gelu_options(bool approximate) {
    tflite::GeluOptionsT o;
    o.approximate = approximate;
    return options_of(std::move(o));
}

}  // namespace litelab::test
