// TRANSPOSE_CONV: inputs (output_shape, weights [out, h, w, in], input, optional bias).
//   float32                      float weights and bias
//   int8                         int8 weights (per-tensor or per output channel), int32 bias
//   uint8 (legacy)               uint8 weights (per-tensor), int32 bias
//   int16 (16x8)                 int8 weights, int64 bias (int32 when the model says so)
//   float32 + int8 weights       hybrid: each batch item quantized asymmetrically on the fly
// The output shape must be a constant; a fused activation (op version 4+) clamps the result.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "model/graph.h"
#include "runtime/kernels/conv/conv_checks.h"
#include "runtime/kernels/conv/conv_factories.h"
#include "runtime/kernels/conv/conv_quant.h"
#include "runtime/kernels/conv/conv_tiles.h"
#include "runtime/kernels/conv/hybrid_quantize.h"
#include "runtime/kernels/conv/transpose_accumulate.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::conv {

namespace {

constexpr int kOutputShape = 0;
constexpr int kWeights = 1;
constexpr int kInput = 2;
constexpr int kBias = 3;

int64_t transpose_tile(const ConvShape& s) { return std::clamp<int64_t>((int64_t{1} << 14) / s.out_c, 1, 1024); }

// Shared by every type: geometry, weights (a transposed copy when constant) and scratch.
struct TransposeSetup {
    ConvShape shape;
    tflite::ActivationFunctionType activation;
    bool has_bias;
    int tasks;
    size_t acc_offset;  // per-task accumulators (out_c values), in scratch
    size_t acc_bytes;
    WeightLayout layout;
    std::shared_ptr<const std::vector<uint8_t>> weights;  // [h, w, in, out] bytes; null: use the input

    template <class W>
    const W* weights_for(const OpContext& c) const {
        return weights ? reinterpret_cast<const W*>(weights->data()) : c.input<W>(kWeights);
    }
};

// [out, h, w, in] -> [h, w, in, out], so that the innermost (output channel) loop is contiguous.
std::shared_ptr<const std::vector<uint8_t>> transposed_weights(const TensorInfo& weights, size_t element) {
    const auto out_c = static_cast<size_t>(weights.dim(0));
    const auto taps_in = static_cast<size_t>(weights.elements()) / out_c;  // h * w * in
    auto copy = std::make_shared<std::vector<uint8_t>>(weights.constant.size());
    for (size_t oc = 0; oc < out_c; ++oc)
        for (size_t i = 0; i < taps_in; ++i)
            std::copy_n(weights.constant.data() + (oc * taps_in + i) * element, element,
                        copy->data() + (i * out_c + oc) * element);
    return copy;
}

std::unique_ptr<OpKernel> float_transpose(const TransposeSetup& d) {
    const FloatRange range = float_activation_range(d.activation);
    return make_kernel([d, range](const OpContext& c) -> Status {
        const ConvShape& s = d.shape;
        const float* input = c.input<float>(kInput);
        const float* weights = d.weights_for<float>(c);
        const float* bias = d.has_bias ? c.input<float>(kBias) : nullptr;
        float* output = c.output<float>(0);
        run_tiles(c.pool(), d.tasks, s.out_pixels(), transpose_tile(s), [&](int, int64_t begin, int64_t end) {
            for (int64_t p = begin; p < end; ++p) {
                float* out = output + p * s.out_c;
                transpose_accumulate(s, input, weights, d.layout, InputOffset{}, 0, p, out);
                for (int oc = 0; oc < s.out_c; ++oc) {
                    const float value = bias ? out[oc] + bias[oc] : out[oc];
                    out[oc] = std::min(std::max(value, range.min), range.max);
                }
            }
        });
        return {};
    });
}

template <class In, class W, class Acc>
std::unique_ptr<OpKernel> quantized_transpose(const PrepareContext& ctx, const TransposeSetup& d) {
    const Requantization rq =
        conv_requantization(ctx.input(kInput), ctx.input(kWeights), ctx.output(0), d.shape.out_c, d.activation);
    const int32_t input_offset = -ctx.input(kInput).quant.zero_point0();
    // Not const: a constant zero (int8 weights) would need no capture, and clang says so.
    int32_t filter_offset = std::is_same_v<W, uint8_t> ? -ctx.input(kWeights).quant.zero_point0() : 0;
    return make_kernel([d, rq, input_offset, filter_offset](const OpContext& c) -> Status {
        const ConvShape& s = d.shape;
        const In* input = c.input<In>(kInput);
        const W* weights = d.weights_for<W>(c);
        const Acc* bias = d.has_bias ? c.input<Acc>(kBias) : nullptr;
        In* output = c.output<In>(0);
        const std::span<uint8_t> scratch = c.scratch();
        run_tiles(c.pool(), d.tasks, s.out_pixels(), transpose_tile(s), [&](int task, int64_t begin, int64_t end) {
            Acc* acc = scratch_at<Acc>(scratch, d.acc_offset + static_cast<size_t>(task) * d.acc_bytes);
            for (int64_t p = begin; p < end; ++p) {
                transpose_accumulate(s, input, weights, d.layout, InputOffset{input_offset}, filter_offset, p, acc);
                rq.apply_pixel(acc, bias, output + p * s.out_c, s.out_c);
            }
        });
        return {};
    });
}

std::unique_ptr<OpKernel> hybrid_transpose(const PrepareContext& ctx, const TransposeSetup& d, size_t quantized_offset,
                                           size_t factors_offset, size_t offsets_offset) {
    const std::vector<float> scales = channel_scales(ctx.input(kWeights), d.shape.out_c);
    const FloatRange range = float_activation_range(d.activation);
    return make_kernel([=](const OpContext& c) -> Status {
        const ConvShape& s = d.shape;
        const float* input = c.input<float>(kInput);
        const int8_t* weights = d.weights_for<int8_t>(c);
        const float* bias = d.has_bias ? c.input<float>(kBias) : nullptr;
        float* output = c.output<float>(0);
        const std::span<uint8_t> scratch = c.scratch();
        int8_t* quantized = scratch_at<int8_t>(scratch, quantized_offset);
        float* factors = scratch_at<float>(scratch, factors_offset);
        int32_t* offsets = scratch_at<int32_t>(scratch, offsets_offset);
        const int64_t item = int64_t{s.in_h} * s.in_w * s.in_c;
        for (int b = 0; b < s.batches; ++b) {
            const AsymmetricQuantization q = asymmetric_quantize(
                std::span<const float>(input + b * item, static_cast<size_t>(item)), quantized + b * item);
            factors[b] = q.scale;
            offsets[b] = -q.zero_point;
        }
        const int64_t image_pixels = int64_t{s.out_h} * s.out_w;
        run_tiles(c.pool(), d.tasks, s.out_pixels(), transpose_tile(s), [&](int task, int64_t begin, int64_t end) {
            int32_t* acc = scratch_at<int32_t>(scratch, d.acc_offset + static_cast<size_t>(task) * d.acc_bytes);
            for (int64_t p = begin; p < end; ++p) {
                transpose_accumulate(s, quantized, weights, d.layout, InputOffset{0, offsets}, 0, p, acc);
                const float factor = factors[p / image_pixels];
                float* out = output + p * s.out_c;
                for (int oc = 0; oc < s.out_c; ++oc) {
                    float value = static_cast<float>(acc[oc]) * scales[static_cast<size_t>(oc)] * factor;
                    if (bias) value += bias[oc];
                    out[oc] = std::min(std::max(value, range.min), range.max);
                }
            }
        });
        return {};
    });
}


}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_transpose_conv(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::TransposeConvOptionsT>();
    if (ctx.num_inputs() < 3 || ctx.num_inputs() > 4 || ctx.num_outputs() != 1)
        return ctx.invalid("TRANSPOSE_CONV needs output_shape, weights, input, optional bias and one output");
    const TensorInfo& shape_tensor = ctx.input(kOutputShape);
    const TensorInfo& weights = ctx.input(kWeights);
    const TensorInfo& input = ctx.input(kInput);
    TensorInfo& output = ctx.output(0);
    if (input.rank() != 4 || weights.rank() != 4)
        return ctx.invalid("input " + format_dims(input.shape) + " and weights " + format_dims(weights.shape) +
                           " must both have 4 dimensions");
    if (shape_tensor.type != DType::kInt32 || shape_tensor.elements() != 4)
        return ctx.invalid("output_shape must be 4 INT32 values");
    const auto out_shape = ctx.constant<int32_t>(kOutputShape);
    if (out_shape.empty()) return ctx.unsupported("an output_shape that is not constant");
    if (!is_fusable_activation(options.fused_activation_function))
        return ctx.unsupported("fused activation " +
                               std::string(tflite::EnumNameActivationFunctionType(options.fused_activation_function)));

    ConvShape s;
    s.batches = input.dim(0);
    s.in_h = input.dim(1);
    s.in_w = input.dim(2);
    s.in_c = input.dim(3);
    s.out_h = out_shape[1];
    s.out_w = out_shape[2];
    s.out_c = weights.dim(0);
    s.filter_h = weights.dim(1);
    s.filter_w = weights.dim(2);
    s.filter_in_c = weights.dim(3);
    s.stride_h = options.stride_h;
    s.stride_w = options.stride_w;
    if (out_shape[0] != s.batches || out_shape[3] != s.out_c || s.out_h <= 0 || s.out_w <= 0)
        return ctx.invalid("output_shape " + format_dims(std::vector<int32_t>(out_shape.begin(), out_shape.end())) + " for input " +
                           format_dims(input.shape) + " and weights " + format_dims(weights.shape));
    if (s.filter_in_c != s.in_c)
        return ctx.invalid("weights for " + std::to_string(s.filter_in_c) + " input channels, input has " +
                           std::to_string(s.in_c));
    // TFLite pads as for a convolution from the output back to the input.
    auto height = padded_size(options.padding, s.out_h, s.filter_h, s.stride_h, 1);
    if (!height) return height.error();
    auto width = padded_size(options.padding, s.out_w, s.filter_w, s.stride_w, 1);
    if (!width) return width.error();
    s.pad_h = height->pad;
    s.pad_w = width->pad;
    output.shape = {s.batches, s.out_h, s.out_w, s.out_c};
    if (output.type != input.type)
        return ctx.unsupported("output type " + type_name(output.type) + " for input type " + type_name(input.type));

    const bool has_bias = ctx.has_input(kBias);
    const DType bias_type = expected_bias_type(input.type, options.quantized_bias_type);
    LITELAB_TRY(check_bias(ctx, kBias, bias_type, s.out_c));

    const int tasks = std::max(1, ctx.pool().threads());
    ScratchPlan plan;
    // Hybrid kernels first quantize the whole input.
    const bool hybrid = input.type == DType::kFloat32 && weights.type == DType::kInt8;
    const int64_t item = int64_t{s.in_h} * s.in_w * s.in_c;
    const size_t quantized_offset = hybrid ? plan.add(static_cast<size_t>(item * s.batches)) : 0;
    const size_t factors_offset = hybrid ? plan.add(sizeof(float) * static_cast<size_t>(s.batches)) : 0;
    const size_t offsets_offset = hybrid ? plan.add(sizeof(int32_t) * static_cast<size_t>(s.batches)) : 0;
    const size_t acc_size = input.type == DType::kFloat32 && !hybrid ? 0
                            : bias_type == DType::kInt64            ? sizeof(int64_t)
                                                                    : sizeof(int32_t);
    const size_t acc_bytes = (static_cast<size_t>(s.out_c) * acc_size + 63) / 64 * 64;
    const size_t acc_offset = acc_size ? plan.add(acc_bytes * static_cast<size_t>(tasks)) : 0;

    TransposeSetup d{s, options.fused_activation_function, has_bias, tasks, acc_offset, acc_bytes, {}, nullptr};
    const size_t element = weights.type == DType::kFloat32 ? sizeof(float) : 1;
    if (ctx.is_constant(kWeights)) {
        d.weights = transposed_weights(weights, element);
        d.layout = {int64_t{s.in_c} * s.out_c, s.out_c, 1};
    } else {
        d.layout = {s.in_c, 1, s.patch()};
    }

    switch (input.type) {
        case DType::kFloat32:
            if (weights.type == DType::kFloat32) {
                ctx.request_scratch(plan.bytes());
                return float_transpose(d);
            }
            if (weights.type == DType::kInt8) {
                if (std::string problem = filter_quantization_problem(weights, 0, s.out_c, false); !problem.empty())
                    return ctx.unsupported("hybrid weights: " + problem);
                ctx.request_scratch(plan.bytes());
                return hybrid_transpose(ctx, d, quantized_offset, factors_offset, offsets_offset);
            }
            return ctx.unsupported("FLOAT32 input with " + type_name(weights.type) + " weights");
        case DType::kInt8:
        case DType::kInt16:
        case DType::kUInt8: {
            LITELAB_TRY(check_quantized_operands(ctx, input, weights, output, 0, s.out_c));
            ctx.request_scratch(plan.bytes());
            if (input.type == DType::kInt8) return quantized_transpose<int8_t, int8_t, int32_t>(ctx, d);
            if (input.type == DType::kUInt8) return quantized_transpose<uint8_t, uint8_t, int32_t>(ctx, d);
            if (bias_type == DType::kInt32) return quantized_transpose<int16_t, int8_t, int32_t>(ctx, d);
            return quantized_transpose<int16_t, int8_t, int64_t>(ctx, d);
        }
        default: return ctx.unsupported("input type " + type_name(input.type));
    }
}

}  // namespace litelab::conv
