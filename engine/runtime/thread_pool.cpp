#include "runtime/thread_pool.h"

#include <algorithm>

#define EIGEN_USE_THREADS
#include <unsupported/Eigen/CXX11/ThreadPool>

namespace litelab {

ThreadPool::ThreadPool(int threads) : threads_(std::max(1, threads)) {
    if (threads_ > 1) pool_ = std::make_unique<Eigen::ThreadPool>(threads_ - 1);
}

ThreadPool::~ThreadPool() = default;

Eigen::ThreadPoolInterface* ThreadPool::eigen_pool() const { return pool_.get(); }

void ThreadPool::parallel_for(int64_t n, int64_t min_chunk,
                              const std::function<void(int64_t, int64_t)>& fn) const {
    if (n <= 0) return;
    const int64_t max_chunks = std::max<int64_t>(1, n / std::max<int64_t>(1, min_chunk));
    const int64_t chunks = std::min<int64_t>(threads_, max_chunks);
    if (chunks <= 1 || !pool_) {
        fn(0, n);
        return;
    }
    const int64_t step = (n + chunks - 1) / chunks;
    Eigen::Barrier barrier(static_cast<unsigned>(chunks - 1));
    for (int64_t c = 1; c < chunks; ++c) {
        const int64_t begin = c * step;
        const int64_t end = std::min(n, begin + step);
        pool_->Schedule([&fn, &barrier, begin, end] {
            if (begin < end) fn(begin, end);
            barrier.Notify();
        });
    }
    fn(0, std::min(n, step));
    barrier.Wait();
}

}  // namespace litelab
