// Splitting a convolution's output into work for the thread pool, and carving the per-task
// scratch memory out of the kernel's one scratch buffer.
//
// Work is cut into tiles whose size depends only on the shape, and each task (one per pool
// thread, each with its own scratch slice) runs a contiguous range of tiles. The same tile is
// computed the same way whichever task runs it, so results never depend on the thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

#include "runtime/thread_pool.h"

namespace litelab::conv {

// Offsets of aligned regions within a scratch buffer.
class ScratchPlan {
public:
    static constexpr size_t kAlignment = 64;
    // Reserves `bytes` and returns the region's offset.
    size_t add(size_t bytes) {
        const size_t offset = bytes_;
        bytes_ += (bytes + kAlignment - 1) / kAlignment * kAlignment;
        return offset;
    }
    size_t bytes() const { return bytes_; }

private:
    size_t bytes_ = 0;
};

template <class T>
T* scratch_at(std::span<uint8_t> scratch, size_t offset) {
    return reinterpret_cast<T*>(static_cast<void*>(scratch.data() + offset));
}

// Runs fn(task, begin, end) for tiles of `tile` items covering [0, total), `tasks` tasks at most
// (task < tasks indexes the task's scratch slice).
void run_tiles(const ThreadPool& pool, int tasks, int64_t total, int64_t tile,
               const std::function<void(int task, int64_t begin, int64_t end)>& fn);

}  // namespace litelab::conv
