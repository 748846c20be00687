// Registration of the 3-D convolutions (CONV_3D, CONV_3D_TRANSPOSE).
#include "runtime/kernel_registry.h"
#include "runtime/kernels/conv3d/conv3d_geometry.h"

namespace litelab {

void register_conv3d_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_CONV_3D, conv3d::prepare_conv_3d);
    registry.add(tflite::BuiltinOperator_CONV_3D_TRANSPOSE, conv3d::prepare_conv_3d_transpose);
}

}  // namespace litelab
