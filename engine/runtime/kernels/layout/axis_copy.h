// Joining tensors along one axis (CONCATENATION, PACK) and cutting one apart (SPLIT, SPLIT_V,
// UNPACK): every shape seen as [outer, axis, inner], the parts' axis sizes differing.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace litelab::layout {

struct AxisParts {
    int64_t outer = 1;
    int64_t inner = 1;           // elements after the axis
    std::vector<int64_t> sizes;  // each part's extent along the axis
    size_t element_bytes = 1;

    size_t chunk_bytes(size_t part) const {
        return static_cast<size_t>(sizes[part] * inner) * element_bytes;
    }
};

inline void join_along_axis(const AxisParts& p, std::span<const uint8_t* const> parts, uint8_t* out) {
    for (int64_t k = 0; k < p.outer; ++k)
        for (size_t i = 0; i < parts.size(); ++i) {
            const size_t n = p.chunk_bytes(i);
            if (n) std::memcpy(out, parts[i] + static_cast<size_t>(k) * n, n);
            out += n;
        }
}

inline void split_along_axis(const AxisParts& p, const uint8_t* in, std::span<uint8_t* const> parts) {
    for (int64_t k = 0; k < p.outer; ++k)
        for (size_t i = 0; i < parts.size(); ++i) {
            const size_t n = p.chunk_bytes(i);
            if (n) std::memcpy(parts[i] + static_cast<size_t>(k) * n, in, n);
            in += n;
        }
}

}  // namespace litelab::layout
