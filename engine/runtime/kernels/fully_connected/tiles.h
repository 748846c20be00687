// The fast paths split each product into output tiles of a fixed size and hand them to the
// thread pool: the tiles, and so the order of every float sum, do not depend on the number of
// threads, so neither do the results.
#pragma once

#include <cstdint>
#include <functional>

#include "runtime/kernels/fully_connected/matrix_view.h"
#include "runtime/thread_pool.h"

namespace litelab {

struct Tile {
    int64_t batch = 0;
    int64_t row_begin = 0;
    int64_t row_end = 0;
    int64_t col_begin = 0;
    int64_t col_end = 0;
    int64_t rows() const { return row_end - row_begin; }
    int64_t cols() const { return col_end - col_begin; }
};

struct TileSize {
    int64_t rows = 0;
    int64_t cols = 0;
};

// Runs fn on every tile of `batches` products of shape `d`; tiles of one column block follow
// each other (their weights stay in cache). Small products run on the calling thread.
void for_each_tile(const ThreadPool& pool, int64_t batches, const MatmulDims& d, TileSize size,
                   const std::function<void(const Tile&)>& fn);

}  // namespace litelab
