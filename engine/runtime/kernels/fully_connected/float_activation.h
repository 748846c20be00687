// The float activations a hybrid FULLY_CONNECTED may fuse, applied as TFLite's
// tensor_utils::ApplyActivationToVector does (Eigen's tanh, signbit as 0/1).
#pragma once

#include <cstdint>

#include "tflite/schema/tflite_generated.h"

namespace litelab {

bool is_hybrid_activation(tflite::ActivationFunctionType activation);
void apply_float_activation(tflite::ActivationFunctionType activation, float* values, int64_t count);

}  // namespace litelab
