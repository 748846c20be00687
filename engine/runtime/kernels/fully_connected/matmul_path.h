// Which implementation the FULLY_CONNECTED and BATCH_MATMUL factories pick: the fast paths
// (Eigen float GEMM, blocked int16 dot products, several threads) or the plain reference loops
// that transcribe TensorFlow Lite's reference kernels. Both give the same integers; tests
// compile one model under each setting and compare. The choice is read when a model is
// compiled, so compiled interpreters never change path.
#pragma once

namespace litelab {

enum class MatmulPath { kFast, kReference };

void set_matmul_path(MatmulPath path);
MatmulPath matmul_path();

}  // namespace litelab
