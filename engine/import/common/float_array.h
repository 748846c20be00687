// A float array in host memory with its shape: how importers hold weights while they rearrange
// them (Keras' HWIO kernels to TFLite's OHWI, folded batch norms) before they become constants.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace litelab {

struct FloatArray {
    std::vector<int32_t> shape;
    std::vector<float> values;  // row-major

    int64_t elements() const;
    int32_t dim(int i) const { return shape[static_cast<size_t>(i)]; }
    int rank() const { return static_cast<int>(shape.size()); }
};

// The array with its axes reordered: result axis i is input axis perm[i] (numpy.transpose).
FloatArray permuted(const FloatArray& in, std::span<const int> perm);

}  // namespace litelab
