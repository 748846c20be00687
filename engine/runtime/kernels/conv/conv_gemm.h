// The float matrix product of the fast convolution path (single-threaded: the callers split
// the work into tiles themselves). The integer product: int16_gemm_packed.h.
#pragma once

#include <cstdint>

namespace litelab::conv {

// c[rows x cols] = a[rows x depth] * b[cols x depth]^T, all row-major: rows are output pixels
// (im2col patches), b's rows are filters, c's rows are output pixels' channels. On Eigen.
void gemm_nt(const float* a, int64_t rows, int64_t depth, const float* b, int64_t cols, float* c);

}  // namespace litelab::conv
