// Registration of the quantize kernels: QUANTIZE, DEQUANTIZE, CAST.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/quantize/quantize_common.h"

namespace litelab {

void register_quantize_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_QUANTIZE, quantize::prepare_quantize);
    registry.add(tflite::BuiltinOperator_DEQUANTIZE, quantize::prepare_dequantize);
    registry.add(tflite::BuiltinOperator_CAST, quantize::prepare_cast);
}

}  // namespace litelab
