#include "import/common/float_array.h"

#include <cassert>

namespace litelab {

int64_t FloatArray::elements() const {
    int64_t n = 1;
    for (int32_t d : shape) n *= d;
    return n;
}

FloatArray permuted(const FloatArray& in, std::span<const int> perm) {
    assert(perm.size() == in.shape.size());
    const size_t rank = in.shape.size();
    FloatArray out;
    out.shape.resize(rank);
    for (size_t i = 0; i < rank; ++i) out.shape[i] = in.shape[static_cast<size_t>(perm[i])];
    out.values.resize(in.values.size());
    if (in.values.empty()) return out;

    // Input strides, read in the output's axis order.
    std::vector<int64_t> in_strides(rank, 1);
    for (size_t i = rank; i-- > 1;) in_strides[i - 1] = in_strides[i] * in.shape[i];
    std::vector<int64_t> stride_of_out(rank);
    for (size_t i = 0; i < rank; ++i) stride_of_out[i] = in_strides[static_cast<size_t>(perm[i])];

    std::vector<int32_t> index(rank, 0);
    int64_t source = 0;
    for (size_t o = 0; o < out.values.size(); ++o) {
        out.values[o] = in.values[static_cast<size_t>(source)];
        for (size_t d = rank; d-- > 0;) {
            ++index[d];
            source += stride_of_out[d];
            if (index[d] < out.shape[d]) break;
            source -= stride_of_out[d] * out.shape[d];
            index[d] = 0;
        }
    }
    return out;
}

}  // namespace litelab
