#include "runtime/kernels/fully_connected/matmul_path.h"

#include <atomic>

namespace litelab {

namespace {
std::atomic<MatmulPath> g_path{MatmulPath::kFast};
}

void set_matmul_path(MatmulPath path) { g_path.store(path); }
MatmulPath matmul_path() { return g_path.load(); }

}  // namespace litelab
