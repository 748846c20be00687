// Control inputs of the shape and layout kernels: the small integer tensors (shapes, axes,
// paddings, begin/end, sizes) that decide output shapes, so they must be known when the model is
// compiled (constants, or values the compiler folded), and the axis arithmetic they share.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/kernel.h"

namespace litelab::shape {

// The values of INT32/INT64 input `input`, widened; refuses a missing, non-constant or
// differently typed input, naming it as `what` ("the new shape").
inline Result<std::vector<int64_t>> constant_ints(const PrepareContext& ctx, int input, const std::string& what) {
    if (!ctx.has_input(input)) return ctx.invalid(what + " is missing");
    const TensorInfo& t = ctx.input(input);
    if (!t.is_constant()) return ctx.unsupported(what + " is not known at compile time");
    if (t.type == DType::kInt32) {
        const auto v = ctx.constant<int32_t>(input);
        return std::vector<int64_t>(v.begin(), v.end());
    }
    if (t.type == DType::kInt64) {
        const auto v = ctx.constant<int64_t>(input);
        return std::vector<int64_t>(v.begin(), v.end());
    }
    return ctx.unsupported(what + " of type " + std::string(dtype_name(t.type)));
}

// A single constant axis value (scalar or one-element tensor).
inline Result<int64_t> constant_scalar(const PrepareContext& ctx, int input, const std::string& what) {
    auto values = constant_ints(ctx, input, what);
    if (!values) return values.error();
    if (values->size() != 1) return ctx.invalid(what + " must hold one value, not " + std::to_string(values->size()));
    return values->front();
}

// `axis` in [-rank, rank) made non-negative; nullopt-like -1 when out of range.
inline int normalized_axis(int64_t axis, int rank) {
    if (axis < 0) axis += rank;
    return axis >= 0 && axis < rank ? static_cast<int>(axis) : -1;
}

// Bytes per element of a type the kernels can move as raw bytes (0 for STRING, INT4, ...).
inline size_t element_bytes(DType type) {
    const int bits = dtype_bits(type);
    return bits > 0 && bits % 8 == 0 ? static_cast<size_t>(bits / 8) : 0;
}

}  // namespace litelab::shape
