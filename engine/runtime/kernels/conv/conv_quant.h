// Quantization parameters of the convolutions, prepared once per operator: the per-channel
// requantization of integer accumulators (TFLite's PopulateConvolutionQuantizationParams) and
// the filter scales of hybrid kernels.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "runtime/quant/fixed_point.h"
#include "runtime/tensor_info.h"

namespace litelab::conv {

// acc (+ bias) -> output integer: multiply_by_quantized_multiplier per output channel, add the
// output zero point, clamp to the fused activation's range.
struct Requantization {
    std::vector<int32_t> multiplier;  // one per output channel (per-tensor filters broadcast)
    std::vector<int> shift;
    int32_t output_zero_point = 0;
    ActivationRange range;
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
