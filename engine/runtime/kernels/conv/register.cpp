// Registration of the convolution kernels: CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/conv/conv_factories.h"

namespace litelab {

void register_conv_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_CONV_2D, conv::prepare_conv_2d);
    registry.add(tflite::BuiltinOperator_DEPTHWISE_CONV_2D, conv::prepare_depthwise_conv_2d);
    registry.add(tflite::BuiltinOperator_TRANSPOSE_CONV, conv::prepare_transpose_conv);
}

}  // namespace litelab
