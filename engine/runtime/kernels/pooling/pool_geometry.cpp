#include "runtime/kernels/pooling/pool_geometry.h"

namespace litelab::pooling {

int32_t pool_output_size(tflite::Padding padding, int32_t input, int32_t filter, int32_t stride) {
    if (padding == tflite::Padding_SAME) return (input + stride - 1) / stride;
    return input < filter ? 0 : (input - filter + stride) / stride;
}

int32_t pool_padding_before(int32_t input, int32_t filter, int32_t stride, int32_t output) {
    const int32_t total = (output - 1) * stride + filter - input;
    return std::max(total, 0) / 2;
}

}  // namespace litelab::pooling
