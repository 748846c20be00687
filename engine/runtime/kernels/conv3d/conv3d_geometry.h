// The geometry of CONV_3D and CONV_3D_TRANSPOSE in NDHWC layout: sizes, strides, dilations and
// the padding before the first element per spatial axis, as TFLite computes them.
#pragma once

#include <array>
#include <cstdint>

#include "runtime/kernel.h"

namespace litelab::conv3d {

struct Conv3dGeometry {
    int64_t batches = 1, in_c = 1, out_c = 1;
    std::array<int64_t, 3> in{}, out{}, filter{}, stride{}, dilation{}, pad{};  // d, h, w
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
};

// The clamp TFLite applies for a fused activation (NONE, RELU, RELU6, RELU_N1_TO_1).
struct ActivationClamp {
    float lo, hi;
};
Result<ActivationClamp> activation_clamp(const PrepareContext& ctx, tflite::ActivationFunctionType activation);

Result<std::unique_ptr<OpKernel>> prepare_conv_3d(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_conv_3d_transpose(PrepareContext& ctx);

}  // namespace litelab::conv3d
