// Registration of the fully_connected family: FULLY_CONNECTED and BATCH_MATMUL.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/fully_connected/matmul_kernels.h"

namespace litelab {

void register_fully_connected_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_FULLY_CONNECTED, prepare_fully_connected);
    registry.add(tflite::BuiltinOperator_BATCH_MATMUL, prepare_batch_matmul);
}

}  // namespace litelab
