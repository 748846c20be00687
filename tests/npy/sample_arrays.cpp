#include "sample_arrays.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace litelab::test {

std::vector<NdArray> one_of_each_dtype() {
    const float f32[] = {1.5f, -0.0f, INFINITY, NAN, 3e38f, 1e-45f};
    const double f64[] = {-2.25, 1e308};
    const uint16_t f16[] = {0x3C00, 0x7C00, 0x8001};
    const int8_t i8[] = {-128, 127};
    const uint8_t u8[] = {0, 255, 7};
    const int16_t i16[] = {-32768, 32767};
    const uint16_t u16[] = {65535, 1};
    const int32_t i32[] = {INT32_MIN, INT32_MAX, 0, -1};
    const uint32_t u32[] = {UINT32_MAX};
    const int64_t i64[] = {INT64_MIN, INT64_MAX};
    const uint64_t u64[] = {UINT64_MAX, 0};
    const bool b[] = {true, false, true};
    return {
        NdArray::from<float>({2, 3}, f32),     NdArray::from<double>({2}, f64),     NdArray::from_float16_bits({3}, f16),
        NdArray::from<int8_t>({2}, i8),        NdArray::from<uint8_t>({3}, u8),     NdArray::from<int16_t>({2, 1}, i16),
        NdArray::from<uint16_t>({2}, u16),     NdArray::from<int32_t>({2, 2}, i32), NdArray::from<uint32_t>({}, u32),
        NdArray::from<int64_t>({1, 2, 1}, i64), NdArray::from<uint64_t>({2}, u64),  NdArray::from<bool>({3}, b),
        NdArray::from<float>({0, 4}, std::span<const float>()),
        NdArray::from_string("Grüße 🌍"),
        NdArray::from_strings({2, 2}, {"a", "", "Ωμέγα", "tail"}),
    };
}

std::vector<NpzEntry> sample_entries() {
    std::vector<NpzEntry> entries;
    const char* names[] = {"zeta", "alpha", "m/iddle", "ünï"};
    size_t i = 0;
    for (NdArray& array : one_of_each_dtype()) {
        const std::string base = names[i % 4];
        entries.push_back({base + std::to_string(i), std::move(array)});
        ++i;
    }
    return entries;
}

}  // namespace litelab::test
