// Several buffers in the one scratch area a kernel may request: offsets are planned in the
// factory, pointers taken in run.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/kernel.h"

namespace litelab {

class ScratchPlan {
public:
    // Reserves `bytes` and returns their offset; 16-byte aligned like the arena itself.
    size_t add(size_t bytes) {
        const size_t offset = (total_ + 15) / 16 * 16;
        total_ = offset + bytes;
        return offset;
    }
    size_t bytes() const { return total_; }

private:
    size_t total_ = 0;
};

template <class T>
T* scratch_at(const OpContext& c, size_t offset) {
    return reinterpret_cast<T*>(c.scratch().data() + offset);
}

}  // namespace litelab
