// BATCH_MATMUL: out[..., m, n] = sum_k lhs[..., m, k] * rhs[..., k, n], with adj_x / adj_y
// reading an operand transposed and the batch dimensions broadcast. The shared plan of one
// operator: its product shape and which LHS and RHS matrices each output matrix uses.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/kernel.h"
#include "runtime/kernels/fully_connected/matrix_view.h"

namespace litelab {

struct BatchMatmulSetup {
    MatmulDims d;
    bool adj_x = false;
    bool adj_y = false;
    bool asymmetric_quantize_inputs = false;
    bool fast = true;
    int64_t lhs_matrices = 1;
    int64_t rhs_matrices = 1;
    std::vector<int64_t> lhs_of;  // per output matrix: the LHS matrix it reads
    std::vector<int64_t> rhs_of;  // and the RHS matrix

    int64_t batches() const { return static_cast<int64_t>(lhs_of.size()); }
    // The LHS matrix `i` as rows x depth (it is stored depth x rows with adj_x).
    template <class T>
    MatrixView<T> lhs(const T* data, int64_t i) const {
        const T* base = data + i * d.rows * d.depth;
        return adj_x ? MatrixView<T>::transposed(base, d.rows) : MatrixView<T>::row_major(base, d.depth);
    }
    // The RHS matrix `j` as cols x depth (it is stored depth x cols unless adj_y).
    template <class T>
    MatrixView<T> rhs(const T* data, int64_t j) const {
        const T* base = data + j * d.depth * d.cols;
        return adj_y ? MatrixView<T>::row_major(base, d.depth) : MatrixView<T>::transposed(base, d.cols);
    }
};

Result<std::unique_ptr<OpKernel>> prepare_batch_matmul_float(PrepareContext& ctx, const BatchMatmulSetup& s);
Result<std::unique_ptr<OpKernel>> prepare_batch_matmul_integer(PrepareContext& ctx, const BatchMatmulSetup& s);
Result<std::unique_ptr<OpKernel>> prepare_batch_matmul_hybrid(PrepareContext& ctx, const BatchMatmulSetup& s);

}  // namespace litelab
