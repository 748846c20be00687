// A matrix inside a tensor, addressed by strides, so that transposed operands (BATCH_MATMUL's
// adj_x / adj_y, a right-hand side stored K x N) need no copy in the reference loops.
#pragma once

#include <cstdint>

namespace litelab {

template <class T>
struct MatrixView {
    const T* data = nullptr;
    int64_t row_stride = 0;  // element (r, c) is data[r * row_stride + c * col_stride]
    int64_t col_stride = 1;

    T at(int64_t r, int64_t c) const { return data[r * row_stride + c * col_stride]; }
    // A view whose rows are stored contiguously (row-major, `cols` per row).
    static MatrixView row_major(const T* data, int64_t cols) { return {data, cols, 1}; }
    // A view of a row-major `cols`-wide matrix read transposed.
    static MatrixView transposed(const T* data, int64_t cols) { return {data, 1, cols}; }
    bool rows_contiguous() const { return col_stride == 1; }
    // The same matrix without its first `r` rows.
    MatrixView from_row(int64_t r) const { return {data + r * row_stride, row_stride, col_stride}; }
};

// The shape of one product: out (rows x cols) = a (rows x depth) * w (cols x depth)^T.
struct MatmulDims {
    int64_t rows = 0;   // M: batch rows of FULLY_CONNECTED, LHS rows of BATCH_MATMUL
    int64_t cols = 0;   // N: output units / RHS columns
    int64_t depth = 0;  // K: the accumulation depth
};

}  // namespace litelab
