// Registration of the layout kernels: operators that move elements without computing new values
// (TRANSPOSE, CONCATENATION, SPLIT, SLICE, GATHER, PACK, PAD, ...) and the image resizes.
#include "runtime/kernel_registry.h"
#include "runtime/kernels/layout/layout_kernels.h"

namespace litelab {

void register_layout_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_TRANSPOSE, layout::prepare_transpose);
    registry.add(tflite::BuiltinOperator_CONCATENATION, layout::prepare_concatenation);
    registry.add(tflite::BuiltinOperator_PACK, layout::prepare_pack);
    registry.add(tflite::BuiltinOperator_SPLIT, layout::prepare_split);
    registry.add(tflite::BuiltinOperator_SPLIT_V, layout::prepare_split_v);
    registry.add(tflite::BuiltinOperator_UNPACK, layout::prepare_unpack);
    registry.add(tflite::BuiltinOperator_SLICE, layout::prepare_slice);
    registry.add(tflite::BuiltinOperator_STRIDED_SLICE, layout::prepare_strided_slice);
    registry.add(tflite::BuiltinOperator_GATHER, layout::prepare_gather);
    registry.add(tflite::BuiltinOperator_PAD, layout::prepare_pad);
    registry.add(tflite::BuiltinOperator_PADV2, layout::prepare_pad);
    registry.add(tflite::BuiltinOperator_MIRROR_PAD, layout::prepare_mirror_pad);
    registry.add(tflite::BuiltinOperator_RESIZE_BILINEAR, layout::prepare_resize_bilinear);
    registry.add(tflite::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR, layout::prepare_resize_nearest_neighbor);
}

}  // namespace litelab
