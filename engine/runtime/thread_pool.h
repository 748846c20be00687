// The interpreter's worker threads. Kernels split their work with parallel_for; several
// executions may call it at once (each waits only for its own chunks).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

namespace Eigen {
class ThreadPoolInterface;
}

namespace litelab {

class ThreadPool {
public:
    // `threads` counts the calling thread: 1 means no workers, everything runs inline.
    explicit ThreadPool(int threads);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int threads() const { return threads_; }

    // Calls fn(begin, end) on contiguous chunks covering [0, n), at most threads() of them and
    // none smaller than min_chunk (except when n itself is smaller); returns when all are done.
    void parallel_for(int64_t n, int64_t min_chunk, const std::function<void(int64_t, int64_t)>& fn) const;

    // Eigen's pool, for Eigen::ThreadPoolDevice users; null when threads() == 1.
    Eigen::ThreadPoolInterface* eigen_pool() const;

private:
    int threads_;
    std::unique_ptr<Eigen::ThreadPoolInterface> pool_;
};

}  // namespace litelab
