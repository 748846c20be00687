// The matrix products of the fast convolution paths (single-threaded: the callers split the
// work into tiles themselves).
#pragma once

#include <cstdint>

namespace litelab::conv {

// c[rows x cols] = a[rows x depth] * b[cols x depth]^T, all row-major: rows are output pixels
// (im2col patches), b's rows are filters, c's rows are output pixels' channels. On Eigen.
void gemm_nt(const float* a, int64_t rows, int64_t depth, const float* b, int64_t cols, float* c);

// The integer product for 8-bit convolutions: values with their offsets applied fit int16
// ([-255, 255]) and a pair of products fits int32, so pairs are multiplied and added at once
// (pmaddwd: SSE2's 8 lanes, or AVX2's 16 when the processor has it, chosen at run time).
// Exact: the sums are the reference's integers whichever path runs.
// `depth` must be a multiple of kInt16Depth (rows zero-padded), b must hold a multiple of
// kInt16Filters rows (zero rows past `cols`); c gets `cols` values per row.
constexpr int64_t kInt16Depth = 16;
constexpr int64_t kInt16Filters = 4;
inline int64_t padded_depth(int64_t depth) { return (depth + kInt16Depth - 1) / kInt16Depth * kInt16Depth; }
inline int64_t padded_filters(int64_t cols) { return (cols + kInt16Filters - 1) / kInt16Filters * kInt16Filters; }
void gemm_nt(const int16_t* a, int64_t rows, int64_t depth, const int16_t* b, int64_t cols, int32_t* c);

// Which integer path gemm_nt takes on this processor: "avx2" or "sse2" (or "scalar"), for
// benchmarks and test output.
const char* int16_gemm_path();

}  // namespace litelab::conv
