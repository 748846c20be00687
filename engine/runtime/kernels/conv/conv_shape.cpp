#include "runtime/kernels/conv/conv_shape.h"

#include <algorithm>
#include <limits>
#include <string>

namespace litelab::conv {

Result<PaddedSize> padded_size(tflite::Padding padding, int in, int filter, int stride, int dilation) {
    if (stride <= 0 || dilation <= 0 || filter <= 0 || in < 0)
        return make_error(ErrorCode::kInvalid, "stride " + std::to_string(stride) + ", dilation " +
                                                   std::to_string(dilation) + ", filter size " +
                                                   std::to_string(filter));
    const int64_t effective = (int64_t{filter} - 1) * dilation + 1;
    int64_t out = 0;
    switch (padding) {
        case tflite::Padding_SAME: out = (int64_t{in} + stride - 1) / stride; break;
        case tflite::Padding_VALID: out = (int64_t{in} + stride - effective) / stride; break;
        default: return make_error(ErrorCode::kUnsupported, "padding " + std::to_string(padding));
    }
    if (out <= 0 || out > std::numeric_limits<int32_t>::max())
        return make_error(ErrorCode::kInvalid, "the filter (" + std::to_string(effective) +
                                                   " wide with dilation) does not fit the input (" +
                                                   std::to_string(in) + ")");
    // Padding that centres the filter windows; any odd remainder goes after the last element.
    const int64_t total = std::max<int64_t>(0, (out - 1) * stride + effective - in);
    return PaddedSize{static_cast<int>(out), static_cast<int>(total / 2)};
}

bool is_fusable_activation(tflite::ActivationFunctionType activation) {
    switch (activation) {
        case tflite::ActivationFunctionType_NONE:
        case tflite::ActivationFunctionType_RELU:
        case tflite::ActivationFunctionType_RELU6:
        case tflite::ActivationFunctionType_RELU_N1_TO_1: return true;
        default: return false;
    }
}

}  // namespace litelab::conv
