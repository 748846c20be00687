#include "runtime/kernels/fully_connected/float_activation.h"

#include <algorithm>
#include <cmath>

#include <Eigen/Core>

namespace litelab {

bool is_hybrid_activation(tflite::ActivationFunctionType activation) {
    switch (activation) {
        case tflite::ActivationFunctionType_NONE:
        case tflite::ActivationFunctionType_RELU:
        case tflite::ActivationFunctionType_RELU_N1_TO_1:
        case tflite::ActivationFunctionType_RELU6:
        case tflite::ActivationFunctionType_TANH:
        case tflite::ActivationFunctionType_SIGN_BIT:
            return true;
    }
    return false;
}

void apply_float_activation(tflite::ActivationFunctionType activation, float* values, int64_t count) {
    switch (activation) {
        case tflite::ActivationFunctionType_NONE:
            return;
        case tflite::ActivationFunctionType_RELU:
            for (int64_t i = 0; i < count; ++i) values[i] = std::max(0.0f, values[i]);
            return;
        case tflite::ActivationFunctionType_RELU_N1_TO_1:
            for (int64_t i = 0; i < count; ++i) values[i] = std::max(-1.0f, std::min(values[i], 1.0f));
            return;
        case tflite::ActivationFunctionType_RELU6:
            for (int64_t i = 0; i < count; ++i) values[i] = std::max(0.0f, std::min(values[i], 6.0f));
            return;
        case tflite::ActivationFunctionType_TANH: {
            Eigen::Map<Eigen::ArrayXf> map(values, count);
            map = map.tanh();
            return;
        }
        case tflite::ActivationFunctionType_SIGN_BIT:
            for (int64_t i = 0; i < count; ++i) values[i] = std::signbit(values[i]) ? 1.0f : 0.0f;
            return;
    }
}

}  // namespace litelab
