// MaxPool and AveragePool (1-D, 2-D, 3-D) and GlobalAveragePool / GlobalMaxPool on channels-
// last tensors. TFLite pools are 2-D with SAME or VALID padding, so: 1-D pools run over a
// height of 1, 3-D pools as a 2-D pool over (H, W) then one over D (max and average are
// separable), other paddings are an explicit PAD, averages that must not count the padding are
// rescaled by a constant map, and dilated max pools are a MAXIMUM over strided slices.
#include <limits>

#include "import/onnx/lowering_table.h"
#include "import/onnx/window_geometry.h"

namespace litelab::onnx {

namespace {

int32_t pool_2d(Lowering& L, bool max, int32_t input, int64_t kh, int64_t kw, int64_t sh, int64_t sw,
                tflite::Padding padding, const std::vector<int64_t>& out_shape, const std::string& name) {
    const int32_t out = L.temp(name, DType::kFloat32, out_shape);
    tflite::Pool2DOptionsT o;
    o.padding = padding;
    o.filter_height = static_cast<int32_t>(kh);
    o.filter_width = static_cast<int32_t>(kw);
    o.stride_h = static_cast<int32_t>(sh);
    o.stride_w = static_cast<int32_t>(sw);
    L.op(max ? tflite::BuiltinOperator_MAX_POOL_2D : tflite::BuiltinOperator_AVERAGE_POOL_2D, {input}, {out},
         options_of(o));
    return out;
}

// How many window elements at output position `o` of one axis are counted by the average.
int64_t counted(const WindowGeometry& g, size_t axis, int64_t o, bool include_pad) {
    const int64_t lo = include_pad ? -g.pad_begin[axis] : 0;
    const int64_t hi = include_pad ? g.input[axis] + g.pad_end[axis] : g.input[axis];
    int64_t count = 0;
    for (int64_t k = 0; k < g.kernel[axis]; ++k) {
        const int64_t pos = o * g.stride[axis] - g.pad_begin[axis] + k * g.dilation[axis];
        count += pos >= lo && pos < hi ? 1 : 0;
    }
    return count;
}

// Stored [N, spatial..., C], pooled with VALID over already padded input (or SAME).
int32_t pool_nd(Lowering& L, bool max, int32_t input, const WindowGeometry& g, tflite::Padding padding,
                const std::string& name) {
    const auto& s = L.stored_shape(input);
    const int64_t n = s[0], c = s.back();
    if (g.axes() == 2) {
        return pool_2d(L, max, input, g.kernel[0], g.kernel[1], g.stride[0], g.stride[1], padding,
                       {n, g.output[0], g.output[1], c}, name);
    }
    // 3-D: (H, W) first with D folded into the batch, then D with (H, W) flattened.
    L.fix_batch("3-D pooling");
    const int32_t hw_in = L.emit_reshape(input, {n * s[1], s[2], s[3], c}, name + "_hw_in");
    const int32_t hw = pool_2d(L, max, hw_in, g.kernel[1], g.kernel[2], g.stride[1], g.stride[2], padding,
                               {n * s[1], g.output[1], g.output[2], c}, name + "_hw");
    const int32_t d_in = L.emit_reshape(hw, {n, s[1], g.output[1] * g.output[2], c}, name + "_d_in");
    const int32_t d = pool_2d(L, max, d_in, g.kernel[0], 1, g.stride[0], 1, padding,
                              {n, g.output[0], g.output[1] * g.output[2], c}, name + "_d");
    return L.emit_reshape(d, {n, g.output[0], g.output[1], g.output[2], c}, name);
}

// Dilated 2-D max pool: the maximum over one strided slice per kernel tap.
int32_t dilated_max_pool(Lowering& L, int32_t padded, const WindowGeometry& g, const std::string& name) {
    const auto& s = L.stored_shape(padded);
    const std::vector<int64_t> out_shape{s[0], g.output[0], g.output[1], s[3]};
    int32_t result = -1;
    for (int64_t ky = 0; ky < g.kernel[0]; ++ky) {
        for (int64_t kx = 0; kx < g.kernel[1]; ++kx) {
            const int64_t y0 = ky * g.dilation[0], x0 = kx * g.dilation[1];
            const std::vector<int64_t> begin{0, y0, x0, 0};
            const std::vector<int64_t> end{s[0], y0 + (g.output[0] - 1) * g.stride[0] + 1,
                                           x0 + (g.output[1] - 1) * g.stride[1] + 1, s[3]};
            const std::vector<int64_t> strides{1, g.stride[0], g.stride[1], 1};
            const int32_t tap = L.temp(name + "_tap", DType::kFloat32, out_shape);
            L.op(tflite::BuiltinOperator_STRIDED_SLICE,
                 {padded, L.int32_constant(name + "_begin", {4}, begin), L.int32_constant(name + "_end", {4}, end),
                  L.int32_constant(name + "_strides", {4}, strides)},
                 {tap}, options_of(tflite::StridedSliceOptionsT{}));
            result = result < 0 ? tap : L.emit_binary(tflite::BuiltinOperator_MAXIMUM, result, tap, name);
        }
    }
    return result;
}

Status lower_pool(Lowering& L, const OnnxNode& n, bool max) {
    if (n.outputs.size() > 1 && !n.outputs[1].empty()) return node_error("the Indices output is not supported");
    const std::string& x = n.inputs[0];
    const auto& shape = L.shape(x);
    const int rank = static_cast<int>(shape.size());
    if (rank < 3 || rank > 5) return node_error("input of rank " + std::to_string(rank));
    if (L.type(x) != DType::kFloat32) return node_error("input of type " + std::string(dtype_name(L.type(x))));
    const std::vector<int64_t> spatial(shape.begin() + 2, shape.end());
    auto geometry = window_geometry(n, spatial, n.ints_attr("kernel_shape"), true);
    if (!geometry) return geometry.error();
    WindowGeometry g = *geometry;
    const std::string& name = n.outputs[0];
    const bool include_pad = n.int_attr("count_include_pad", 0) != 0;
    bool dilated = false;
    for (int64_t d : g.dilation) dilated = dilated || d != 1;
    if (dilated && (!max || rank == 5))
        return node_error("dilations in " + std::string(max ? "3-D MaxPool" : "AveragePool"));

    int32_t input = L.tensor(x, channels_last_order(rank));
    tflite::Padding padding = tflite::Padding_VALID;
    bool padded = false;
    if (!g.unpadded()) {
        if (g.matches_same() && !dilated && (max || !include_pad)) {
            padding = tflite::Padding_SAME;
        } else {
            std::vector<int64_t> before{0}, after{0};
            for (size_t i = 0; i < g.axes(); ++i) {
                before.push_back(g.pad_begin[i]);
                after.push_back(g.pad_end[i] + g.ceil_extra[i]);
            }
            before.push_back(0);
            after.push_back(0);
            input = emit_pad(L, input, before, after, max ? std::numeric_limits<float>::lowest() : 0.0f, name);
            padded = true;
        }
    }
    // 1-D pools run as 2-D over a height of 1.
    WindowGeometry g2 = g;
    if (rank == 3) {
        const auto& s = L.stored_shape(input);
        input = L.emit_reshape(input, {s[0], 1, s[1], s[2]}, name + "_as_2d");
        for (auto* v : {&g2.input, &g2.kernel, &g2.stride, &g2.dilation, &g2.output}) v->insert(v->begin(), 1);
        for (auto* v : {&g2.pad_begin, &g2.pad_end, &g2.ceil_extra}) v->insert(v->begin(), 0);
    }
    int32_t result = dilated ? dilated_max_pool(L, input, g2, name) : pool_nd(L, max, input, g2, padding, name);
    if (rank == 3) {
        const auto& s = L.stored_shape(result);
        result = L.emit_reshape(result, {s[0], s[2], s[3]}, name + "_as_1d");
    }
    if (!max && padded) {
        // VALID over zero padding divided by the whole kernel; rescale where fewer elements count.
        std::vector<int64_t> dims{1};
        int64_t kernel_total = 1;
        for (size_t i = 0; i < g.axes(); ++i) {
            dims.push_back(g.output[i]);
            kernel_total *= g.kernel[i];
        }
        dims.push_back(1);
        std::vector<float> factor;
        bool uniform = true;
        std::vector<int64_t> index(g.axes(), 0);
        const int64_t positions = element_count_of(g.output);
        for (int64_t p = 0; p < positions; ++p) {
            int64_t count = 1;
            for (size_t i = 0; i < g.axes(); ++i) count *= counted(g, i, index[i], include_pad);
            factor.push_back(static_cast<float>(kernel_total) / static_cast<float>(std::max<int64_t>(count, 1)));
            uniform = uniform && count == kernel_total;
            for (size_t i = g.axes(); i-- > 0;) {
                if (++index[i] < g.output[i]) break;
                index[i] = 0;
            }
        }
        if (!uniform)
            result = L.emit_binary(tflite::BuiltinOperator_MUL, result,
                                   L.float_constant(name + "_count_scale", dims, factor), name);
    }
    std::vector<int64_t> out_shape{shape[0], shape[1]};
    out_shape.insert(out_shape.end(), g.output.begin(), g.output.end());
    L.define(name, DType::kFloat32, out_shape, channels_last_order(rank), result);
    return {};
}

Status lower_global_pool(Lowering& L, const OnnxNode& n, bool max) {
    const std::string& x = n.inputs[0];
    const auto& shape = L.shape(x);
    const int rank = static_cast<int>(shape.size());
    if (rank < 3) return node_error("input of rank " + std::to_string(rank));
    const std::string& name = n.outputs[0];
    const int32_t in = L.tensor(x, channels_last_order(rank));
    std::vector<int64_t> axes, out_shape{shape[0], shape[1]};
    for (int i = 1; i < rank - 1; ++i) {
        axes.push_back(i);
        out_shape.push_back(1);
    }
    tflite::ReducerOptionsT keep;
    keep.keep_dims = true;
    const int32_t out = L.define_new(name, DType::kFloat32, out_shape, channels_last_order(rank));
    L.op(max ? tflite::BuiltinOperator_REDUCE_MAX : tflite::BuiltinOperator_MEAN,
         {in, L.int32_constant(name + "_axes", {static_cast<int64_t>(axes.size())}, axes)}, {out}, options_of(keep));
    return {};
}

}  // namespace

void register_pooling_lowerings(LoweringTable& t) {
    t["MaxPool"] = [](Lowering& L, const OnnxNode& n) { return lower_pool(L, n, true); };
    t["AveragePool"] = [](Lowering& L, const OnnxNode& n) { return lower_pool(L, n, false); };
    t["GlobalAveragePool"] = [](Lowering& L, const OnnxNode& n) { return lower_global_pool(L, n, false); };
    t["GlobalMaxPool"] = [](Lowering& L, const OnnxNode& n) { return lower_global_pool(L, n, true); };
}

}  // namespace litelab::onnx
