// An ONNX model as the importer sees it: plain values copied out of the protobuf (so nothing
// past loading depends on libonnx), with constants decoded into typed arrays.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dtype.h"

namespace litelab::onnx {

// A constant array: an initializer, a Constant node's value, or a value folded at import time.
// Floating types are held as float (double and half are converted), integer and bool types as
// int64 so index arithmetic (Slice's INT64_MAX ends) is exact.
struct OnnxTensor {
    DType type = DType::kFloat32;  // the element type ONNX declares
    std::vector<int64_t> dims;
    std::vector<float> floats;  // when is_float()
    std::vector<int64_t> ints;  // otherwise

    bool is_float() const { return type == DType::kFloat32 || type == DType::kFloat64 || type == DType::kFloat16; }
    int64_t size() const;
    // Element k as a double / int64 whatever the storage.
    double as_double(size_t k) const { return is_float() ? floats[k] : static_cast<double>(ints[k]); }
    int64_t as_int(size_t k) const;
};

OnnxTensor float_tensor(std::vector<int64_t> dims, std::vector<float> values);
OnnxTensor int_tensor(DType type, std::vector<int64_t> dims, std::vector<int64_t> values);

struct OnnxAttribute {
    enum class Kind { kFloat, kInt, kString, kTensor, kGraph, kFloats, kInts, kStrings, kOther };
    Kind kind = Kind::kOther;
    float f = 0;
    int64_t i = 0;
    std::string s;
    std::optional<OnnxTensor> t;
    std::vector<float> floats;
    std::vector<int64_t> ints;
    std::vector<std::string> strings;
};

struct OnnxNode {
    std::string op_type;
    std::string domain;  // "" or "ai.onnx" for the default operator set
    std::string name;
    std::vector<std::string> inputs;  // "" marks an omitted optional input
    std::vector<std::string> outputs;
    std::map<std::string, OnnxAttribute> attributes;

    bool has(const std::string& attribute) const { return attributes.count(attribute) != 0; }
    int64_t int_attr(const std::string& key, int64_t fallback) const;
    float float_attr(const std::string& key, float fallback) const;
    std::string string_attr(const std::string& key, const std::string& fallback) const;
    std::vector<int64_t> ints_attr(const std::string& key) const;  // empty when absent
    std::vector<float> floats_attr(const std::string& key) const;
    std::vector<std::string> strings_attr(const std::string& key) const;
    bool has_input(size_t i) const { return i < inputs.size() && !inputs[i].empty(); }
    // "Conv 'conv1'" or "Conv (node 3)": how messages name a node.
    std::string label(size_t index) const;
};

// A graph input or output: element type and dims, -1 where ONNX gives a symbolic or no size.
struct OnnxValueInfo {
    std::string name;
    std::optional<DType> type;  // nullopt: not a tensor of a type LiteLab knows (sequence, map, ...)
    std::string type_name;      // ONNX's name for the type, for messages
    std::vector<int64_t> dims;
    bool has_shape = false;
};

struct OnnxGraph {
    int64_t opset = 0;  // of the default domain
    int64_t ir_version = 0;
    std::string producer;
    std::string name;
    std::vector<OnnxNode> nodes;  // topologically sorted (checked at load)
    std::map<std::string, OnnxTensor> initializers;
    std::vector<OnnxValueInfo> inputs;  // real inputs only (initializers listed as inputs are dropped)
    std::vector<OnnxValueInfo> outputs;
};

// "FLOAT", "INT64", ...: ONNX's names for its element types (TensorProto.DataType).
std::string onnx_type_name(int32_t data_type);
// LiteLab's DType for an ONNX element type; nullopt for STRING, COMPLEX, BFLOAT16 and unknowns.
std::optional<DType> dtype_of_onnx(int32_t data_type);

}  // namespace litelab::onnx
