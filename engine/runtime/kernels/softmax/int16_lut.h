// TFLite's 513-entry int16 lookup tables (LUTPopulate<int16_t> / LUTLookup): 512 segments over
// the whole int16 input range, each anchor nudged by half the error its linear interpolation
// makes at the segment's midpoint, read back with linear interpolation.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace litelab::softmax {

using Int16Lut = std::array<int16_t, 513>;

// Tabulates f over the inputs an int16 (input_scale, input_zero_point) can hold, in the output's
// int16 quantization. Computes in double, as TFLite's softmax does for its tables.
Int16Lut make_int16_lut(double input_scale, int32_t input_zero_point, double output_scale, int32_t output_zero_point,
                        double (*f)(double));

inline int16_t int16_lut_lookup(int16_t value, const Int16Lut& lut) {
    const auto index = static_cast<size_t>(256 + (value >> 7));
    const int32_t offset = value & 0x7f;
    const int32_t base = lut[index];
    const int32_t slope = lut[index + 1] - lut[index];
    return static_cast<int16_t>(base + ((slope * offset + 64) >> 7));
}

}  // namespace litelab::softmax
