#include "runtime/kernels/conv/conv_gemm.h"

#include <Eigen/Core>

namespace litelab::conv {

void gemm_nt(const float* a, int64_t rows, int64_t depth, const float* b, int64_t cols, float* c) {
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::Map<const RowMajor> lhs(a, rows, depth);
    const Eigen::Map<const RowMajor> rhs(b, cols, depth);
    Eigen::Map<RowMajor> out(c, rows, cols);
    out.noalias() = lhs * rhs.transpose();
}

}  // namespace litelab::conv
