// The integer product of the 8-bit convolutions, on filters packed once when the model is
// compiled. Values with their offsets applied fit int16 ([-255, 255]) and a pair of products
// fits int32, so pairs are multiplied and added at once (pmaddwd). Filters are stored in groups
// of 8, two depth values at a time ([group][depth / 2][8 filters][2]): broadcasting a pair of a
// pixel's values against one such row adds to 8 output channels with no horizontal sums.
// AVX2 (chosen at run time) keeps 4 pixels x 16 channels in registers; SSE2 4 x 8. Exact: the
// sums are the reference's integers whichever path runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace litelab::conv {

// Input rows (im2col patches) are zero-padded to a multiple of kInt16Depth values.
constexpr int64_t kInt16Depth = 16;
inline int64_t padded_depth(int64_t depth) {
    return (depth + kInt16Depth - 1) / kInt16Depth * kInt16Depth;
}

struct PackedInt16Filters {
    std::vector<int16_t> values;
    int64_t depth = 0;  // padded_depth of the filters' own depth
    int64_t cols = 0;   // filters (output channels)
};

// `filter(oc, k)` gives filter oc's value k (offset applied) for k < depth.
template <class Filter>
PackedInt16Filters pack_int16_filters(int64_t cols, int64_t depth, Filter filter) {
    PackedInt16Filters packed;
    packed.depth = padded_depth(depth);
    packed.cols = cols;
    const int64_t groups = (cols + 7) / 8;
    packed.values.assign(static_cast<std::size_t>(groups * packed.depth * 8), 0);
    for (int64_t oc = 0; oc < cols; ++oc)
        for (int64_t k = 0; k < depth; ++k) {
            const int64_t at = ((oc / 8) * (packed.depth / 2) + k / 2) * 16 + (oc % 8) * 2 + k % 2;
            packed.values[static_cast<std::size_t>(at)] = filter(oc, k);
        }
    return packed;
}

// kBest takes the fastest path the processor has; kPortable the SSE2 (or scalar) one, which tests
// also run on AVX2 machines.
enum class Int16GemmPath { kBest, kPortable };

// c[rows x b.cols] = a[rows x b.depth] * filters^T; a row-major with rows of b.depth values.
void gemm_nt(const int16_t* a, int64_t rows, const PackedInt16Filters& b, int32_t* c,
             Int16GemmPath path = Int16GemmPath::kBest);

// "avx2", "sse2" or "scalar": the path gemm_nt takes on this processor.
const char* int16_gemm_path();

}  // namespace litelab::conv
