// ConvTranspose (1-D, 2-D, 3-D) as TRANSPOSE_CONV / CONV_3D_TRANSPOSE with VALID padding on
// channels-last tensors. Dilation becomes zeros inserted into the kernel; ONNX's pads and
// output_padding become a SLICE (and a PAD) of the full result, with the bias added after it.
#include "import/onnx/lowering_table.h"
#include "import/onnx/tensor_math.h"
#include "import/onnx/window_geometry.h"

namespace litelab::onnx {

namespace {

// Kernel [I, O, k...] with (d - 1) zeros between taps along each spatial axis.
OnnxTensor dilated_kernel(const OnnxTensor& w, const std::vector<int64_t>& dilation) {
    bool any = false;
    for (int64_t d : dilation) any = any || d != 1;
    if (!any) return w;
    const size_t axes = dilation.size();
    OnnxTensor out;
    out.type = DType::kFloat32;
    out.dims = {w.dims[0], w.dims[1]};
    for (size_t i = 0; i < axes; ++i) out.dims.push_back((w.dims[2 + i] - 1) * dilation[i] + 1);
    out.floats.assign(static_cast<size_t>(out.size()), 0.0f);
    const int64_t n = w.size();
    std::vector<int64_t> index(w.dims.size(), 0);
    for (int64_t k = 0; k < n; ++k) {
        int64_t dst = 0;
        for (size_t i = 0; i < w.dims.size(); ++i) {
            const int64_t pos = i >= 2 ? index[i] * dilation[i - 2] : index[i];
            dst = dst * out.dims[i] + pos;
        }
        out.floats[static_cast<size_t>(dst)] = w.floats[static_cast<size_t>(k)];
        for (size_t i = w.dims.size(); i-- > 0;) {
            if (++index[i] < w.dims[i]) break;
            index[i] = 0;
        }
    }
    return out;
}

OnnxTensor take(const OnnxTensor& t, size_t axis, int64_t begin, int64_t count) {
    std::vector<SliceRange> ranges;
    for (int64_t d : t.dims) ranges.push_back({0, d, 1});
    ranges[axis] = {begin, count, 1};
    return slice_tensor(t, ranges);
}

// One transposed convolution without groups; `w` is [I, O, k...] (already dilated).
int32_t emit_full(Lowering& L, int32_t input, const OnnxTensor& w, const std::vector<int64_t>& stride,
                  const OnnxTensor* bias, const std::string& name) {
    const auto& in = L.stored_shape(input);
    const size_t axes = w.dims.size() - 2;
    std::vector<int64_t> out_shape{in[0]};
    for (size_t i = 0; i < axes; ++i) out_shape.push_back((in[1 + i] - 1) * stride[i] + w.dims[2 + i]);
    out_shape.push_back(w.dims[1]);
    const int32_t out = L.temp(name, DType::kFloat32, out_shape);
    const int32_t shape = L.int32_constant(name + "_output_shape", {static_cast<int64_t>(out_shape.size())}, out_shape);
    if (axes == 3) {
        // CONV_3D_TRANSPOSE's filter is [kd, kh, kw, out, in].
        const int32_t filter = L.constant_tensor(name + "_filter", transpose_tensor(w, {2, 3, 4, 1, 0}));
        tflite::Conv3DOptionsT o;
        o.padding = tflite::Padding_VALID;
        o.stride_d = static_cast<int32_t>(stride[0]);
        o.stride_h = static_cast<int32_t>(stride[1]);
        o.stride_w = static_cast<int32_t>(stride[2]);
        std::vector<int32_t> inputs{shape, filter, input};
        if (bias) inputs.push_back(L.constant_tensor(name + "_bias", *bias));
        L.op(tflite::BuiltinOperator_CONV_3D_TRANSPOSE, inputs, {out}, options_of(o));
    } else {
        // TRANSPOSE_CONV's filter is [out, kh, kw, in].
        const int32_t filter = L.constant_tensor(name + "_filter", transpose_tensor(w, {1, 2, 3, 0}));
        tflite::TransposeConvOptionsT o;
        o.padding = tflite::Padding_VALID;
        o.stride_h = static_cast<int32_t>(stride[0]);
        o.stride_w = static_cast<int32_t>(stride[1]);
        std::vector<int32_t> inputs{shape, filter, input};
        if (bias) inputs.push_back(L.constant_tensor(name + "_bias", *bias));
        L.op(tflite::BuiltinOperator_TRANSPOSE_CONV, inputs, {out}, options_of(o), bias ? 3 : 1);
    }
    return out;
}

Status lower_conv_transpose(Lowering& L, const OnnxNode& n) {
    L.fix_batch(n.op_type);  // TRANSPOSE_CONV's output shape operand holds the batch
    const std::string& x = n.inputs[0];
    const auto& shape = L.shape(x);
    const int rank = L.rank(x);
    if (rank < 3 || rank > 5) return node_error("input of rank " + std::to_string(rank));
    const OnnxTensor* w = n.inputs.size() > 1 ? L.constant(n.inputs[1]) : nullptr;
    if (!w) return node_error("the weights must be constant");
    const int64_t groups = n.int_attr("group", 1);
    if (w->dims.size() != static_cast<size_t>(rank) || groups < 1 || w->dims[0] != shape[1] || shape[1] % groups != 0) {
        return node_error("weights " + format_shape(w->dims) + " do not fit input " + format_shape(shape));
    }
    const size_t axes = static_cast<size_t>(rank - 2);
    const int64_t out_channels = w->dims[1] * groups;
    std::vector<int64_t> stride = n.ints_attr("strides"), dilation = n.ints_attr("dilations");
    std::vector<int64_t> output_padding = n.ints_attr("output_padding"), pads = n.ints_attr("pads");
    if (stride.empty()) stride.assign(axes, 1);
    if (dilation.empty()) dilation.assign(axes, 1);
    if (output_padding.empty()) output_padding.assign(axes, 0);
    if (pads.empty()) pads.assign(2 * axes, 0);
    if (stride.size() != axes || dilation.size() != axes || output_padding.size() != axes || pads.size() != 2 * axes) {
        return node_error("strides, dilations, pads or output_padding do not fit " + std::to_string(axes) + " axes");
    }
    const OnnxTensor kernel = dilated_kernel(*w, dilation);
    std::vector<int64_t> full(axes), out(axes), begin(axes);
    const std::string auto_pad = n.string_attr("auto_pad", "NOTSET");
    const std::vector<int64_t> output_shape = n.ints_attr("output_shape");
    for (size_t i = 0; i < axes; ++i) {
        const int64_t in = shape[2 + i];
        full[i] = (in - 1) * stride[i] + kernel.dims[2 + i];
        int64_t target = -1;
        if (!output_shape.empty())
            target = output_shape[output_shape.size() - axes + i];
        else if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER")
            target = in * stride[i];
        if (target >= 0) {
            // ONNX's reference splits the total with floor division (a negative total pads the end).
            const int64_t total = full[i] + output_padding[i] - target;
            const int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);
            begin[i] = auto_pad == "SAME_UPPER" ? half : total - half;
            out[i] = target;
        } else {
            begin[i] = pads[i];
            out[i] = full[i] + output_padding[i] - pads[i] - pads[i + axes];
        }
        if (out[i] <= 0) return node_error("the output would be empty");
    }
    // Unless the output is exactly the full result, the bias is added after cropping.
    bool exact = true;
    for (size_t i = 0; i < axes; ++i) exact = exact && begin[i] == 0 && out[i] == full[i];
    OnnxTensor bias = float_tensor({out_channels}, std::vector<float>(static_cast<size_t>(out_channels), 0.0f));
    bool has_bias = false;
    if (n.has_input(2)) {
        const OnnxTensor* b = L.constant(n.inputs[2]);
        if (!b || b->size() != out_channels)
            return node_error("the bias must be a constant of " + std::to_string(out_channels) + " values");
        bias = *b;
        bias.dims = {out_channels};
        has_bias = true;
    }

    const std::string& name = n.outputs[0];
    int32_t input = L.tensor(x, channels_last_order(rank));
    OnnxTensor k = kernel;
    std::vector<int64_t> st = stride;
    if (rank == 3) {
        const auto& s = L.stored_shape(input);
        input = L.emit_reshape(input, {s[0], 1, s[1], s[2]}, name + "_as_2d");
        k.dims.insert(k.dims.begin() + 2, 1);
        st.insert(st.begin(), 1);
    }
    const OnnxTensor* fused_bias = exact && (has_bias || groups == 1) ? &bias : nullptr;
    int32_t result;
    if (groups == 1) {
        result = emit_full(L, input, k, st, fused_bias, name);
    } else {
        const auto& in_shape = L.stored_shape(input);
        const int64_t in_per_group = in_shape.back() / groups, out_per_group = w->dims[1];
        std::vector<int64_t> part_shape(in_shape.begin(), in_shape.end());
        part_shape.back() = in_per_group;
        std::vector<int32_t> parts;
        for (int64_t g = 0; g < groups; ++g) parts.push_back(L.temp(name + "_group_in", DType::kFloat32, part_shape));
        const int32_t axis = L.int32_constant(name + "_split_axis", {}, {static_cast<int64_t>(in_shape.size()) - 1});
        tflite::SplitOptionsT so;
        so.num_splits = static_cast<int32_t>(groups);
        L.op(tflite::BuiltinOperator_SPLIT, {axis, input}, parts, options_of(so));
        std::vector<int32_t> outs;
        for (int64_t g = 0; g < groups; ++g) {
            const OnnxTensor b = take(bias, 0, g * out_per_group, out_per_group);
            outs.push_back(emit_full(L, parts[static_cast<size_t>(g)], take(k, 0, g * in_per_group, in_per_group), st,
                                     fused_bias ? &b : nullptr, name + "_group"));
        }
        const auto first_shape = L.stored_shape(outs[0]);
        std::vector<int64_t> out_shape(first_shape.begin(), first_shape.end());
        out_shape.back() = out_channels;
        result = L.temp(name + "_full", DType::kFloat32, out_shape);
        tflite::ConcatenationOptionsT co;
        co.axis = static_cast<int32_t>(out_shape.size()) - 1;
        L.op(tflite::BuiltinOperator_CONCATENATION, outs, {result}, options_of(co));
    }
    if (rank == 3) {
        const auto& s = L.stored_shape(result);
        result = L.emit_reshape(result, {s[0], s[2], s[3]}, name + "_as_1d");
    }
    if (!exact) {
        // Crop [begin, begin + out) where the full result reaches, zero-pad what output_padding adds past it.
        const auto& s = L.stored_shape(result);
        std::vector<int64_t> b{0}, size{s[0]}, pad_after{0};
        for (size_t i = 0; i < axes; ++i) {
            const int64_t available = full[i] - begin[i];
            if (begin[i] < 0) return node_error("the output starts before the full result");
            b.push_back(begin[i]);
            size.push_back(std::min(out[i], available));
            pad_after.push_back(std::max<int64_t>(0, out[i] - available));
        }
        b.push_back(0);
        size.push_back(out_channels);
        pad_after.push_back(0);
        const int32_t begin_t = L.int32_constant(name + "_crop_begin", {static_cast<int64_t>(b.size())}, b);
        const int32_t size_t_ = L.int32_constant(name + "_crop_size", {static_cast<int64_t>(size.size())}, size);
        const int32_t cropped = L.temp(name + "_cropped", DType::kFloat32, size);
        L.op(tflite::BuiltinOperator_SLICE, {result, begin_t, size_t_}, {cropped}, options_of(tflite::SliceOptionsT{}));
        result = cropped;
        bool padded = false;
        for (int64_t p : pad_after) padded = padded || p > 0;
        if (padded) result = emit_pad(L, result, std::vector<int64_t>(pad_after.size(), 0), pad_after, 0.0f, name);
        if (has_bias)
            result = L.emit_binary(tflite::BuiltinOperator_ADD, result, L.constant_tensor(name + "_bias", bias), name);
    }
    std::vector<int64_t> out_shape{shape[0], out_channels};
    out_shape.insert(out_shape.end(), out.begin(), out.end());
    L.define(name, DType::kFloat32, out_shape, channels_last_order(rank), result);
    return {};
}

}  // namespace

void register_conv_transpose_lowerings(LoweringTable& t) {
    t["ConvTranspose"] = lower_conv_transpose;
}

}  // namespace litelab::onnx
