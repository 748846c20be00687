#include "runtime/kernels/conv/conv_tiles.h"

#include <algorithm>

namespace litelab::conv {

void run_tiles(const ThreadPool& pool, int tasks, int64_t total, int64_t tile,
               const std::function<void(int task, int64_t begin, int64_t end)>& fn) {
    if (total <= 0) return;
    tile = std::max<int64_t>(1, tile);
    const int64_t tiles = (total + tile - 1) / tile;
    const int64_t task_count = std::clamp<int64_t>(std::min<int64_t>(tasks, pool.threads()), 1, tiles);
    pool.parallel_for(task_count, 1, [&](int64_t first_task, int64_t end_task) {
        for (int64_t task = first_task; task < end_task; ++task) {
            const int64_t first_tile = task * tiles / task_count;
            const int64_t end_tile = (task + 1) * tiles / task_count;
            for (int64_t t = first_tile; t < end_tile; ++t)
                fn(static_cast<int>(task), t * tile, std::min(total, (t + 1) * tile));
        }
    });
}

}  // namespace litelab::conv
