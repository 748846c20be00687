#include "runtime/kernels/fully_connected/float_gemm.h"

#include <Eigen/Core>

namespace litelab {

namespace {

using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ColMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
template <class M>
using ConstMap = Eigen::Map<const M, Eigen::Unaligned, Eigen::OuterStride<>>;

// A block of `count` rows (from `first`) of a matrix with `depth` columns, stored row-major, or
// stored transposed (`depth` rows of `total` values: the block is then a column-major view).
template <class Fn>
void with_rows(const float* data, bool transposed, int64_t first, int64_t count, int64_t depth, int64_t total,
               Fn&& fn) {
    if (transposed) {
        fn(ConstMap<ColMajor>(data + first, count, depth, Eigen::OuterStride<>(total)));
    } else {
        fn(ConstMap<RowMajor>(data + first * depth, count, depth, Eigen::OuterStride<>(depth)));
    }
}

}  // namespace

void float_gemm_tile(const FloatOperands& operands, const MatmulDims& d, const Tile& tile, float* out) {
    Eigen::Map<RowMajor, Eigen::Unaligned, Eigen::OuterStride<>> result(
        out + tile.row_begin * d.cols + tile.col_begin, tile.rows(), tile.cols(), Eigen::OuterStride<>(d.cols));
    with_rows(operands.a, operands.a_transposed, tile.row_begin, tile.rows(), d.depth, d.rows, [&](const auto& a) {
        with_rows(operands.w, operands.w_transposed, tile.col_begin, tile.cols(), d.depth, d.cols,
                  [&](const auto& w) { result.noalias() = a * w.transpose(); });
    });
}

}  // namespace litelab
