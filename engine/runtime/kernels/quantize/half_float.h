// IEEE 754 half precision <-> float, as Eigen::half converts (round to nearest even), for
// CAST and for DEQUANTIZE of float16 weights.
#pragma once

#include <bit>
#include <cstdint>

namespace litelab::quantize {

inline float half_to_float(uint16_t h) {
    const uint32_t sign = uint32_t{h & 0x8000u} << 16;
    const uint32_t exponent = (h >> 10) & 0x1Fu;
    const uint32_t mantissa = h & 0x3FFu;
    if (exponent == 0) {
        // Zero or subnormal: mantissa * 2^-24, exact in float.
        const float magnitude = static_cast<float>(mantissa) * 0x1p-24f;
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 31) return std::bit_cast<float>(sign | 0x7F800000u | (mantissa << 13));  // inf, NaN
    return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

inline uint16_t float_to_half(float f) {
    uint32_t bits = std::bit_cast<uint32_t>(f);
    const auto sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
    bits &= 0x7FFFFFFFu;
    if (bits >= 0x7F800000u)  // inf stays inf, NaN stays a (quiet) NaN
        return static_cast<uint16_t>(sign | 0x7C00u | (bits > 0x7F800000u ? 0x200u : 0u));
    if (bits >= 0x477FF000u) return static_cast<uint16_t>(sign | 0x7C00u);  // rounds past 65504
    if (bits < 0x38800000u) {
        // Subnormal or zero: adding 0.5 lets the float unit round to a multiple of 2^-24.
        const float shifted = std::bit_cast<float>(bits) + 0.5f;
        return static_cast<uint16_t>(sign | (std::bit_cast<uint32_t>(shifted) - std::bit_cast<uint32_t>(0.5f)));
    }
    const uint32_t odd = (bits >> 13) & 1u;
    bits -= uint32_t{127 - 15} << 23;  // rebias the exponent
    bits += 0xFFFu + odd;              // round half to even
    return static_cast<uint16_t>(sign | (bits >> 13));
}

}  // namespace litelab::quantize
