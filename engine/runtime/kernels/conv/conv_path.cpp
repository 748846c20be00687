#include "runtime/kernels/conv/conv_path.h"

#include <atomic>

namespace litelab::conv {

namespace {
std::atomic<ConvPath> g_override{ConvPath::kAuto};
// Below this the im2col copy and GEMM packing cost more than they save.
constexpr int64_t kFastPathMinMacs = int64_t{1} << 15;
}  // namespace

ConvPath conv_path_override() { return g_override.load(std::memory_order_relaxed); }
void set_conv_path_override(ConvPath path) { g_override.store(path, std::memory_order_relaxed); }

bool use_fast_path(int64_t multiply_accumulates) {
    switch (conv_path_override()) {
        case ConvPath::kReference: return false;
        case ConvPath::kFast: return true;
        case ConvPath::kAuto: break;
    }
    return multiply_accumulates >= kFastPathMinMacs;
}

}  // namespace litelab::conv
