// Which kernel factory computes which builtin operator.
#pragma once

#include <array>

#include "runtime/kernel.h"

namespace litelab {

class KernelRegistry {
public:
    void add(tflite::BuiltinOperator op, KernelFactory factory);
    // nullptr when no kernel computes `op`.
    KernelFactory find(tflite::BuiltinOperator op) const;

    // Every kernel LiteLab has, registered once on first use.
    static const KernelRegistry& builtin();

private:
    std::array<KernelFactory, tflite::BuiltinOperator_MAX + 1> factories_{};
};

// Kernel families, one file (or folder) each under runtime/kernels/.
void register_elementwise_kernels(KernelRegistry& registry);    // arithmetic and unary math
void register_activation_kernels(KernelRegistry& registry);     // RELU, LOGISTIC, TANH, ...
void register_quantize_kernels(KernelRegistry& registry);       // QUANTIZE, DEQUANTIZE, CAST
void register_conv_kernels(KernelRegistry& registry);           // CONV_2D, DEPTHWISE, TRANSPOSE_CONV
void register_fully_connected_kernels(KernelRegistry& registry);  // FULLY_CONNECTED, BATCH_MATMUL
void register_pooling_kernels(KernelRegistry& registry);
void register_reduce_kernels(KernelRegistry& registry);         // MEAN, SUM, REDUCE_MAX, ARG_MAX, ...
void register_softmax_kernels(KernelRegistry& registry);        // SOFTMAX, LOG_SOFTMAX, L2_NORMALIZATION
void register_shape_kernels(KernelRegistry& registry);          // RESHAPE, SQUEEZE, SHAPE, FILL, ...
void register_layout_kernels(KernelRegistry& registry);         // TRANSPOSE, CONCAT, SLICE, PAD, RESIZE, ...
void register_recurrent_kernels(KernelRegistry& registry);      // LSTM, SVDF
void register_compare_kernels(KernelRegistry& registry);        // LESS, EQUAL, LOGICAL_AND, ...
void register_control_flow_kernels(KernelRegistry& registry);   // WHILE, IF, CALL_ONCE
void register_conv3d_kernels(KernelRegistry& registry);         // CONV_3D, CONV_3D_TRANSPOSE
void register_tile_kernels(KernelRegistry& registry);           // TILE
void register_power_kernels(KernelRegistry& registry);          // POW

}  // namespace litelab
