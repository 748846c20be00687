// The integer fast path: operands widened to int16 rows (zero points folded in, depth padded
// with zeros to a whole number of blocks), so that the dot products vectorise into 16-bit
// multiply-adds with 32-bit sums. The integers are those of the reference loops: the same
// products, summed modulo 2^32 like the reference's int32 accumulator (or exactly, in 64 bits,
// for 16-bit activations).
#pragma once

#include <cstdint>

#include "runtime/kernels/fully_connected/matrix_view.h"

namespace litelab {

constexpr int64_t kDepthBlock = 16;
// Output columns per tile of the integer fast path: their accumulators live on the stack.
constexpr int64_t kIntTileCols = 64;

inline int64_t padded_depth(int64_t depth) { return (depth + kDepthBlock - 1) / kDepthBlock * kDepthBlock; }

// dst[r][k] = src(r, k) + offset for k < depth, 0 up to padded_depth(depth).
template <class T>
void pack_rows_int16(MatrixView<T> src, int64_t rows, int64_t depth, int32_t offset, int16_t* dst) {
    const int64_t stride = padded_depth(depth);
    for (int64_t r = 0; r < rows; ++r) {
        int16_t* row = dst + r * stride;
        if (src.rows_contiguous()) {
            const T* from = src.data + r * src.row_stride;
            for (int64_t k = 0; k < depth; ++k) row[k] = static_cast<int16_t>(static_cast<int32_t>(from[k]) + offset);
        } else {
            for (int64_t k = 0; k < depth; ++k) row[k] = static_cast<int16_t>(static_cast<int32_t>(src.at(r, k)) + offset);
        }
        for (int64_t k = depth; k < stride; ++k) row[k] = 0;
    }
}

// out[j] = sum_k a[k] * w[j * stride + k] for j < count; both padded to `stride` (a multiple of
// kDepthBlock).
void dot_rows_int16(const int16_t* a, const int16_t* w, int64_t count, int64_t stride, int32_t* out);

// The same for 16-bit activations against 8-bit weights (16x8, |a| <= 32768, |w| <= 255): each
// block's sum still fits 32 bits, the blocks add up in 64 bits like the reference's int64 sum.
void dot_rows_int16_wide(const int16_t* a, const int16_t* w, int64_t count, int64_t stride, int64_t* out);

}  // namespace litelab
