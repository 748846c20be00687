// One copy behind TRANSPOSE, SLICE, STRIDED_SLICE and PAD: visit an N-d box of elements, read
// each from the source and write it to the destination, each side addressed by its own strides
// (negative for reversed slices). Planned once when the model is compiled: dimensions of size 1
// are dropped and dimensions contiguous on both sides merged, so most copies end up as a few
// long memcpy runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace litelab::layout {

class StridedCopy {
public:
    StridedCopy() = default;
    // Strides and offsets are in elements; offsets locate the box's first element on each side.
    StridedCopy(const std::vector<int64_t>& shape, const std::vector<int64_t>& src_strides, int64_t src_offset,
                const std::vector<int64_t>& dst_strides, int64_t dst_offset, size_t element_bytes);

    void run(const uint8_t* src, uint8_t* dst) const;

private:
    // Simplified dimensions, strides in bytes; the last one is the innermost.
    std::vector<int64_t> shape_;
    std::vector<int64_t> src_strides_;
    std::vector<int64_t> dst_strides_;
    int64_t src_offset_ = 0;
    int64_t dst_offset_ = 0;
    size_t element_bytes_ = 0;
    bool empty_ = true;
};

}  // namespace litelab::layout
