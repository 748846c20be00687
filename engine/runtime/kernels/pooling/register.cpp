// Registration of the pooling kernels.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/pooling/pooling.h"

namespace litelab {

void register_pooling_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_MAX_POOL_2D, pooling::prepare_max_pool_2d);
    registry.add(tflite::BuiltinOperator_AVERAGE_POOL_2D, pooling::prepare_average_pool_2d);
    registry.add(tflite::BuiltinOperator_L2_POOL_2D, pooling::prepare_l2_pool_2d);
}

}  // namespace litelab
