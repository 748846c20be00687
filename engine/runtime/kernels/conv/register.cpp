// Registration of the conv kernels (being written: filled in by its owner).
#include "runtime/kernel_registry.h"

namespace litelab {

void register_conv_kernels(KernelRegistry& /*registry*/) {}

}  // namespace litelab
