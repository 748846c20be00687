// On-the-fly quantization of float activations for hybrid kernels (float activations, int8
// weights): TFLite's tensor_utils SymmetricQuantizeFloats and AsymmetricQuantizeFloats, applied
// to one batch item at a time.
#pragma once

#include <cstdint>
#include <span>

namespace litelab::conv {

// Scales by 127 / max|v| and rounds half away from zero into [-127, 127]; returns the scale
// (max|v| / 127, or 1 when every value is 0).
float symmetric_quantize(std::span<const float> values, int8_t* quantized);

struct AsymmetricQuantization {
    float scale = 1.0f;
    int32_t zero_point = 0;
};
// Maps [min(0, min v), max(0, max v)] onto [-128, 127] with a nudged zero point.
AsymmetricQuantization asymmetric_quantize(std::span<const float> values, int8_t* quantized);

}  // namespace litelab::conv
