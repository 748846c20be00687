#include "runtime/kernels/fully_connected/tiles.h"

#include <algorithm>

namespace litelab {

namespace {
// Below this many multiply-adds a product is not worth waking other threads for.
constexpr int64_t kParallelWork = int64_t{1} << 18;
}  // namespace

void for_each_tile(const ThreadPool& pool, int64_t batches, const MatmulDims& d, TileSize size,
                   const std::function<void(const Tile&)>& fn) {
    if (batches <= 0 || d.rows <= 0 || d.cols <= 0) return;
    const int64_t row_tiles = (d.rows + size.rows - 1) / size.rows;
    const int64_t col_tiles = (d.cols + size.cols - 1) / size.cols;
    const int64_t tiles = batches * row_tiles * col_tiles;
    auto run = [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
            const int64_t row_tile = t % row_tiles;
            const int64_t col_tile = (t / row_tiles) % col_tiles;
            Tile tile;
            tile.batch = t / (row_tiles * col_tiles);
            tile.row_begin = row_tile * size.rows;
            tile.row_end = std::min(d.rows, tile.row_begin + size.rows);
            tile.col_begin = col_tile * size.cols;
            tile.col_end = std::min(d.cols, tile.col_begin + size.cols);
            fn(tile);
        }
    };
    const int64_t work = batches * d.rows * d.cols * std::max<int64_t>(1, d.depth);
    if (pool.threads() == 1 || tiles == 1 || work < kParallelWork) {
        run(0, tiles);
        return;
    }
    pool.parallel_for(tiles, 1, run);
}

}  // namespace litelab
