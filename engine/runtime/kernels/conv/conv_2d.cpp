// CONV_2D: validation, output shape and the choice of kernel by type.
//   float32                      float weights and bias
//   int8                         int8 weights (per-tensor or per output channel), int32 bias
//   uint8 (legacy)               uint8 weights (per-tensor), int32 bias
//   int16 (16x8)                 int8 weights, int64 bias (int32 when the model says so)
//   float32 + int8 weights       hybrid: inputs quantized per batch item on the fly
// Grouped convolutions (input channels a multiple of the filter's) are computed as TFLite does.
#include "runtime/kernels/conv/conv_factories.h"

#include <string>

#include "model/graph.h"
#include "runtime/kernels/conv/conv_2d_kernels.h"
#include "runtime/kernels/conv/conv_quant.h"

namespace litelab::conv {

namespace {

std::string type_name(DType type) { return std::string(dtype_name(type)); }

// The bias must have one value per output channel, of the type the input type implies.
Status check_bias(const PrepareContext& ctx, DType input_type, const tflite::Conv2DOptionsT& options,
                  int channels) {
    if (!ctx.has_input(2)) return {};
    const TensorInfo& bias = ctx.input(2);
    if (bias.elements() != channels)
        return ctx.invalid("bias has " + std::to_string(bias.elements()) + " values for " +
                           std::to_string(channels) + " output channels");
    DType expected = input_type;
    if (input_type == DType::kInt8 || input_type == DType::kUInt8) expected = DType::kInt32;
    if (input_type == DType::kInt16) {
        // An int32 bias is read as int32 only when the model declares it (TFLite v8+).
        expected = options.quantized_bias_type == tflite::TensorType_INT32 ? DType::kInt32 : DType::kInt64;
    }
    if (bias.type != expected)
        return ctx.unsupported("bias of type " + type_name(bias.type) + " with " + type_name(input_type) +
                               " input (expected " + type_name(expected) + ")");
    return {};
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_conv_2d(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::Conv2DOptionsT>();
    if (ctx.num_inputs() < 2 || ctx.num_inputs() > 3 || ctx.num_outputs() != 1)
        return ctx.invalid("CONV_2D needs input, filter, optional bias and one output");
    const TensorInfo& input = ctx.input(0);
    const TensorInfo& filter = ctx.input(1);
    TensorInfo& output = ctx.output(0);
    if (input.rank() != 4 || filter.rank() != 4)
        return ctx.invalid("input " + format_dims(input.shape) + " and filter " + format_dims(filter.shape) +
                           " must both have 4 dimensions");
    if (!is_fusable_activation(options.fused_activation_function))
        return ctx.unsupported("fused activation " +
                               std::string(tflite::EnumNameActivationFunctionType(options.fused_activation_function)));

    ConvShape s;
    s.batches = input.dim(0);
    s.in_h = input.dim(1);
    s.in_w = input.dim(2);
    s.in_c = input.dim(3);
    s.out_c = filter.dim(0);
    s.filter_h = filter.dim(1);
    s.filter_w = filter.dim(2);
    s.filter_in_c = filter.dim(3);
    s.stride_h = options.stride_h;
    s.stride_w = options.stride_w;
    s.dilation_h = options.dilation_h_factor;
    s.dilation_w = options.dilation_w_factor;
    if (s.filter_in_c <= 0 || s.in_c % s.filter_in_c != 0)
        return ctx.invalid("input channels " + std::to_string(s.in_c) + " are not a multiple of the filter's " +
                           std::to_string(s.filter_in_c));
    if (s.out_c <= 0 || s.out_c % s.groups() != 0)
        return ctx.invalid(std::to_string(s.out_c) + " filters do not split into " + std::to_string(s.groups()) +
                           " groups");
    auto height = padded_size(options.padding, s.in_h, s.filter_h, s.stride_h, s.dilation_h);
    if (!height) return height.error();
    auto width = padded_size(options.padding, s.in_w, s.filter_w, s.stride_w, s.dilation_w);
    if (!width) return width.error();
    s.out_h = height->out;
    s.pad_h = height->pad;
    s.out_w = width->out;
    s.pad_w = width->pad;
    output.shape = {s.batches, s.out_h, s.out_w, s.out_c};

    if (output.type != input.type)
        return ctx.unsupported("output type " + type_name(output.type) + " for input type " + type_name(input.type));
    LITELAB_TRY(check_bias(ctx, input.type, options, s.out_c));
    const Conv2dSetup setup{s, options.fused_activation_function, ctx.has_input(2)};

    switch (input.type) {
        case DType::kFloat32:
            if (filter.type == DType::kFloat32) return make_float_conv(ctx, setup);
            if (filter.type == DType::kInt8) {
                if (const std::string problem = filter_quantization_problem(filter, 0, s.out_c, false);
                    !problem.empty())
                    return ctx.unsupported("hybrid weights: " + problem);
                return make_hybrid_conv(ctx, setup);
            }
            return ctx.unsupported("FLOAT32 input with " + type_name(filter.type) + " weights");
        case DType::kInt8:
        case DType::kInt16:
        case DType::kUInt8: {
            const DType weights = input.type == DType::kUInt8 ? DType::kUInt8 : DType::kInt8;
            if (filter.type != weights)
                return ctx.unsupported(type_name(input.type) + " input with " + type_name(filter.type) + " weights");
            const bool symmetric = input.type != DType::kUInt8;
            if (std::string problem = filter_quantization_problem(filter, 0, s.out_c, symmetric); !problem.empty())
                return ctx.unsupported(problem);
            if (input.type == DType::kUInt8 && filter.quant.per_axis())
                return ctx.unsupported("per-channel UINT8 weights");
            if (input.quant.empty() || output.quant.empty())
                return ctx.invalid("quantized input and output need scales");
            if (input.type == DType::kInt16 && (input.quant.zero_point0() != 0 || output.quant.zero_point0() != 0))
                return ctx.unsupported("INT16 activations with a non-zero zero point");
            return make_quantized_conv(ctx, setup);
        }
        default: return ctx.unsupported("input type " + type_name(input.type));
    }
}

}  // namespace litelab::conv
