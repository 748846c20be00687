// Factories of the fully_connected family, and the pieces its FULLY_CONNECTED and
// BATCH_MATMUL variants share.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/kernel.h"
#include "runtime/kernels/fully_connected/matrix_view.h"
#include "runtime/kernels/fully_connected/output_stage.h"

namespace litelab {

Result<std::unique_ptr<OpKernel>> prepare_fully_connected(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_batch_matmul(PrepareContext& ctx);

// FULLY_CONNECTED by type: float, hybrid (float activations, int8 weights), and integer
// (int8, uint8, 16x8). `d` is the flattened product; the output shape is already set.
struct FullyConnectedSetup {
    MatmulDims d;
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
    bool has_bias = false;
    bool asymmetric_quantize_inputs = false;
    bool fast = true;
};
Result<std::unique_ptr<OpKernel>> prepare_fully_connected_float(PrepareContext& ctx, const FullyConnectedSetup& s);
Result<std::unique_ptr<OpKernel>> prepare_fully_connected_hybrid(PrepareContext& ctx, const FullyConnectedSetup& s);
Result<std::unique_ptr<OpKernel>> prepare_fully_connected_integer(PrepareContext& ctx, const FullyConnectedSetup& s);

// "INT8 input 0 has no quantization parameters" unless the tensor has a scale per tensor or,
// when `per_channel_dim` >= 0, one per slice of that dimension (with its zero points).
Status check_quantization(const PrepareContext& ctx, const TensorInfo& tensor, const std::string& what,
                          int per_channel_dim);

// The weights' per-channel scales, or empty when they are quantized per tensor.
inline std::vector<float> channel_scales(const TensorInfo& weights) {
    return weights.quant.per_axis() ? weights.quant.scale : std::vector<float>{};
}

}  // namespace litelab
