// CONV_2D kernels by type, built by the factory in conv_2d.cpp once the operator is validated.
#pragma once

#include <memory>

#include "core/result.h"
#include "runtime/kernel.h"
#include "runtime/kernels/conv/conv_shape.h"

namespace litelab::conv {

struct Conv2dSetup {
    ConvShape shape;
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
    bool has_bias = false;
};

// Float input and weights (bias float).
Result<std::unique_ptr<OpKernel>> make_float_conv(PrepareContext& ctx, const Conv2dSetup& setup);
// int8 / uint8 / int16 activations with their weights (validated by the factory).
Result<std::unique_ptr<OpKernel>> make_quantized_conv(PrepareContext& ctx, const Conv2dSetup& setup);
// Float activations with int8 weights.
Result<std::unique_ptr<OpKernel>> make_hybrid_conv(PrepareContext& ctx, const Conv2dSetup& setup);

}  // namespace litelab::conv
