// Resize (opsets 10-17) and Upsample. Where TFLite's RESIZE_NEAREST_NEIGHBOR or
// RESIZE_BILINEAR computes exactly what ONNX asks (the common PyTorch exports), that op;
// otherwise each resized axis is a BATCH_MATMUL with a constant interpolation matrix
// (resize_weights.h), which is exact for every mode ONNX defines.
#include <cmath>

#include "import/onnx/lowering_table.h"
#include "import/onnx/resize_weights.h"

namespace litelab::onnx {

namespace {

struct ResizePlan {
    std::vector<ResizeAxis> axes;  // per input axis
    ResizeMode mode;
    float extrapolation = 0.0f;
};

Result<ResizePlan> plan_resize(const Lowering& L, const OnnxNode& n) {
    ResizePlan p;
    const auto& shape = L.shape(n.inputs[0]);
    const size_t rank = shape.size();
    const bool upsample = n.op_type == "Upsample";
    const int64_t opset = L.opset();
    std::vector<float> scales;
    std::vector<int64_t> sizes, roi_dims;
    std::vector<double> roi;
    p.mode.mode = n.string_attr("mode", "nearest");
    if (upsample || opset < 11) {
        // Upsample and Resize-10: asymmetric coordinates, nearest rounds down.
        p.mode.coordinates = "asymmetric";
        p.mode.nearest = "floor";
        if (upsample && opset < 9) {
            scales = n.floats_attr("scales");
        } else {
            const OnnxTensor* s = n.inputs.size() > 1 ? L.constant(n.inputs[1]) : nullptr;
            if (!s) return node_error("scales must be known when converting");
            for (int64_t k = 0; k < s->size(); ++k)
                scales.push_back(static_cast<float>(s->as_double(static_cast<size_t>(k))));
        }
        if (p.mode.mode == "bilinear") p.mode.mode = "linear";
    } else {
        p.mode.coordinates = n.string_attr("coordinate_transformation_mode", "half_pixel");
        p.mode.nearest = n.string_attr("nearest_mode", "round_prefer_floor");
        p.mode.cubic_a = n.float_attr("cubic_coeff_a", -0.75f);
        p.mode.exclude_outside = n.int_attr("exclude_outside", 0) != 0;
        p.extrapolation = n.float_attr("extrapolation_value", 0.0f);
        if (n.has_input(1)) {
            const OnnxTensor* r = L.constant(n.inputs[1]);
            if (!r) return node_error("roi must be known when converting");
            for (int64_t k = 0; k < r->size(); ++k) roi.push_back(r->as_double(static_cast<size_t>(k)));
        }
        if (n.has_input(2)) {
            const OnnxTensor* s = L.constant(n.inputs[2]);
            if (!s) return node_error("scales must be known when converting");
            for (int64_t k = 0; k < s->size(); ++k)
                scales.push_back(static_cast<float>(s->as_double(static_cast<size_t>(k))));
        }
        if (n.has_input(3)) {
            const OnnxTensor* s = L.constant(n.inputs[3]);
            if (!s) return node_error("sizes must be known when converting");
            for (int64_t k = 0; k < s->size(); ++k) sizes.push_back(s->as_int(static_cast<size_t>(k)));
        }
    }
    if (!sizes.empty() && sizes.size() != rank) return node_error("sizes do not match the rank");
    if (sizes.empty() && scales.size() != rank) return node_error("scales do not match the rank");
    for (size_t i = 0; i < rank; ++i) {
        ResizeAxis a;
        a.in = shape[i];
        if (!sizes.empty()) {
            a.out = sizes[i];
            a.scale = static_cast<double>(a.out) / static_cast<double>(a.in);
        } else {
            if (!(scales[i] > 0)) return node_error("scales must be positive");
            a.scale = scales[i];
            a.out = static_cast<int64_t>(std::floor(static_cast<double>(a.in) * static_cast<double>(scales[i])));
        }
        if (a.out < 1) return node_error("the output would be empty");
        if (roi.size() == 2 * rank) {
            a.roi_start = roi[i];
            a.roi_end = roi[i + rank];
        }
        p.axes.push_back(a);
    }
    return p;
}

bool resized(const ResizeAxis& a, const ResizeMode& m) {
    return a.in != a.out || m.coordinates == "tf_crop_and_resize" ||
           (a.scale != 1.0 && m.coordinates != "align_corners");
}

// The TFLite resize op computing the same, when there is one: H and W of a rank-4 value.
bool native_resize(Lowering& L, const OnnxNode& n, const ResizePlan& p) {
    if (p.axes.size() != 4 || resized(p.axes[0], p.mode) || resized(p.axes[1], p.mode)) return false;
    for (size_t i = 2; i < 4; ++i) {
        // TFLite scales by in / out; ONNX by the given scale.
        if (static_cast<double>(p.axes[i].out) != p.axes[i].scale * static_cast<double>(p.axes[i].in)) return false;
    }
    const std::string& c = p.mode.coordinates;
    bool align = false, half = false;
    tflite::BuiltinOperator code;
    if (p.mode.mode == "nearest" && c == "asymmetric" && p.mode.nearest == "floor") {
        code = tflite::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR;
    } else if (p.mode.mode == "linear" &&
               (c == "half_pixel" || (c == "pytorch_half_pixel" && p.axes[2].out > 1 && p.axes[3].out > 1))) {
        code = tflite::BuiltinOperator_RESIZE_BILINEAR;
        half = true;
    } else if (p.mode.mode == "linear" && (c == "align_corners" || c == "asymmetric")) {
        code = tflite::BuiltinOperator_RESIZE_BILINEAR;
        align = c == "align_corners";
    } else {
        return false;
    }
    const std::string& x = n.inputs[0];
    const int32_t in = L.tensor(x, channels_last_order(4));
    std::vector<int64_t> shape = L.shape(x);
    shape[2] = p.axes[2].out;
    shape[3] = p.axes[3].out;
    const int32_t size = L.int32_constant(n.outputs[0] + "_size", {2}, {shape[2], shape[3]});
    const int32_t out = L.define_new(n.outputs[0], L.type(x), shape, channels_last_order(4));
    if (code == tflite::BuiltinOperator_RESIZE_BILINEAR) {
        tflite::ResizeBilinearOptionsT o;
        o.align_corners = align;
        o.half_pixel_centers = half;
        L.op(code, {in, size}, {out}, options_of(o));
    } else {
        L.op(code, {in, size}, {out}, options_of(tflite::ResizeNearestNeighborOptionsT{}));
    }
    return true;
}

Status lower_resize(Lowering& L, const OnnxNode& n) {
    auto plan = plan_resize(L, n);
    if (!plan) return plan.error();
    const std::string& x = n.inputs[0];
    if (L.type(x) != DType::kFloat32) return node_error("input of type " + std::string(dtype_name(L.type(x))));
    if (native_resize(L, n, *plan)) return {};

    const std::string& name = n.outputs[0];
    L.fix_batch(n.op_type);  // the per-axis matrices reshape with the batch folded in
    const AxisOrder order = L.order(x);
    int32_t t = L.tensor(x);
    std::vector<int64_t> shape = L.shape(x);
    std::vector<std::vector<bool>> outside(plan->axes.size());
    bool any_outside = false;
    for (size_t axis = 0; axis < plan->axes.size(); ++axis) {
        const ResizeAxis& a = plan->axes[axis];
        if (!resized(a, plan->mode)) continue;
        auto matrix = resize_matrix(a, plan->mode);
        if (!matrix) return matrix.error();
        outside[axis] = matrix->outside;
        for (bool o : matrix->outside) any_outside = any_outside || o;
        // Stored [prefix, in, suffix] -> BATCH_MATMUL([1, out, in], .) -> [prefix, out, suffix].
        const auto& s = L.stored_shape(t);
        const int k = stored_axis(order, static_cast<int>(axis));
        int64_t prefix = 1, suffix = 1;
        for (int i = 0; i < k; ++i) prefix *= s[static_cast<size_t>(i)];
        for (size_t i = static_cast<size_t>(k) + 1; i < s.size(); ++i) suffix *= s[i];
        const int32_t as_3d = L.emit_reshape(t, {prefix, a.in, suffix}, name + "_axis_in");
        const int32_t weights = L.float_constant(name + "_interpolation", {1, a.out, a.in}, matrix->weights);
        const int32_t mixed = L.temp(name + "_axis_out", DType::kFloat32, {prefix, a.out, suffix});
        L.op(tflite::BuiltinOperator_BATCH_MATMUL, {weights, as_3d}, {mixed},
             options_of(tflite::BatchMatMulOptionsT{}));
        std::vector<int64_t> new_shape(s.begin(), s.end());
        new_shape[static_cast<size_t>(k)] = a.out;
        t = L.emit_reshape(mixed, new_shape, name + "_resized");
        shape[axis] = a.out;
    }
    if (any_outside && plan->extrapolation != 0.0f) {
        // tf_crop_and_resize: positions outside the input along any axis take the extrapolation value.
        std::vector<float> fill(static_cast<size_t>(element_count_of(shape)), 0.0f);
        std::vector<int64_t> index(shape.size(), 0);
        for (size_t k = 0; k < fill.size(); ++k) {
            bool out = false;
            for (size_t i = 0; i < shape.size(); ++i)
                out = out || (!outside[i].empty() && outside[i][static_cast<size_t>(index[i])]);
            fill[k] = out ? plan->extrapolation : 0.0f;
            for (size_t i = shape.size(); i-- > 0;) {
                if (++index[i] < shape[i]) break;
                index[i] = 0;
            }
        }
        OnnxTensor f = float_tensor(shape, fill);
        L.define_constant(name + "_extrapolated", f);
        t = L.emit_binary(tflite::BuiltinOperator_ADD, t, L.tensor(name + "_extrapolated", order), name);
    }
    L.define(name, DType::kFloat32, shape, order, t);
    return {};
}

}  // namespace

void register_resize_lowerings(LoweringTable& t) {
    t["Resize"] = lower_resize;
    t["Upsample"] = lower_resize;
}

}  // namespace litelab::onnx
