// 8-bit lookup tables. TFLite computes LOGISTIC, TANH, ELU and GELU on int8/uint8 tensors by
// evaluating the float function once for each of the 256 possible inputs (LUTPopulate) and
// looking the results up; we build the same table the same way, in float, so the integers agree.
// XNNPACK (LiteRT's default CPU delegate) builds its tables alike but rounds half to even.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>

#include "runtime/kernel.h"
#include "runtime/kernels/activation/activation_common.h"

namespace litelab::activation {

// Indexed by the input's bit pattern (the value cast to uint8_t).
template <class T>
using ByteTable = std::array<T, 256>;

enum class TableRounding {
    kHalfAwayFromZero,  // TFLite's LUTPopulate (std::round)
    kHalfToEven,        // XNNPACK's lookup tables (lrintf)
};

template <class T>
ByteTable<T> make_byte_table(const QuantParams& input, const QuantParams& output, float (*fn)(float),
                             TableRounding rounding) {
    static_assert(sizeof(T) == 1);
    constexpr int32_t lowest = std::numeric_limits<T>::min();
    constexpr int32_t highest = std::numeric_limits<T>::max();
    const float input_scale = input.scale0();
    const int32_t input_zero_point = input.zero_point0();
    const float inverse_output_scale = 1.0f / output.scale0();
    const int32_t output_zero_point = output.zero_point0();
    ByteTable<T> table{};
    for (int32_t value = lowest; value <= highest; ++value) {
        const float x = input_scale * static_cast<float>(value - input_zero_point);
        const float y = fn(x);
        // A function that overflows (never for these activations) lands on the lowest value.
        int32_t q = lowest;
        if (std::isfinite(y)) {
            const float scaled = y * inverse_output_scale;
            const float rounded = rounding == TableRounding::kHalfToEven ? std::nearbyint(scaled) : std::round(scaled);
            q = static_cast<int32_t>(std::clamp(rounded + static_cast<float>(output_zero_point), -1e9f, 1e9f));
        }
        table[static_cast<uint8_t>(static_cast<T>(value))] = static_cast<T>(std::clamp(q, lowest, highest));
    }
    return table;
}

template <class T>
std::unique_ptr<OpKernel> make_byte_table_kernel(const ByteTable<T>& table) {
    return make_kernel([table](const OpContext& c) -> Status {
        map_elements<T, T>(c, [&](T v) { return table[static_cast<uint8_t>(v)]; });
        return {};
    });
}

// Any 8-bit elementwise function of one input, tabulated from its integer definition: fn(v) is
// the (already clamped) output for the input value v. The table gives the same integers, faster.
template <class T, class Fn>
ByteTable<T> tabulate(const Fn& fn) {
    ByteTable<T> table{};
    for (int32_t value = std::numeric_limits<T>::min(); value <= std::numeric_limits<T>::max(); ++value)
        table[static_cast<uint8_t>(static_cast<T>(value))] = static_cast<T>(fn(value));
    return table;
}

// The int8/uint8 kernel of a LUT-computed activation.
inline Result<std::unique_ptr<OpKernel>> prepare_byte_table(PrepareContext& ctx, float (*fn)(float),
                                                             TableRounding rounding = TableRounding::kHalfAwayFromZero) {
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    const QuantParams& in = ctx.input(0).quant;
    const QuantParams& out = ctx.output(0).quant;
    if (ctx.input(0).type == DType::kInt8) return make_byte_table_kernel(make_byte_table<int8_t>(in, out, fn, rounding));
    return make_byte_table_kernel(make_byte_table<uint8_t>(in, out, fn, rounding));
}

}  // namespace litelab::activation
