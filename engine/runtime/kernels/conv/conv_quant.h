// Quantization parameters of the convolutions, prepared once per operator: the per-channel
// requantization of integer accumulators (TFLite's PopulateConvolutionQuantizationParams) and
// the filter scales of hybrid kernels.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "runtime/quant/fixed_point.h"
#include "runtime/tensor_info.h"

namespace litelab::conv {

// acc (+ bias) -> output integer, clamped to the fused activation's range.
//
// int8 activations follow XNNPACK, which LiteRT runs for them: the accumulator converted to
// float, times a float scale (input_scale * filter_scale / output_scale, computed in float),
// rounded half to even. On person_detect this matches LiteRT, Arm NN and tfweb in every output
// of every layer; the fixed-point multiply rounded once differed in one output of the fifth
// depthwise layer (a tie), and rounded twice in 0.2% of the first.
// uint8 and int16 activations use the fixed-point multiplier, rounded once.
struct Requantization {
    std::vector<float> float_scale;   // int8: one per output channel, else empty
    std::vector<int32_t> multiplier;  // one per output channel (per-tensor filters broadcast)
    std::vector<int> shift;
    int32_t output_zero_point = 0;
    ActivationRange range;

    template <class Acc>
    int32_t apply(Acc acc, size_t channel) const {
        if (!float_scale.empty()) {
            // Clamped in float first, as XNNPACK does; the bounds are integers, so clamping
            // before or after rounding gives the same result.
            const float scaled = std::clamp(static_cast<float>(acc) * float_scale[channel],
                                            static_cast<float>(range.min - output_zero_point),
                                            static_cast<float>(range.max - output_zero_point));
            return static_cast<int32_t>(std::nearbyint(scaled)) + output_zero_point;
        }
        const int32_t scaled = multiply_by_quantized_multiplier_single_rounding(acc, multiplier[channel], shift[channel]);
        return std::clamp(scaled + output_zero_point, range.min, range.max);
    }
};

// Checks a quantized filter: scales present, one or `channels` of them along `channel_axis`,
// zero points all zero when `symmetric`. Returns an unsupported/invalid message, or empty.
std::string filter_quantization_problem(const TensorInfo& filter, int channel_axis, int channels,
                                        bool symmetric);

// int8 / int16 activations: (double) input_scale * filter_scale[c] / output_scale per channel.
// uint8: TFLite's legacy (float) input_scale * filter_scale / output_scale for every channel.
Requantization conv_requantization(const TensorInfo& input, const TensorInfo& filter, const TensorInfo& output,
                                   int channels, tflite::ActivationFunctionType activation);

// Hybrid kernels: the filter's scale for each of `channels` output channels.
std::vector<float> channel_scales(const TensorInfo& filter, int channels);
// True when the filter has several scales that are not all equal (TFLite's per-channel hybrid).
bool has_distinct_channel_scales(const TensorInfo& filter);

}  // namespace litelab::conv
