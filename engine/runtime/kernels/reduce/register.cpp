// Registration of the reduction kernels.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/reduce/reduce.h"

namespace litelab {

void register_reduce_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_MEAN, reduce::prepare_mean);
    registry.add(tflite::BuiltinOperator_SUM, reduce::prepare_sum);
    registry.add(tflite::BuiltinOperator_REDUCE_MAX, reduce::prepare_reduce_max);
    registry.add(tflite::BuiltinOperator_ARG_MAX, reduce::prepare_arg_max);
    registry.add(tflite::BuiltinOperator_ARG_MIN, reduce::prepare_arg_min);
}

}  // namespace litelab
