#include "runtime/kernels/conv/conv_checks.h"

#include <string>

#include "runtime/kernels/conv/conv_quant.h"

namespace litelab::conv {

Status set_output_geometry(ConvShape& s, tflite::Padding padding) {
    auto height = padded_size(padding, s.in_h, s.filter_h, s.stride_h, s.dilation_h);
    if (!height) return height.error();
    auto width = padded_size(padding, s.in_w, s.filter_w, s.stride_w, s.dilation_w);
    if (!width) return width.error();
    s.out_h = height->out;
    s.pad_h = height->pad;
    s.out_w = width->out;
    s.pad_w = width->pad;
    return {};
}

DType expected_bias_type(DType input_type, tflite::TensorType quantized_bias_type) {
    switch (input_type) {
        case DType::kInt8:
        case DType::kUInt8: return DType::kInt32;
        case DType::kInt16: return quantized_bias_type == tflite::TensorType_INT32 ? DType::kInt32 : DType::kInt64;
        default: return input_type;
    }
}

Status check_bias(const PrepareContext& ctx, int index, DType expected, int channels) {
    if (!ctx.has_input(index)) return {};
    const TensorInfo& bias = ctx.input(index);
    if (bias.elements() != channels)
        return ctx.invalid("bias has " + std::to_string(bias.elements()) + " values for " + std::to_string(channels) +
                           " output channels");
    if (bias.type != expected)
        return ctx.unsupported("bias of type " + type_name(bias.type) + " (expected " + type_name(expected) + ")");
    return {};
}

Status check_quantized_operands(const PrepareContext& ctx, const TensorInfo& input, const TensorInfo& filter,
                                const TensorInfo& output, int channel_axis, int channels) {
    const DType weights = input.type == DType::kUInt8 ? DType::kUInt8 : DType::kInt8;
    if (filter.type != weights)
        return ctx.unsupported(type_name(input.type) + " input with " + type_name(filter.type) + " weights");
    const bool symmetric = input.type != DType::kUInt8;
    if (std::string problem = filter_quantization_problem(filter, channel_axis, channels, symmetric); !problem.empty())
        return ctx.unsupported(problem);
    if (input.type == DType::kUInt8 && filter.quant.per_axis()) return ctx.unsupported("per-channel UINT8 weights");
    if (input.quant.empty() || output.quant.empty()) return ctx.invalid("quantized input and output need scales");
    if (input.type == DType::kInt16 && (input.quant.zero_point0() != 0 || output.quant.zero_point0() != 0))
        return ctx.unsupported("INT16 activations with a non-zero zero point");
    return {};
}

}  // namespace litelab::conv
