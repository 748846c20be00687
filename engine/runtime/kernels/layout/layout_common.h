// What the layout kernels share: the element types they move, type checks, and shape arithmetic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/kernel.h"
#include "runtime/kernels/shape/control_inputs.h"

namespace litelab::layout {

using shape::constant_ints;
using shape::constant_scalar;
using shape::element_bytes;
using shape::normalized_axis;

// The types TFLite's data-movement kernels take (TRANSPOSE, SLICE, GATHER, CONCATENATION...).
inline bool is_movable_type(DType type) {
    switch (type) {
        case DType::kFloat32:
        case DType::kInt8:
        case DType::kUInt8:
        case DType::kInt16:
        case DType::kInt32:
        case DType::kInt64:
        case DType::kBool: return true;
        default: return false;
    }
}

// Checks that input `input` has a movable type and every output the same; returns its size.
inline Result<size_t> movable_element_bytes(const PrepareContext& ctx, int input = 0) {
    const DType type = ctx.input(input).type;
    if (!is_movable_type(type)) return ctx.unsupported("input of type " + std::string(dtype_name(type)));
    for (int o = 0; o < ctx.num_outputs(); ++o)
        if (ctx.output(o).type != type)
            return ctx.invalid("output " + std::to_string(o) + " is " + std::string(dtype_name(ctx.output(o).type)) +
                               ", the input " + std::string(dtype_name(type)));
    return element_bytes(type);
}

// Row-major strides, in elements.
inline std::vector<int64_t> dense_strides(const std::vector<int32_t>& shape) {
    std::vector<int64_t> strides(shape.size(), 1);
    for (size_t d = shape.size(); d-- > 1;) strides[d - 1] = strides[d] * shape[d];
    return strides;
}

// The product of shape[from, to).
inline int64_t dims_product(const std::vector<int32_t>& shape, int from, int to) {
    int64_t n = 1;
    for (int d = from; d < to; ++d) n *= shape[static_cast<size_t>(d)];
    return n;
}

}  // namespace litelab::layout
