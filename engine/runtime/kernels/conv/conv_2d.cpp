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
#include "runtime/kernels/conv/conv_checks.h"
#include "runtime/kernels/conv/conv_quant.h"

namespace litelab::conv {

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
    LITELAB_TRY(set_output_geometry(s, options.padding));
    output.shape = {s.batches, s.out_h, s.out_w, s.out_c};

    if (output.type != input.type)
        return ctx.unsupported("output type " + type_name(output.type) + " for input type " + type_name(input.type));
    LITELAB_TRY(check_bias(ctx, 2, expected_bias_type(input.type, options.quantized_bias_type), s.out_c));
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
            LITELAB_TRY(check_quantized_operands(ctx, input, filter, output, 0, s.out_c));
            return make_quantized_conv(ctx, setup);
        }
        default: return ctx.unsupported("input type " + type_name(input.type));
    }
}

}  // namespace litelab::conv
