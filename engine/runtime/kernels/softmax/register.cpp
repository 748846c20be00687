// Registration of the softmax-like kernels.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/softmax/softmax.h"

namespace litelab {

void register_softmax_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_SOFTMAX, softmax::prepare_softmax);
    registry.add(tflite::BuiltinOperator_LOG_SOFTMAX, softmax::prepare_log_softmax);
    registry.add(tflite::BuiltinOperator_L2_NORMALIZATION, softmax::prepare_l2_normalization);
}

}  // namespace litelab
