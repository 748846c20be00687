#include "model/model.h"

#include <algorithm>

namespace litelab {

bool Tensor::is_dynamic() const {
    if (!shape_signature) return false;
    return std::any_of(shape_signature->begin(), shape_signature->end(), [](int32_t d) { return d < 0; });
}

tflite::BuiltinOperator resolved_builtin_code(int8_t deprecated_builtin_code, int32_t builtin_code) {
    return static_cast<tflite::BuiltinOperator>(std::max<int32_t>(deprecated_builtin_code, builtin_code));
}

std::string OperatorCode::name() const {
    if (builtin_code == tflite::BuiltinOperator_CUSTOM) return custom_code.empty() ? "CUSTOM" : custom_code;
    if (builtin_code < tflite::BuiltinOperator_MIN || builtin_code > tflite::BuiltinOperator_MAX)
        return "UNKNOWN_OP_" + std::to_string(static_cast<int>(builtin_code));
    const char* name = tflite::EnumNameBuiltinOperator(builtin_code);
    if (name == nullptr || *name == '\0') return "UNKNOWN_OP_" + std::to_string(static_cast<int>(builtin_code));
    return name;
}

std::span<const uint8_t> Model::tensor_data(const Tensor& tensor) const {
    if (tensor.buffer >= buffers.size()) return {};
    return buffers[tensor.buffer].data.span();
}

}  // namespace litelab
