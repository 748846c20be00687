// Quantization parameters of the convolutions, prepared once per operator: the per-channel
// requantization of integer accumulators (TFLite's PopulateConvolutionQuantizationParams) and
// the filter scales of hybrid kernels.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>
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
            // Round half to even by adding and removing 1.5 * 2^23 (XNNPACK's "magic bias"):
            // exact for |scaled| < 2^22, which the clamp guarantees, and inline where
            // std::nearbyint is a library call.
            constexpr float kMagic = 12582912.0f;
            return static_cast<int32_t>((scaled + kMagic) - kMagic) + output_zero_point;
        }
        const int32_t scaled = multiply_by_quantized_multiplier_single_rounding(acc, multiplier[channel], shift[channel]);
        return std::clamp(scaled + output_zero_point, range.min, range.max);
    }

    // One output pixel: out[c] = apply(acc[c] + bias[c], c) for every channel (bias may be null).
    template <class Acc, class Bias, class Out>
    void apply_pixel(const Acc* acc, const Bias* bias, Out* out, int channels) const {
        if constexpr (std::is_same_v<Acc, int32_t>) {
            if (!float_scale.empty()) {
                scale_in_float(acc, bias, float_scale.data(), static_cast<float>(range.min - output_zero_point),
                               static_cast<float>(range.max - output_zero_point), output_zero_point, out, channels);
                return;
            }
        }
        for (int c = 0; c < channels; ++c) {
            const Acc sum = bias ? static_cast<Acc>(acc[c] + bias[c]) : acc[c];
            out[c] = static_cast<Out>(apply(sum, static_cast<size_t>(c)));
        }
    }

private:
    // apply()'s float path over a row, written so that it vectorises (restrict, no calls).
    template <class Bias, class Out>
    static void scale_in_float(const int32_t* __restrict acc, const Bias* __restrict bias,
                               const float* __restrict scale, float low, float high, int32_t zero_point,
                               Out* __restrict out, int channels) {
        constexpr float kMagic = 12582912.0f;
        for (int c = 0; c < channels; ++c) {
            const int32_t sum = bias ? acc[c] + static_cast<int32_t>(bias[c]) : acc[c];
            const float scaled = std::min(std::max(static_cast<float>(sum) * scale[c], low), high);
            out[c] = static_cast<Out>(static_cast<int32_t>((scaled + kMagic) - kMagic) + zero_point);
        }
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
