// Fused activations: which ones the integer and float (non-hybrid) kernels accept (those that
// only clamp), and their names for messages.
#pragma once

#include <string>

#include "tflite/schema/tflite_generated.h"

namespace litelab {

inline bool is_clamping_activation(tflite::ActivationFunctionType activation) {
    return activation == tflite::ActivationFunctionType_NONE || activation == tflite::ActivationFunctionType_RELU ||
           activation == tflite::ActivationFunctionType_RELU_N1_TO_1 ||
           activation == tflite::ActivationFunctionType_RELU6;
}

// "RELU6", or the number of a value the schema does not name.
inline std::string activation_name(tflite::ActivationFunctionType activation) {
    const char* name = tflite::EnumNameActivationFunctionType(activation);
    return name && *name ? name : std::to_string(static_cast<int>(activation));
}

}  // namespace litelab
