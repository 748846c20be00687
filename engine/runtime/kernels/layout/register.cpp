// Registration of the layout kernels: operators that move elements without computing new values
// (TRANSPOSE, CONCATENATION, SPLIT, SLICE, GATHER, PACK, PAD, ...) and the image resizes.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/layout/layout_kernels.h"

namespace litelab {

void register_layout_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_TRANSPOSE, prepare_transpose);
    registry.add(tflite::BuiltinOperator_CONCATENATION, prepare_concatenation);
    registry.add(tflite::BuiltinOperator_PACK, prepare_pack);
    registry.add(tflite::BuiltinOperator_SPLIT, prepare_split);
    registry.add(tflite::BuiltinOperator_SPLIT_V, prepare_split_v);
    registry.add(tflite::BuiltinOperator_UNPACK, prepare_unpack);
    registry.add(tflite::BuiltinOperator_SLICE, prepare_slice);
    registry.add(tflite::BuiltinOperator_STRIDED_SLICE, prepare_strided_slice);
    registry.add(tflite::BuiltinOperator_GATHER, prepare_gather);
    registry.add(tflite::BuiltinOperator_PAD, prepare_pad);
    registry.add(tflite::BuiltinOperator_PADV2, prepare_pad);
    registry.add(tflite::BuiltinOperator_MIRROR_PAD, prepare_mirror_pad);
    registry.add(tflite::BuiltinOperator_RESIZE_BILINEAR, prepare_resize_bilinear);
    registry.add(tflite::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR, prepare_resize_nearest_neighbor);
}

}  // namespace litelab
