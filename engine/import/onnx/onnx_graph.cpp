#include "import/onnx/onnx_graph.h"

#include <cstdint>

namespace litelab::onnx {

int64_t OnnxTensor::size() const {
    int64_t n = 1;
    for (int64_t d : dims) n *= d;
    return n;
}

int64_t OnnxTensor::as_int(size_t k) const {
    if (!is_float()) return ints[k];
    const float v = floats[k];
    if (!(v > -9.2e18f && v < 9.2e18f)) return v > 0 ? INT64_MAX : (v < 0 ? INT64_MIN : 0);  // NaN as 0
    return static_cast<int64_t>(v);
}

OnnxTensor float_tensor(std::vector<int64_t> dims, std::vector<float> values) {
    OnnxTensor t;
    t.type = DType::kFloat32;
    t.dims = std::move(dims);
    t.floats = std::move(values);
    return t;
}

OnnxTensor int_tensor(DType type, std::vector<int64_t> dims, std::vector<int64_t> values) {
    OnnxTensor t;
    t.type = type;
    t.dims = std::move(dims);
    t.ints = std::move(values);
    return t;
}

int64_t OnnxNode::int_attr(const std::string& key, int64_t fallback) const {
    const auto it = attributes.find(key);
    return it == attributes.end() ? fallback : it->second.i;
}

float OnnxNode::float_attr(const std::string& key, float fallback) const {
    const auto it = attributes.find(key);
    return it == attributes.end() ? fallback : it->second.f;
}

std::string OnnxNode::string_attr(const std::string& key, const std::string& fallback) const {
    const auto it = attributes.find(key);
    return it == attributes.end() ? fallback : it->second.s;
}

std::vector<int64_t> OnnxNode::ints_attr(const std::string& key) const {
    const auto it = attributes.find(key);
    return it == attributes.end() ? std::vector<int64_t>{} : it->second.ints;
}

std::vector<float> OnnxNode::floats_attr(const std::string& key) const {
    const auto it = attributes.find(key);
    return it == attributes.end() ? std::vector<float>{} : it->second.floats;
}

std::vector<std::string> OnnxNode::strings_attr(const std::string& key) const {
    const auto it = attributes.find(key);
    return it == attributes.end() ? std::vector<std::string>{} : it->second.strings;
}

std::string OnnxNode::label(size_t index) const {
    if (!name.empty()) return op_type + " '" + name + "'";
    return op_type + " (node " + std::to_string(index) + ")";
}

std::string onnx_type_name(int32_t data_type) {
    static const char* const names[] = {"UNDEFINED", "FLOAT",  "UINT8",     "INT8",       "UINT16",  "INT16",
                                        "INT32",     "INT64",  "STRING",    "BOOL",       "FLOAT16", "DOUBLE",
                                        "UINT32",    "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
    if (data_type >= 0 && data_type < static_cast<int32_t>(std::size(names))) return names[data_type];
    return "type " + std::to_string(data_type);
}

std::optional<DType> dtype_of_onnx(int32_t data_type) {
    switch (data_type) {
        case 1:
            return DType::kFloat32;
        case 2:
            return DType::kUInt8;
        case 3:
            return DType::kInt8;
        case 4:
            return DType::kUInt16;
        case 5:
            return DType::kInt16;
        case 6:
            return DType::kInt32;
        case 7:
            return DType::kInt64;
        case 9:
            return DType::kBool;
        case 10:
            return DType::kFloat16;
        case 11:
            return DType::kFloat64;
        case 12:
            return DType::kUInt32;
        case 13:
            return DType::kUInt64;
        default:
            return std::nullopt;
    }
}

}  // namespace litelab::onnx
