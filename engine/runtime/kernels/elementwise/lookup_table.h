// TFLite's lookup tables for quantized unary functions (EXP, LOG, int16 RSQRT): the function is
// evaluated in float once per input value when the operator is prepared. 8-bit tables have an
// entry for every byte; int16 tables sample 512 points and interpolate linearly between them.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace litelab {

using FloatFunction = std::function<float(float)>;

// 256 entries, indexed by the raw byte of an int8 or uint8 value (int8 -1 is entry 255).
template <class T>
std::array<T, 256> make_lut8(float input_scale, int32_t input_zero_point, float output_scale,
                             int32_t output_zero_point, const FloatFunction& f);

// 513 entries (512 steps over the int16 input range and the end point), TFLite's LUTPopulate.
std::vector<int16_t> make_lut16(float input_scale, int32_t input_zero_point, float output_scale,
                                int32_t output_zero_point, const FloatFunction& f);

inline int8_t lut_lookup(int8_t value, const std::array<int8_t, 256>& lut) {
    return lut[static_cast<uint8_t>(value)];
}
inline uint8_t lut_lookup(uint8_t value, const std::array<uint8_t, 256>& lut) { return lut[value]; }

// The high 9 bits choose the entry, the low 7 interpolate towards the next one.
inline int16_t lut_lookup(int16_t value, const int16_t* lut) {
    const int index = 256 + (value >> 7);
    const int offset = value & 0x7f;
    // The slope is an int16 in TFLite too (it wraps for tables that jump by more than 32767).
    const auto slope = static_cast<int16_t>(lut[index + 1] - lut[index]);
    const int delta = (slope * offset + 64) >> 7;
    return static_cast<int16_t>(lut[index] + delta);
}

}  // namespace litelab
