// The one loop every 2-D pooling kernel shares: for each output pixel, fold the clipped window
// into per-channel accumulators (rows top to bottom, columns left to right, as TFLite's reference
// kernels do, so float sums round the same way), then finish each channel.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "runtime/kernels/pooling/pool_geometry.h"
#include "runtime/thread_pool.h"

namespace litelab::pooling {

// add(Acc, In) -> Acc; finish(Acc, int32_t count) -> Out. Output rows are split over threads.
template <class In, class Out, class Acc, class Add, class Finish>
void pool_2d(const PoolGeometry& g, const In* input, Out* output, const ThreadPool& pool, Acc init, Add add,
             Finish finish) {
    const int64_t rows = int64_t{g.batches} * g.out_height;
    const auto channels = static_cast<size_t>(g.channels);
    pool.parallel_for(rows, 1, [&](int64_t begin, int64_t end) {
        std::vector<Acc> acc(channels);
        for (int64_t row = begin; row < end; ++row) {
            const auto b = static_cast<int32_t>(row / g.out_height);
            const auto out_y = static_cast<int32_t>(row % g.out_height);
            const In* image = input + int64_t{b} * g.in_height * g.in_width * g.channels;
            Out* out = output + row * g.out_width * g.channels;
            for (int32_t out_x = 0; out_x < g.out_width; ++out_x, out += g.channels) {
                const PoolWindow w = pool_window(g, out_y, out_x);
                std::fill(acc.begin(), acc.end(), init);
                for (int32_t y = w.y_begin; y < w.y_end; ++y) {
                    for (int32_t x = w.x_begin; x < w.x_end; ++x) {
                        const In* pixel = image + (int64_t{y} * g.in_width + x) * g.channels;
                        for (size_t c = 0; c < channels; ++c) acc[c] = add(acc[c], pixel[c]);
                    }
                }
                const int32_t count = w.count();
                for (size_t c = 0; c < channels; ++c) out[c] = finish(acc[c], count);
            }
        }
    });
}

}  // namespace litelab::pooling
