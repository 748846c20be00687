#include "import/onnx/lowering_table.h"

namespace litelab::onnx {

const LoweringTable& lowering_table() {
    static const LoweringTable table = [] {
        LoweringTable t;
        register_elementwise_lowerings(t);
        register_activation_lowerings(t);
        register_conv_lowerings(t);
        register_conv_transpose_lowerings(t);
        register_matmul_lowerings(t);
        register_normalization_lowerings(t);
        register_pooling_lowerings(t);
        register_reshape_lowerings(t);
        register_slicing_lowerings(t);
        register_reduce_lowerings(t);
        register_resize_lowerings(t);
        register_recurrent_lowerings(t);
        return t;
    }();
    return table;
}

}  // namespace litelab::onnx
