// Typed helpers for the compute operators: convolutions, matrix products, activations,
// pooling, reductions and the fused LSTM.
#include "import/common/emit_ops.h"

namespace litelab::emit {

namespace {

template <class T>
tflite::BuiltinOptionsUnion options_of(T table) {
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(table));
    return u;
}

int32_t axes_constant(TfliteEmitter& e, const std::string& name, const std::vector<int32_t>& values) {
    return e.constant(name, {static_cast<int32_t>(values.size())}, std::span<const int32_t>(values));
}

}  // namespace

Result<int32_t> conv_2d(TfliteEmitter& e, int32_t input, int32_t filter, int32_t bias, const ConvParams& p,
                        const std::string& name) {
    tflite::Conv2DOptionsT o;
    o.padding = p.padding;
    o.stride_h = p.stride_h;
    o.stride_w = p.stride_w;
    o.dilation_h_factor = p.dilation_h;
    o.dilation_w_factor = p.dilation_w;
    o.fused_activation_function = p.activation;
    return e.op(tflite::BuiltinOperator_CONV_2D, {input, filter, bias}, name, options_of(o));
}

Result<int32_t> depthwise_conv_2d(TfliteEmitter& e, int32_t input, int32_t filter, int32_t bias, int multiplier,
                                  const ConvParams& p, const std::string& name) {
    tflite::DepthwiseConv2DOptionsT o;
    o.padding = p.padding;
    o.stride_h = p.stride_h;
    o.stride_w = p.stride_w;
    o.depth_multiplier = multiplier;
    o.dilation_h_factor = p.dilation_h;
    o.dilation_w_factor = p.dilation_w;
    o.fused_activation_function = p.activation;
    return e.op(tflite::BuiltinOperator_DEPTHWISE_CONV_2D, {input, filter, bias}, name, options_of(o));
}

Result<int32_t> transpose_conv(TfliteEmitter& e, int32_t input, int32_t filter, int32_t bias, int32_t out_h,
                               int32_t out_w, const ConvParams& p, const std::string& name) {
    if (p.dilation_h != 1 || p.dilation_w != 1)
        return make_error(ErrorCode::kUnsupported, name + ": TRANSPOSE_CONV has no dilation");
    const int32_t channels = e.shape(filter).empty() ? 0 : e.shape(filter)[0];
    // [batch, out_h, out_w, out]: the batch is read from the input when it is dynamic.
    int32_t output_shape = -1;
    const std::vector<int32_t> rest{out_h, out_w, channels};
    if (e.signature(input).at(0) < 0) {
        OpCall shape_call;
        shape_call.code = tflite::BuiltinOperator_SHAPE;
        shape_call.inputs = {input};
        shape_call.name = name + "/input_shape";
        shape_call.output_type = DType::kInt32;
        tflite::ShapeOptionsT so;
        so.out_type = tflite::TensorType_INT32;
        shape_call.options = options_of(so);
        auto shape = e.op(shape_call);
        if (!shape) return shape.error();
        StridedSliceMasks masks;
        masks.shrink_axis_mask = 0;
        auto batch = strided_slice(e, shape->front(), {0}, {1}, {1}, masks, name + "/batch");
        if (!batch) return batch.error();
        const int32_t tail = axes_constant(e, name + "/spatial_and_channels", rest);
        auto joined = concatenation(e, {*batch, tail}, 0, name + "/output_shape");
        if (!joined) return joined.error();
        output_shape = *joined;
    } else {
        std::vector<int32_t> full{e.shape(input).at(0)};
        full.insert(full.end(), rest.begin(), rest.end());
        output_shape = axes_constant(e, name + "/output_shape", full);
    }
    tflite::TransposeConvOptionsT o;
    o.padding = p.padding;
    o.stride_h = p.stride_h;
    o.stride_w = p.stride_w;
    o.fused_activation_function = p.activation;
    OpCall call;
    call.code = tflite::BuiltinOperator_TRANSPOSE_CONV;
    call.inputs = {output_shape, filter, input, bias};
    call.options = options_of(o);
    call.name = name;
    call.output_type = e.type(input);
    auto out = e.op(call);
    if (!out) return out.error();
    return out->front();
}

Result<int32_t> fully_connected(TfliteEmitter& e, int32_t input, int32_t weights, int32_t bias, bool keep_num_dims,
                                Activation activation, const std::string& name) {
    tflite::FullyConnectedOptionsT o;
    o.keep_num_dims = keep_num_dims;
    o.fused_activation_function = activation;
    return e.op(tflite::BuiltinOperator_FULLY_CONNECTED, {input, weights, bias}, name, options_of(o));
}

Result<int32_t> batch_matmul(TfliteEmitter& e, int32_t a, int32_t b, bool adj_x, bool adj_y, const std::string& name) {
    tflite::BatchMatMulOptionsT o;
    o.adj_x = adj_x;
    o.adj_y = adj_y;
    return e.op(tflite::BuiltinOperator_BATCH_MATMUL, {a, b}, name, options_of(o));
}

Result<int32_t> binary(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t a, int32_t b, const std::string& name,
                       Activation activation) {
    tflite::BuiltinOptionsUnion options;
    switch (code) {
        case tflite::BuiltinOperator_ADD: {
            tflite::AddOptionsT o;
            o.fused_activation_function = activation;
            options = options_of(o);
            break;
        }
        case tflite::BuiltinOperator_SUB: {
            tflite::SubOptionsT o;
            o.fused_activation_function = activation;
            options = options_of(o);
            break;
        }
        case tflite::BuiltinOperator_MUL: {
            tflite::MulOptionsT o;
            o.fused_activation_function = activation;
            options = options_of(o);
            break;
        }
        case tflite::BuiltinOperator_DIV: {
            tflite::DivOptionsT o;
            o.fused_activation_function = activation;
            options = options_of(o);
            break;
        }
        default:
            if (activation != kNoActivation)
                return make_error(ErrorCode::kInvalid, name + ": " + tflite::EnumNameBuiltinOperator(code) +
                                                           " has no fused activation");
            break;
    }
    return e.op(code, {a, b}, name, std::move(options));
}

Result<int32_t> unary(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, const std::string& name) {
    return e.op(code, {x}, name);
}

Result<int32_t> leaky_relu(TfliteEmitter& e, int32_t x, float alpha, const std::string& name) {
    tflite::LeakyReluOptionsT o;
    o.alpha = alpha;
    return e.op(tflite::BuiltinOperator_LEAKY_RELU, {x}, name, options_of(o));
}

Result<int32_t> prelu(TfliteEmitter& e, int32_t x, int32_t alpha, const std::string& name) {
    return e.op(tflite::BuiltinOperator_PRELU, {x, alpha}, name);
}

Result<int32_t> gelu(TfliteEmitter& e, int32_t x, bool approximate, const std::string& name) {
    tflite::GeluOptionsT o;
    o.approximate = approximate;
    return e.op(tflite::BuiltinOperator_GELU, {x}, name, options_of(o));
}

Result<int32_t> softmax(TfliteEmitter& e, int32_t x, float beta, const std::string& name) {
    tflite::SoftmaxOptionsT o;
    o.beta = beta;
    return e.op(tflite::BuiltinOperator_SOFTMAX, {x}, name, options_of(o));
}

Result<int32_t> log_softmax(TfliteEmitter& e, int32_t x, const std::string& name) {
    return e.op(tflite::BuiltinOperator_LOG_SOFTMAX, {x}, name, options_of(tflite::LogSoftmaxOptionsT{}));
}

Result<int32_t> cast(TfliteEmitter& e, int32_t x, DType to, const std::string& name) {
    tflite::CastOptionsT o;
    o.in_data_type = static_cast<tflite::TensorType>(e.type(x));
    o.out_data_type = static_cast<tflite::TensorType>(to);
    OpCall call;
    call.code = tflite::BuiltinOperator_CAST;
    call.inputs = {x};
    call.options = options_of(o);
    call.name = name;
    call.output_type = to;
    auto out = e.op(call);
    if (!out) return out.error();
    return out->front();
}

Result<int32_t> pool_2d(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, const PoolParams& p,
                        const std::string& name) {
    tflite::Pool2DOptionsT o;
    o.padding = p.padding;
    o.stride_h = p.stride_h;
    o.stride_w = p.stride_w;
    o.filter_height = p.filter_h;
    o.filter_width = p.filter_w;
    o.fused_activation_function = p.activation;
    return e.op(code, {x}, name, options_of(o));
}

Result<int32_t> reduce(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, const std::vector<int32_t>& axes,
                       bool keep_dims, const std::string& name) {
    tflite::ReducerOptionsT o;
    o.keep_dims = keep_dims;
    const int32_t axes_tensor = axes_constant(e, name + "/axes", axes);
    return e.op(code, {x, axes_tensor}, name, options_of(o));
}

Result<int32_t> unidirectional_lstm(TfliteEmitter& e, int32_t input, const LstmWeights& w, int32_t units,
                                    const LstmParams& p, const std::string& name) {
    const int32_t output_state = e.variable(name + "/output_state", DType::kFloat32, {-1, units});
    const int32_t cell_state = e.variable(name + "/cell_state", DType::kFloat32, {-1, units});
    std::vector<int32_t> inputs{input};
    for (int32_t t : w.input_weights) inputs.push_back(t);
    for (int32_t t : w.recurrent_weights) inputs.push_back(t);
    for (int i = 0; i < 3; ++i) inputs.push_back(-1);  // no peepholes
    for (int32_t t : w.biases) inputs.push_back(t);
    inputs.push_back(-1);  // no projection
    inputs.push_back(-1);
    inputs.push_back(output_state);
    inputs.push_back(cell_state);
    for (int i = 0; i < 4; ++i) inputs.push_back(-1);  // no layer normalisation
    tflite::UnidirectionalSequenceLSTMOptionsT o;
    o.fused_activation_function = p.activation;
    o.cell_clip = p.cell_clip;
    o.time_major = p.time_major;
    return e.op(tflite::BuiltinOperator_UNIDIRECTIONAL_SEQUENCE_LSTM, std::move(inputs), name, options_of(o));
}

}  // namespace litelab::emit
