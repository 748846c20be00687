// The hybrid kernels' fast path: quantized rows and int8 weights packed to int16, blocked dot
// products per tile, then the same float epilogue as the reference loop.
#pragma once

#include "runtime/kernels/fully_connected/hybrid_matmul.h"
#include "runtime/kernels/fully_connected/int16_gemm.h"
#include "runtime/kernels/fully_connected/tiles.h"

namespace litelab {

constexpr TileSize kHybridTile{32, kIntTileCols};

// Updates out[m][n] over the tile; `a_packed` / `w_packed` are the rows of `a` / `w` packed by
// pack_rows_int16 (no offset: the row offsets are taken out afterwards, as TFLite does).
inline void hybrid_tile(const int16_t* a_packed, const int16_t* w_packed, const HybridRows& a, const HybridWeights& w,
                        OffsetArithmetic arithmetic, const MatmulDims& d, const Tile& t, float* out) {
    const int64_t stride = padded_depth(d.depth);
    int32_t acc[kIntTileCols];
    for (int64_t m = t.row_begin; m < t.row_end; ++m) {
        dot_rows_int16(a_packed + m * stride, w_packed + t.col_begin * stride, t.cols(), stride, acc);
        float* row = out + m * d.cols;
        for (int64_t n = t.col_begin; n < t.col_end; ++n)
            row[n] = hybrid_output(row[n], acc[n - t.col_begin], a, w, arithmetic, m, n);
    }
}

}  // namespace litelab
