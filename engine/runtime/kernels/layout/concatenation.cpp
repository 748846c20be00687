// CONCATENATION and PACK: inputs joined along an axis (PACK: along a new axis).
//
// Quantized inputs keep their bytes when they share the output's scale and zero point. TFLite
// rescales UINT8 inputs that do not, in float (reference_ops::ConcatenationWithScaling):
// q_out = round(q_in * s + b) + zp_out with s = scale_in * (1 / scale_out), b = -zp_in * s.
// INT8 and INT16 inputs must match the output (TFLite's converter guarantees it and TFLite
// checks it). A fused activation clamps the joined result.
#include <algorithm>
#include <cmath>

#include "model/graph.h"
#include "runtime/kernels/layout/axis_copy.h"
#include "runtime/kernels/layout/layout_common.h"
#include "runtime/kernels/layout/layout_kernels.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::layout {

namespace {

struct Rescale {
    bool needed = false;
    float scale = 1.0f;
    float bias = 0.0f;
};

bool same_quantization(const QuantParams& a, const QuantParams& b) {
    return a.scale0() == b.scale0() && a.zero_point0() == b.zero_point0();
}

template <class T>
void clamp_all(std::span<uint8_t> bytes, ActivationRange range) {
    T* v = reinterpret_cast<T*>(bytes.data());
    const size_t n = bytes.size() / sizeof(T);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<T>(std::clamp<int32_t>(v[i], range.min, range.max));
}

void clamp_floats(std::span<uint8_t> bytes, FloatRange range) {
    float* v = reinterpret_cast<float*>(bytes.data());
    const size_t n = bytes.size() / sizeof(float);
    for (size_t i = 0; i < n; ++i) v[i] = std::min(std::max(v[i], range.min), range.max);
}

std::vector<const uint8_t*> input_pointers(const OpContext& c) {
    std::vector<const uint8_t*> parts;
    for (int i = 0; i < c.num_inputs(); ++i) parts.push_back(c.input<uint8_t>(i));
    return parts;
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_concatenation(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::ConcatenationOptionsT>();
    auto size = movable_element_bytes(ctx);
    if (!size) return size.error();
    const TensorInfo& first = ctx.input(0);
    const DType type = first.type;
    const int rank = first.rank();
    const int axis = normalized_axis(options.axis, rank);
    if (axis < 0) return ctx.invalid("axis " + std::to_string(options.axis) + " of " + format_dims(first.shape));

    AxisParts parts{dims_product(first.shape, 0, axis), dims_product(first.shape, axis + 1, rank), {}, *size};
    std::vector<int32_t> out_shape = first.shape;
    out_shape[static_cast<size_t>(axis)] = 0;
    for (int i = 0; i < ctx.num_inputs(); ++i) {
        const TensorInfo& t = ctx.input(i);
        if (t.type != type) return ctx.invalid("inputs of different types");
        bool fits = t.rank() == rank;
        for (int d = 0; fits && d < rank; ++d) fits = d == axis || t.dim(d) == first.dim(d);
        if (!fits) return ctx.invalid("cannot join " + format_dims(t.shape) + " to " + format_dims(first.shape) +
                                      " along axis " + std::to_string(axis));
        parts.sizes.push_back(t.dim(axis));
        out_shape[static_cast<size_t>(axis)] += t.dim(axis);
    }
    TensorInfo& out = ctx.output(0);
    out.shape = out_shape;

    const bool quantized = (type == DType::kUInt8 || type == DType::kInt8 || type == DType::kInt16) && !out.quant.empty();
    std::vector<Rescale> rescale(static_cast<size_t>(ctx.num_inputs()));
    bool any_rescale = false;
    if (quantized) {
        for (int i = 0; i < ctx.num_inputs(); ++i) {
            const QuantParams& q = ctx.input(i).quant;
            if (same_quantization(q, out.quant)) continue;
            if (type != DType::kUInt8) return ctx.unsupported(std::string(dtype_name(type)) + " inputs quantized unlike the output");
            Rescale& r = rescale[static_cast<size_t>(i)];
            r.needed = any_rescale = true;
            r.scale = q.scale0() * (1.0f / out.quant.scale0());
            r.bias = static_cast<float>(-q.zero_point0()) * r.scale;
        }
    }

    const auto activation = options.fused_activation_function;
    const bool activated = activation != tflite::ActivationFunctionType_NONE;
    if (activated && activation != tflite::ActivationFunctionType_RELU &&
        activation != tflite::ActivationFunctionType_RELU6 && activation != tflite::ActivationFunctionType_RELU_N1_TO_1)
        return ctx.unsupported("fused activation " + std::string(tflite::EnumNameActivationFunctionType(activation)));
    if (activated && type != DType::kFloat32 && !quantized)
        return ctx.unsupported("a fused activation on " + std::string(dtype_name(type)) + " values");
    const FloatRange float_range = float_activation_range(activation);
    const ActivationRange int_range = quantized ? quantized_activation_range(activation, type, out.quant) : ActivationRange{};
    const int32_t out_zero_point = out.quant.zero_point0();

    return make_kernel([=](const OpContext& c) -> Status {
        const auto inputs = input_pointers(c);
        uint8_t* output = c.output<uint8_t>(0);
        if (!any_rescale) {
            join_along_axis(parts, inputs, output);
        } else {
            uint8_t* at = output;
            for (int64_t k = 0; k < parts.outer; ++k)
                for (size_t i = 0; i < inputs.size(); ++i) {
                    const size_t n = parts.chunk_bytes(i);
                    const uint8_t* from = inputs[i] + static_cast<size_t>(k) * n;
                    const Rescale& r = rescale[i];
                    if (!r.needed) {
                        std::memcpy(at, from, n);
                    } else {
                        for (size_t j = 0; j < n; ++j) {
                            const int32_t v = static_cast<int32_t>(std::round(static_cast<float>(from[j]) * r.scale + r.bias)) +
                                              out_zero_point;
                            at[j] = static_cast<uint8_t>(std::clamp(v, 0, 255));
                        }
                    }
                    at += n;
                }
        }
        if (activated) {
            const auto bytes = c.output_bytes(0);
            switch (type) {
                case DType::kFloat32: clamp_floats(bytes, float_range); break;
                case DType::kUInt8: clamp_all<uint8_t>(bytes, int_range); break;
                case DType::kInt8: clamp_all<int8_t>(bytes, int_range); break;
                default: clamp_all<int16_t>(bytes, int_range); break;
            }
        }
        return {};
    });
}

Result<std::unique_ptr<OpKernel>> prepare_pack(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::PackOptionsT>();
    auto size = movable_element_bytes(ctx);
    if (!size) return size.error();
    const TensorInfo& first = ctx.input(0);
    if (options.values_count != 0 && options.values_count != ctx.num_inputs())
        return ctx.invalid("values_count " + std::to_string(options.values_count) + " for " +
                           std::to_string(ctx.num_inputs()) + " inputs");
    const int rank = first.rank();
    const int axis = normalized_axis(options.axis, rank + 1);
    if (axis < 0) return ctx.invalid("axis " + std::to_string(options.axis) + " for inputs " + format_dims(first.shape));
    for (int i = 1; i < ctx.num_inputs(); ++i)
        if (ctx.input(i).type != first.type || ctx.input(i).shape != first.shape)
            return ctx.invalid("inputs of different shapes or types");
    std::vector<int32_t> out_shape = first.shape;
    out_shape.insert(out_shape.begin() + axis, ctx.num_inputs());
    ctx.output(0).shape = out_shape;
    AxisParts parts{dims_product(first.shape, 0, axis), dims_product(first.shape, axis, rank),
                    std::vector<int64_t>(static_cast<size_t>(ctx.num_inputs()), 1), *size};
    return make_kernel([parts](const OpContext& c) -> Status {
        join_along_axis(parts, input_pointers(c), c.output<uint8_t>(0));
        return {};
    });
}

}  // namespace litelab::layout
