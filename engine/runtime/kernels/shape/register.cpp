// Registration of the shape kernels: operators that change only how a tensor's elements are
// counted (RESHAPE, SQUEEZE, EXPAND_DIMS), report shapes (SHAPE) or create tensors (FILL,
// ZEROS_LIKE).
#include "runtime/kernel_registry.h"
#include "runtime/kernels/shape/shape_kernels.h"

namespace litelab {

void register_shape_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_RESHAPE, shape::prepare_reshape);
    registry.add(tflite::BuiltinOperator_SQUEEZE, shape::prepare_squeeze);
    registry.add(tflite::BuiltinOperator_EXPAND_DIMS, shape::prepare_expand_dims);
    registry.add(tflite::BuiltinOperator_SHAPE, shape::prepare_shape);
    registry.add(tflite::BuiltinOperator_FILL, shape::prepare_fill);
    registry.add(tflite::BuiltinOperator_ZEROS_LIKE, shape::prepare_zeros_like);
}

}  // namespace litelab
