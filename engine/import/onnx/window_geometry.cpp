#include "import/onnx/window_geometry.h"

namespace litelab::onnx {

bool WindowGeometry::unpadded() const {
    for (size_t i = 0; i < axes(); ++i) {
        if (pad_begin[i] != 0 || pad_end[i] != 0 || ceil_extra[i] != 0) return false;
    }
    return true;
}

bool WindowGeometry::matches_same() const {
    for (size_t i = 0; i < axes(); ++i) {
        const int64_t out = (input[i] + stride[i] - 1) / stride[i];
        const int64_t total = std::max<int64_t>((out - 1) * stride[i] + effective_kernel(i) - input[i], 0);
        if (output[i] != out || pad_begin[i] != total / 2 || pad_end[i] + ceil_extra[i] != total - total / 2)
            return false;
    }
    return true;
}

Result<WindowGeometry> window_geometry(const OnnxNode& node, const std::vector<int64_t>& input,
                                       const std::vector<int64_t>& kernel, bool allow_ceil) {
    const size_t n = input.size();
    WindowGeometry g;
    g.input = input;
    g.kernel = kernel;
    g.stride = node.ints_attr("strides");
    g.dilation = node.ints_attr("dilations");
    if (g.stride.empty()) g.stride.assign(n, 1);
    if (g.dilation.empty()) g.dilation.assign(n, 1);
    if (g.stride.size() != n || g.dilation.size() != n || kernel.size() != n) {
        return node_error("strides, dilations and kernel must have " + std::to_string(n) + " entries");
    }
    for (size_t i = 0; i < n; ++i) {
        if (g.stride[i] < 1 || g.dilation[i] < 1 || kernel[i] < 1)
            return node_error("kernel, strides and dilations must be positive");
    }
    const std::string auto_pad = node.string_attr("auto_pad", "NOTSET");
    std::vector<int64_t> pads = node.ints_attr("pads");
    g.pad_begin.assign(n, 0);
    g.pad_end.assign(n, 0);
    g.ceil_extra.assign(n, 0);
    g.output.assign(n, 0);
    if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
        for (size_t i = 0; i < n; ++i) {
            const int64_t out = (input[i] + g.stride[i] - 1) / g.stride[i];
            const int64_t total = std::max<int64_t>((out - 1) * g.stride[i] + g.effective_kernel(i) - input[i], 0);
            g.pad_begin[i] = auto_pad == "SAME_UPPER" ? total / 2 : total - total / 2;
            g.pad_end[i] = total - g.pad_begin[i];
        }
    } else if (auto_pad == "NOTSET") {
        if (!pads.empty()) {
            if (pads.size() != 2 * n)
                return node_error("pads " + format_shape(pads) + " do not fit " + std::to_string(n) + " axes");
            for (size_t i = 0; i < n; ++i) {
                g.pad_begin[i] = pads[i];
                g.pad_end[i] = pads[i + n];
                if (pads[i] < 0 || pads[i + n] < 0) return node_error("negative pads");
            }
        }
    } else if (auto_pad != "VALID") {
        return node_error("auto_pad '" + auto_pad + "' is unknown");
    }
    const bool ceil_mode = allow_ceil && node.int_attr("ceil_mode", 0) != 0;
    for (size_t i = 0; i < n; ++i) {
        const int64_t span = input[i] + g.pad_begin[i] + g.pad_end[i] - g.effective_kernel(i);
        if (span < 0) return node_error("the window is larger than the padded input");
        g.output[i] = (ceil_mode ? (span + g.stride[i] - 1) / g.stride[i] : span / g.stride[i]) + 1;
        if (ceil_mode) {
            // ONNX (and PyTorch) drop a last window that would start in the end padding.
            if ((g.output[i] - 1) * g.stride[i] >= input[i] + g.pad_begin[i]) --g.output[i];
            const int64_t needed = (g.output[i] - 1) * g.stride[i] + g.effective_kernel(i);
            g.ceil_extra[i] = std::max<int64_t>(0, needed - (input[i] + g.pad_begin[i] + g.pad_end[i]));
        }
    }
    return g;
}

int32_t emit_pad(Lowering& L, int32_t input, const std::vector<int64_t>& before, const std::vector<int64_t>& after,
                 float value, const std::string& hint) {
    const auto& shape = L.stored_shape(input);
    std::vector<int64_t> paddings, out_shape;
    for (size_t i = 0; i < shape.size(); ++i) {
        paddings.push_back(before[i]);
        paddings.push_back(after[i]);
        out_shape.push_back(shape[i] + before[i] + after[i]);
    }
    const int32_t pads = L.int32_constant(hint + "_paddings", {static_cast<int64_t>(shape.size()), 2}, paddings);
    const int32_t out = L.temp(hint + "_padded", L.tensor_type(input), out_shape);
    if (value == 0.0f) {
        L.op(tflite::BuiltinOperator_PAD, {input, pads}, {out}, options_of(tflite::PadOptionsT{}));
    } else {
        const int32_t v = L.float_constant(hint + "_pad_value", {}, {value});
        L.op(tflite::BuiltinOperator_PADV2, {input, pads, v}, {out}, options_of(tflite::PadV2OptionsT{}));
    }
    return out;
}

}  // namespace litelab::onnx
