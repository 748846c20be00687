// The float fast path: Eigen's GEMM on one output tile, reading the operands in place in
// whichever layout they are stored.
#pragma once

#include "runtime/kernels/fully_connected/matrix_view.h"
#include "runtime/kernels/fully_connected/tiles.h"

namespace litelab {

// Float tiles are large: each is one Eigen product, which packs its operands itself.
constexpr TileSize kFloatTile{256, 256};

struct FloatOperands {
    const float* a = nullptr;  // rows x depth; stored depth x rows when a_transposed
    bool a_transposed = false;
    const float* w = nullptr;  // cols x depth; stored depth x cols when w_transposed
    bool w_transposed = false;
};

// out[m][n] (row-major, d.cols per row) = sum_k a(m, k) * w(n, k) over the tile.
void float_gemm_tile(const FloatOperands& operands, const MatmulDims& d, const Tile& tile, float* out);

}  // namespace litelab
