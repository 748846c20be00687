// Registration of the activation kernels.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/activation/activation_common.h"

namespace litelab {

void register_activation_kernels(KernelRegistry& registry) {
    using namespace activation;
    registry.add(tflite::BuiltinOperator_RELU, prepare_relu);
    registry.add(tflite::BuiltinOperator_RELU6, prepare_relu);
    registry.add(tflite::BuiltinOperator_RELU_N1_TO_1, prepare_relu);
    registry.add(tflite::BuiltinOperator_RELU_0_TO_1, prepare_relu);
    registry.add(tflite::BuiltinOperator_LEAKY_RELU, prepare_leaky_relu);
    registry.add(tflite::BuiltinOperator_PRELU, prepare_prelu);
    registry.add(tflite::BuiltinOperator_LOGISTIC, prepare_logistic);
    registry.add(tflite::BuiltinOperator_TANH, prepare_tanh);
    registry.add(tflite::BuiltinOperator_HARD_SWISH, prepare_hard_swish);
    registry.add(tflite::BuiltinOperator_ELU, prepare_elu);
    registry.add(tflite::BuiltinOperator_GELU, prepare_gelu);
}

}  // namespace litelab
