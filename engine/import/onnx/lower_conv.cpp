// Conv (1-D, 2-D, 3-D; groups, dilations, explicit or automatic padding) as CONV_2D,
// DEPTHWISE_CONV_2D or CONV_3D on channels-last tensors. Weights are rearranged at import;
// 1-D convolutions run as 2-D over a height of 1; other groupings split the channels.
#include "import/onnx/lowering_table.h"
#include "import/onnx/tensor_math.h"
#include "import/onnx/window_geometry.h"

namespace litelab::onnx {

namespace {

tflite::Padding tflite_padding(const WindowGeometry& g, bool& needs_pad) {
    needs_pad = false;
    if (g.unpadded()) return tflite::Padding_VALID;
    if (g.matches_same()) return tflite::Padding_SAME;
    needs_pad = true;
    return tflite::Padding_VALID;
}

// Slices `t` (dims[axis]) to [begin, begin + count).
OnnxTensor take(const OnnxTensor& t, size_t axis, int64_t begin, int64_t count) {
    std::vector<SliceRange> ranges;
    for (int64_t d : t.dims) ranges.push_back({0, d, 1});
    ranges[axis] = {begin, count, 1};
    return slice_tensor(t, ranges);
}

struct ConvParts {
    int32_t input;            // channels-last, rank 4 (2-D) or 5 (3-D)
    OnnxTensor weights;       // ONNX layout [O, I/g, k...] with 2 or 3 spatial axes
    OnnxTensor bias;          // [O]
    WindowGeometry geometry;  // 2 or 3 axes
    int64_t groups;
    std::string name;
};

// One convolution without groups (or depthwise): returns the channels-last output tensor.
int32_t emit_single_conv(Lowering& L, const ConvParts& p, int32_t input, const OnnxTensor& w, const OnnxTensor& b,
                         bool depthwise) {
    const WindowGeometry& g = p.geometry;
    const size_t axes = g.axes();
    bool needs_pad = false;
    const tflite::Padding padding = tflite_padding(g, needs_pad);
    if (needs_pad) {
        std::vector<int64_t> before{0}, after{0};
        for (size_t i = 0; i < axes; ++i) {
            before.push_back(g.pad_begin[i]);
            after.push_back(g.pad_end[i]);
        }
        before.push_back(0);
        after.push_back(0);
        input = emit_pad(L, input, before, after, 0.0f, p.name);
    }
    const auto& in_shape = L.stored_shape(input);
    const int64_t out_channels = w.dims[0];
    std::vector<int64_t> out_shape{in_shape[0]};
    for (size_t i = 0; i < axes; ++i) out_shape.push_back(g.output[i]);
    out_shape.push_back(out_channels);
    const int32_t out = L.temp(p.name, DType::kFloat32, out_shape);
    const int32_t bias = L.constant_tensor(p.name + "_bias", b);
    if (axes == 3) {
        const int32_t filter = L.constant_tensor(p.name + "_filter", transpose_tensor(w, {2, 3, 4, 1, 0}));
        tflite::Conv3DOptionsT o;
        o.padding = padding;
        o.stride_d = static_cast<int32_t>(g.stride[0]);
        o.stride_h = static_cast<int32_t>(g.stride[1]);
        o.stride_w = static_cast<int32_t>(g.stride[2]);
        o.dilation_d_factor = static_cast<int32_t>(g.dilation[0]);
        o.dilation_h_factor = static_cast<int32_t>(g.dilation[1]);
        o.dilation_w_factor = static_cast<int32_t>(g.dilation[2]);
        L.op(tflite::BuiltinOperator_CONV_3D, {input, filter, bias}, {out}, options_of(o));
    } else if (depthwise) {
        const int32_t filter = L.constant_tensor(p.name + "_filter", transpose_tensor(w, {1, 2, 3, 0}));
        tflite::DepthwiseConv2DOptionsT o;
        o.padding = padding;
        o.stride_h = static_cast<int32_t>(g.stride[0]);
        o.stride_w = static_cast<int32_t>(g.stride[1]);
        o.dilation_h_factor = static_cast<int32_t>(g.dilation[0]);
        o.dilation_w_factor = static_cast<int32_t>(g.dilation[1]);
        o.depth_multiplier = static_cast<int32_t>(out_channels / in_shape.back());
        L.op(tflite::BuiltinOperator_DEPTHWISE_CONV_2D, {input, filter, bias}, {out}, options_of(o), 2);
    } else {
        const int32_t filter = L.constant_tensor(p.name + "_filter", transpose_tensor(w, {0, 2, 3, 1}));
        tflite::Conv2DOptionsT o;
        o.padding = padding;
        o.stride_h = static_cast<int32_t>(g.stride[0]);
        o.stride_w = static_cast<int32_t>(g.stride[1]);
        o.dilation_h_factor = static_cast<int32_t>(g.dilation[0]);
        o.dilation_w_factor = static_cast<int32_t>(g.dilation[1]);
        L.op(tflite::BuiltinOperator_CONV_2D, {input, filter, bias}, {out}, options_of(o));
    }
    return out;
}

int32_t emit_conv(Lowering& L, const ConvParts& p) {
    const auto& in_shape = L.stored_shape(p.input);
    const int64_t in_channels = in_shape.back();
    const int64_t out_channels = p.weights.dims[0];
    if (p.groups == 1) return emit_single_conv(L, p, p.input, p.weights, p.bias, false);
    if (p.groups == in_channels && p.weights.dims[1] == 1 && p.geometry.axes() == 2) {
        return emit_single_conv(L, p, p.input, p.weights, p.bias, true);
    }
    // Grouped: SPLIT the channels, one convolution per group, CONCATENATION of the results.
    const int64_t in_per_group = in_channels / p.groups, out_per_group = out_channels / p.groups;
    const int rank = static_cast<int>(in_shape.size());
    std::vector<int64_t> part_shape(in_shape.begin(), in_shape.end());
    part_shape.back() = in_per_group;
    std::vector<int32_t> parts;
    for (int64_t k = 0; k < p.groups; ++k) parts.push_back(L.temp(p.name + "_group_in", DType::kFloat32, part_shape));
    const int32_t axis = L.int32_constant(p.name + "_split_axis", {}, {rank - 1});
    tflite::SplitOptionsT so;
    so.num_splits = static_cast<int32_t>(p.groups);
    L.op(tflite::BuiltinOperator_SPLIT, {axis, p.input}, parts, options_of(so));
    std::vector<int32_t> outs;
    for (int64_t k = 0; k < p.groups; ++k) {
        outs.push_back(emit_single_conv(L, p, parts[static_cast<size_t>(k)],
                                        take(p.weights, 0, k * out_per_group, out_per_group),
                                        take(p.bias, 0, k * out_per_group, out_per_group), false));
    }
    const auto first_shape = L.stored_shape(outs[0]);
    std::vector<int64_t> out_shape(first_shape.begin(), first_shape.end());
    out_shape.back() = out_channels;
    const int32_t out = L.temp(p.name, DType::kFloat32, out_shape);
    tflite::ConcatenationOptionsT co;
    co.axis = rank - 1;
    L.op(tflite::BuiltinOperator_CONCATENATION, outs, {out}, options_of(co));
    return out;
}

Status lower_conv(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    const auto& shape = L.shape(x);
    const int rank = L.rank(x);
    if (rank < 3 || rank > 5)
        return node_error("input of rank " + std::to_string(rank) + " (1-D to 3-D convolutions only)");
    if (L.type(x) != DType::kFloat32) return node_error("input of type " + std::string(dtype_name(L.type(x))));
    const OnnxTensor* w = n.inputs.size() > 1 ? L.constant(n.inputs[1]) : nullptr;
    if (!w) return node_error("the weights must be constant");
    const int64_t groups = n.int_attr("group", 1);
    const int64_t channels = shape[1];
    if (w->dims.size() != static_cast<size_t>(rank) || groups < 1 || channels % groups != 0 ||
        w->dims[1] * groups != channels || w->dims[0] % groups != 0) {
        return node_error("weights " + format_shape(w->dims) + " do not fit input " + format_shape(shape) + " with " +
                          std::to_string(groups) + " group(s)");
    }
    std::vector<int64_t> kernel(w->dims.begin() + 2, w->dims.end());
    if (n.has("kernel_shape") && n.ints_attr("kernel_shape") != kernel) {
        return node_error("kernel_shape " + format_shape(n.ints_attr("kernel_shape")) + " does not match the weights " +
                          format_shape(w->dims));
    }
    OnnxTensor bias = float_tensor({w->dims[0]}, std::vector<float>(static_cast<size_t>(w->dims[0]), 0.0f));
    if (n.has_input(2)) {
        const OnnxTensor* b = L.constant(n.inputs[2]);
        if (!b || b->size() != w->dims[0])
            return node_error("the bias must be a constant of " + std::to_string(w->dims[0]) + " values");
        bias = *b;
        bias.dims = {w->dims[0]};
    }
    std::vector<int64_t> spatial(shape.begin() + 2, shape.end());
    auto geometry = window_geometry(n, spatial, kernel, false);
    if (!geometry) return geometry.error();

    ConvParts p{L.tensor(x, channels_last_order(rank)), *w, bias, *geometry, groups, n.outputs[0]};
    if (rank == 3) {
        // 1-D: [N, W, C] -> [N, 1, W, C] and a [O, I, 1, k] kernel.
        const auto& s = L.stored_shape(p.input);
        p.input = L.emit_reshape(p.input, {s[0], 1, s[1], s[2]}, n.outputs[0] + "_as_2d");
        p.weights.dims.insert(p.weights.dims.begin() + 2, 1);
        auto g = *geometry;
        g.input.insert(g.input.begin(), 1);
        g.kernel.insert(g.kernel.begin(), 1);
        g.stride.insert(g.stride.begin(), 1);
        g.dilation.insert(g.dilation.begin(), 1);
        g.pad_begin.insert(g.pad_begin.begin(), 0);
        g.pad_end.insert(g.pad_end.begin(), 0);
        g.ceil_extra.insert(g.ceil_extra.begin(), 0);
        g.output.insert(g.output.begin(), 1);
        p.geometry = g;
        const int32_t out2d = emit_conv(L, p);
        std::vector<int64_t> out_shape{shape[0], w->dims[0], geometry->output[0]};
        const int32_t out = L.define_new(n.outputs[0], DType::kFloat32, out_shape, channels_last_order(3));
        L.emit_reshape_into(out2d, out);
        return {};
    }
    const int32_t out = emit_conv(L, p);
    std::vector<int64_t> out_shape{shape[0], w->dims[0]};
    out_shape.insert(out_shape.end(), geometry->output.begin(), geometry->output.end());
    L.define(n.outputs[0], DType::kFloat32, out_shape, channels_last_order(rank), out);
    return {};
}

}  // namespace

void register_conv_lowerings(LoweringTable& t) {
    t["Conv"] = lower_conv;
}

}  // namespace litelab::onnx
