// The integer epilogue of FULLY_CONNECTED and BATCH_MATMUL: an accumulator (with the bias
// already added) scaled to the output by a per-tensor or per-channel fixed-point multiplier,
// offset by the output zero point and clamped to the fused activation's range, as TFLite's
// reference FullyConnected / FullyConnectedPerChannel / BatchMatMul do.
//
// 16x8 FULLY_CONNECTED is the exception: LiteRT's kernel scales its accumulators in double
// (reference_integer_ops::FullyConnected with the tensors' scales), rounding half away from
// zero, where 2022-era TFLite used the 64-bit fixed-point multiply; we follow LiteRT.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "runtime/quant/fixed_point.h"

namespace litelab {

struct OutputStage {
    std::vector<QuantizedMultiplier> multipliers;  // one, or one per output channel
    std::vector<double> real_multipliers;          // instead, when scaling in double (16x8 FC)
    int32_t output_offset = 0;
    ActivationRange range;

    // A 32-bit accumulator uses the 32-bit multiply, a 64-bit one (16x8 BATCH_MATMUL) the
    // 64-bit variant, as the reference kernels' overloads do.
    template <class Acc>
    int32_t apply(Acc acc, int64_t channel) const {
        int32_t scaled = 0;
        if (!real_multipliers.empty()) {
            const double m = real_multipliers[real_multipliers.size() == 1 ? 0 : static_cast<size_t>(channel)];
            // Clamped before the conversion: out-of-range values saturate below anyway.
            const double real = std::round(static_cast<double>(acc) * m);
            scaled = static_cast<int32_t>(std::clamp(real, -2147483648.0, 2147483647.0));
        } else {
            const QuantizedMultiplier& m = multipliers[multipliers.size() == 1 ? 0 : static_cast<size_t>(channel)];
            scaled = multiply_by_quantized_multiplier(acc, m.multiplier, m.shift);
        }
        scaled += output_offset;
        return std::min(std::max(scaled, range.min), range.max);
    }
};

// TFLite's GetQuantizedConvolutionMultipler: the product of the two input scales in float,
// divided in double by the output scale.
inline QuantizedMultiplier per_tensor_multiplier(float input_scale, float weight_scale, float output_scale) {
    const auto product = static_cast<double>(input_scale * weight_scale);
    return quantize_multiplier(product / static_cast<double>(output_scale));
}

// The per-channel variant (FullyConnected's Prepare), and LiteRT's 16x8 scale: all three
// scales in double.
inline double real_multiplier(float input_scale, float weight_scale, float output_scale) {
    return static_cast<double>(input_scale) * static_cast<double>(weight_scale) / static_cast<double>(output_scale);
}
inline QuantizedMultiplier per_channel_multiplier(float input_scale, float weight_scale, float output_scale) {
    return quantize_multiplier(real_multiplier(input_scale, weight_scale, output_scale));
}

}  // namespace litelab
