// DEPTHWISE_CONV_2D: filter [1, H, W, in_channels * depth_multiplier].
//   float32                      float weights and bias
//   int8                         int8 weights (per-tensor or per channel, axis 3), int32 bias
//   uint8 (legacy)               uint8 weights (per-tensor), int32 bias
//   int16 (16x8)                 int8 weights, int64 bias, zero points 0
//   float32 + int8 weights       hybrid: each batch item quantized asymmetrically on the fly
// The depth multiplier comes from the shapes, as in TFLite's kernels.
#include <algorithm>
#include <string>
#include <vector>

#include "model/graph.h"
#include "runtime/kernels/conv/conv_checks.h"
#include "runtime/kernels/conv/conv_factories.h"
#include "runtime/kernels/conv/conv_quant.h"
#include "runtime/kernels/conv/conv_tiles.h"
#include "runtime/kernels/conv/depthwise_accumulate.h"
#include "runtime/kernels/conv/hybrid_quantize.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::conv {

namespace {

// Output pixels per tile: every channel of a pixel is computed together.
int64_t depthwise_tile(const ConvShape& s) { return std::clamp<int64_t>((int64_t{1} << 14) / s.out_c, 1, 1024); }

struct DepthwiseSetup {
    ConvShape shape;
    tflite::ActivationFunctionType activation;
    bool has_bias;
    int tasks;
    size_t acc_offset;  // per-task accumulators (out_c values), in scratch
    size_t acc_bytes;   // per task
};

std::unique_ptr<OpKernel> float_depthwise(const DepthwiseSetup& d) {
    const FloatRange range = float_activation_range(d.activation);
    return make_kernel([d, range](const OpContext& c) -> Status {
        const ConvShape& s = d.shape;
        const float* input = c.input<float>(0);
        const float* filter = c.input<float>(1);
        const float* bias = d.has_bias ? c.input<float>(2) : nullptr;
        float* output = c.output<float>(0);
        run_tiles(c.pool(), d.tasks, s.out_pixels(), depthwise_tile(s), [&](int, int64_t begin, int64_t end) {
            for (int64_t p = begin; p < end; ++p) {
                float* out = output + p * s.out_c;
                depthwise_accumulate(s, input, filter, InputOffset{}, 0, p, out);
                for (int oc = 0; oc < s.out_c; ++oc) {
                    const float value = out[oc] + (bias ? bias[oc] : 0.0f);
                    out[oc] = std::min(std::max(value, range.min), range.max);
                }
            }
        });
        return {};
    });
}

template <class In, class W, class Acc>
std::unique_ptr<OpKernel> quantized_depthwise(const PrepareContext& ctx, const DepthwiseSetup& d) {
    const Requantization rq = conv_requantization(ctx.input(0), ctx.input(1), ctx.output(0), d.shape.out_c, d.activation);
    const int32_t input_offset = -ctx.input(0).quant.zero_point0();
    // Not const: a constant zero (int8 weights) would need no capture, and clang says so.
    int32_t filter_offset = std::is_same_v<W, uint8_t> ? -ctx.input(1).quant.zero_point0() : 0;
    return make_kernel([d, rq, input_offset, filter_offset](const OpContext& c) -> Status {
        const ConvShape& s = d.shape;
        const In* input = c.input<In>(0);
        const W* filter = c.input<W>(1);
        const Acc* bias = d.has_bias ? c.input<Acc>(2) : nullptr;
        In* output = c.output<In>(0);
        const std::span<uint8_t> scratch = c.scratch();
        run_tiles(c.pool(), d.tasks, s.out_pixels(), depthwise_tile(s), [&](int task, int64_t begin, int64_t end) {
            Acc* acc = scratch_at<Acc>(scratch, d.acc_offset + static_cast<size_t>(task) * d.acc_bytes);
            for (int64_t p = begin; p < end; ++p) {
                depthwise_accumulate(s, input, filter, InputOffset{input_offset}, filter_offset, p, acc);
                rq.apply_pixel(acc, bias, output + p * s.out_c, s.out_c);
            }
        });
        return {};
    });
}

std::unique_ptr<OpKernel> hybrid_depthwise(const PrepareContext& ctx, const DepthwiseSetup& d, size_t quantized_offset,
                                           size_t factors_offset, size_t offsets_offset) {
    const std::vector<float> scales = channel_scales(ctx.input(1), d.shape.out_c);
    const FloatRange range = float_activation_range(d.activation);
    return make_kernel([=](const OpContext& c) -> Status {
        const ConvShape& s = d.shape;
        const float* input = c.input<float>(0);
        const int8_t* filter = c.input<int8_t>(1);
        const float* bias = d.has_bias ? c.input<float>(2) : nullptr;
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
        run_tiles(c.pool(), d.tasks, s.out_pixels(), depthwise_tile(s), [&](int task, int64_t begin, int64_t end) {
            int32_t* acc = scratch_at<int32_t>(scratch, d.acc_offset + static_cast<size_t>(task) * d.acc_bytes);
            for (int64_t p = begin; p < end; ++p) {
                depthwise_accumulate(s, quantized, filter, InputOffset{0, offsets}, 0, p, acc);
                const float factor = factors[p / image_pixels];
                float* out = output + p * s.out_c;
                for (int oc = 0; oc < s.out_c; ++oc) {
                    // The reference's order: acc * (channel scale * batch factor).
                    float value = static_cast<float>(acc[oc]);
                    value *= scales[static_cast<size_t>(oc)] * factor;
                    if (bias) value += bias[oc];
                    out[oc] = std::min(std::max(value, range.min), range.max);
                }
            }
        });
        return {};
    });
}


}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_depthwise_conv_2d(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::DepthwiseConv2DOptionsT>();
    if (ctx.num_inputs() < 2 || ctx.num_inputs() > 3 || ctx.num_outputs() != 1)
        return ctx.invalid("DEPTHWISE_CONV_2D needs input, filter, optional bias and one output");
    const TensorInfo& input = ctx.input(0);
    const TensorInfo& filter = ctx.input(1);
    TensorInfo& output = ctx.output(0);
    if (input.rank() != 4 || filter.rank() != 4 || filter.dim(0) != 1)
        return ctx.invalid("input " + format_dims(input.shape) + " and filter " + format_dims(filter.shape) +
                           " must be NHWC and [1, H, W, C]");
    if (!is_fusable_activation(options.fused_activation_function))
        return ctx.unsupported("fused activation " +
                               std::string(tflite::EnumNameActivationFunctionType(options.fused_activation_function)));

    ConvShape s;
    s.batches = input.dim(0);
    s.in_h = input.dim(1);
    s.in_w = input.dim(2);
    s.in_c = input.dim(3);
    s.filter_h = filter.dim(1);
    s.filter_w = filter.dim(2);
    s.out_c = filter.dim(3);
    s.filter_in_c = s.in_c;
    s.stride_h = options.stride_h;
    s.stride_w = options.stride_w;
    s.dilation_h = options.dilation_h_factor;
    s.dilation_w = options.dilation_w_factor;
    if (s.in_c <= 0 || s.out_c % s.in_c != 0)
        return ctx.invalid(std::to_string(s.out_c) + " filter channels are not a multiple of " +
                           std::to_string(s.in_c) + " input channels");
    LITELAB_TRY(set_output_geometry(s, options.padding));
    output.shape = {s.batches, s.out_h, s.out_w, s.out_c};
    if (output.type != input.type)
        return ctx.unsupported("output type " + type_name(output.type) + " for input type " + type_name(input.type));

    const bool has_bias = ctx.has_input(2);
    // DepthwiseConv2DOptions has no quantized_bias_type: int16 always reads an int64 bias.
    LITELAB_TRY(check_bias(ctx, 2, expected_bias_type(input.type, tflite::TensorType_FLOAT32), s.out_c));

    const int tasks = std::max(1, ctx.pool().threads());
    ScratchPlan plan;
    auto setup = [&](size_t acc_size) {
        const size_t acc_bytes = (static_cast<size_t>(s.out_c) * acc_size + 63) / 64 * 64;
        const size_t acc_offset = acc_size ? plan.add(acc_bytes * static_cast<size_t>(tasks)) : 0;
        return DepthwiseSetup{s, options.fused_activation_function, has_bias, tasks, acc_offset, acc_bytes};
    };

    switch (input.type) {
        case DType::kFloat32:
            if (filter.type == DType::kFloat32) return float_depthwise(setup(0));
            if (filter.type == DType::kInt8) {
                if (std::string problem = filter_quantization_problem(filter, 3, s.out_c, false); !problem.empty())
                    return ctx.unsupported("hybrid weights: " + problem);
                const int64_t item = int64_t{s.in_h} * s.in_w * s.in_c;
                const size_t quantized_offset = plan.add(static_cast<size_t>(item * s.batches));
                const size_t factors_offset = plan.add(sizeof(float) * static_cast<size_t>(s.batches));
                const size_t offsets_offset = plan.add(sizeof(int32_t) * static_cast<size_t>(s.batches));
                const DepthwiseSetup d = setup(sizeof(int32_t));
                ctx.request_scratch(plan.bytes());
                return hybrid_depthwise(ctx, d, quantized_offset, factors_offset, offsets_offset);
            }
            return ctx.unsupported("FLOAT32 input with " + type_name(filter.type) + " weights");
        case DType::kInt8:
        case DType::kInt16:
        case DType::kUInt8: {
            LITELAB_TRY(check_quantized_operands(ctx, input, filter, output, 3, s.out_c));
            if (input.type == DType::kInt16) {
                const DepthwiseSetup d = setup(sizeof(int64_t));
                ctx.request_scratch(plan.bytes());
                return quantized_depthwise<int16_t, int8_t, int64_t>(ctx, d);
            }
            const DepthwiseSetup d = setup(sizeof(int32_t));
            ctx.request_scratch(plan.bytes());
            if (input.type == DType::kInt8) return quantized_depthwise<int8_t, int8_t, int32_t>(ctx, d);
            return quantized_depthwise<uint8_t, uint8_t, int32_t>(ctx, d);
        }
        default: return ctx.unsupported("input type " + type_name(input.type));
    }
}

}  // namespace litelab::conv
