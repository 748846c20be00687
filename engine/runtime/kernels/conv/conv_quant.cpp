#include "runtime/kernels/conv/conv_quant.h"

#include <algorithm>

namespace litelab::conv {

std::string filter_quantization_problem(const TensorInfo& filter, int channel_axis, int channels,
                                        bool symmetric) {
    const QuantParams& q = filter.quant;
    if (q.scale.empty()) return "a quantized filter without scales";
    if (q.scale.size() != 1 && static_cast<int>(q.scale.size()) != channels)
        return "a filter with " + std::to_string(q.scale.size()) + " scales for " + std::to_string(channels) +
               " output channels";
    if (q.per_axis() && q.axis != channel_axis)
        return "filter scales along dimension " + std::to_string(q.axis) + " (expected " +
               std::to_string(channel_axis) + ")";
    for (float s : q.scale)
        if (!(s > 0.0f)) return "a filter scale that is not positive";
    if (symmetric)
        for (int32_t zp : q.zero_point)
            if (zp != 0) return "a filter zero point of " + std::to_string(zp) + " (must be 0)";
    return {};
}

Requantization conv_requantization(const TensorInfo& input, const TensorInfo& filter, const TensorInfo& output,
                                   int channels, tflite::ActivationFunctionType activation) {
    Requantization r;
    r.output_zero_point = output.quant.zero_point0();
    r.range = quantized_activation_range(activation, output.type, output.quant);
    r.multiplier.resize(static_cast<size_t>(channels));
    r.shift.resize(static_cast<size_t>(channels));
    const float input_scale = input.quant.scale0();
    const float output_scale = output.quant.scale0();
    if (input.type == DType::kInt8) r.float_scale.resize(static_cast<size_t>(channels));
    for (size_t c = 0; c < static_cast<size_t>(channels); ++c) {
        const float filter_scale = filter.quant.per_axis() ? filter.quant.scale[c] : filter.quant.scale0();
        double real = 0.0;
        if (input.type == DType::kUInt8) {
            // GetQuantizedConvolutionMultipler: the product is rounded to float first.
            real = static_cast<double>(input_scale * filter_scale) / static_cast<double>(output_scale);
        } else {
            real = static_cast<double>(input_scale) * static_cast<double>(filter_scale) /
                   static_cast<double>(output_scale);
        }
        if (!r.float_scale.empty()) r.float_scale[c] = input_scale * filter_scale / output_scale;
        const QuantizedMultiplier m = quantize_multiplier(real);
        r.multiplier[c] = m.multiplier;
        r.shift[c] = m.shift;
    }
    return r;
}

std::vector<float> channel_scales(const TensorInfo& filter, int channels) {
    if (filter.quant.per_axis()) return filter.quant.scale;
    return std::vector<float>(static_cast<size_t>(channels), filter.quant.scale0());
}

bool has_distinct_channel_scales(const TensorInfo& filter) {
    const auto& s = filter.quant.scale;
    return s.size() > 1 && std::any_of(s.begin(), s.end(), [&](float v) { return v != s[0]; });
}

}  // namespace litelab::conv
