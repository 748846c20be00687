// The Model: LiteLab's one in-memory representation of a network, shaped exactly like TFLite's
// flatbuffer (subgraphs, tensors, operators with builtin options, buffers, quantization,
// signatures, metadata), so the dump, the graph view and the written file share one vocabulary.
//
// A Model is a value: copying it is cheap for the weights (Bytes share the mapped file or the
// owned vector) and deep for everything else, so transforms can be pure functions Model -> Model.
// Builtin options, sparsity and custom quantization details use the object-API types generated
// from our schema (engine/tflite/schema/tflite.fbs): they are plain copyable values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/dtype.h"
#include "tflite/schema/tflite_generated.h"

namespace litelab {

struct Quantization {
    std::vector<float> min;
    std::vector<float> max;
    std::vector<float> scale;
    std::vector<int64_t> zero_point;
    int32_t quantized_dimension = 0;
    tflite::QuantizationDetailsUnion details;  // custom quantization, rarely used

    bool empty() const {
        return min.empty() && max.empty() && scale.empty() && zero_point.empty() && details.type == 0;
    }
    bool per_axis() const { return scale.size() > 1; }
    friend bool operator==(const Quantization&, const Quantization&) = default;
};

struct Tensor {
    std::string name;
    DType type = DType::kFloat32;
    std::vector<int32_t> shape;
    std::optional<std::vector<int32_t>> shape_signature;  // present when the file stores one
    uint32_t buffer = 0;                                  // 0: no data (the empty sentinel buffer)
    std::optional<Quantization> quantization;
    bool is_variable = false;
    std::optional<tflite::SparsityParametersT> sparsity;
    bool has_rank = false;
    std::vector<tflite::VariantSubTypeT> variant_tensors;
    uint32_t external_buffer = 0;  // ExternalBuffer id (weights in another file); 0 = use `buffer`

    // The signature when present, else the static shape: what a user should see as "the shape".
    const std::vector<int32_t>& signature_or_shape() const { return shape_signature ? *shape_signature : shape; }
    bool is_dynamic() const;
    friend bool operator==(const Tensor&, const Tensor&) = default;
};

struct OperatorCode {
    tflite::BuiltinOperator builtin_code = tflite::BuiltinOperator_ADD;
    int8_t deprecated_builtin_code = 0;
    std::string custom_code;
    int32_t version = 1;

    // "CONV_2D", or the custom op's own name for CUSTOM.
    std::string name() const;
    friend bool operator==(const OperatorCode&, const OperatorCode&) = default;
};

struct Operator {
    uint32_t opcode_index = 0;
    std::vector<int32_t> inputs;  // -1 marks an omitted optional input
    std::vector<int32_t> outputs;
    std::vector<int32_t> intermediates;
    tflite::BuiltinOptionsUnion builtin_options;
    tflite::BuiltinOptions2Union builtin_options_2;
    std::vector<uint8_t> custom_options;
    tflite::CustomOptionsFormat custom_options_format = tflite::CustomOptionsFormat_FLEXBUFFERS;
    std::vector<bool> mutating_variable_inputs;
    // Custom options too large for the flatbuffer live outside it, like large buffers.
    uint64_t large_custom_options_offset = 0;
    uint64_t large_custom_options_size = 0;
    int32_t debug_metadata_index = -1;
    friend bool operator==(const Operator&, const Operator&) = default;
};

struct Subgraph {
    std::string name;
    std::vector<Tensor> tensors;
    std::vector<int32_t> inputs;
    std::vector<int32_t> outputs;
    std::vector<Operator> operators;
    int32_t debug_metadata_index = -1;
    friend bool operator==(const Subgraph&, const Subgraph&) = default;
};

struct Buffer {
    Bytes data;
    // Where the data sat in the source file when stored outside the flatbuffer (offset > 1);
    // informational: the writer decides the layout of the file it writes.
    uint64_t external_offset = 0;
    friend bool operator==(const Buffer& a, const Buffer& b) { return a.data == b.data; }
};

struct Metadata {
    std::string name;
    uint32_t buffer = 0;
    friend bool operator==(const Metadata&, const Metadata&) = default;
};

struct TensorMap {
    std::string name;
    uint32_t tensor_index = 0;
    friend bool operator==(const TensorMap&, const TensorMap&) = default;
};

struct SignatureDef {
    std::vector<TensorMap> inputs;
    std::vector<TensorMap> outputs;
    std::string signature_key;
    uint32_t subgraph_index = 0;
    friend bool operator==(const SignatureDef&, const SignatureDef&) = default;
};

struct Model {
    uint32_t version = 3;
    std::vector<OperatorCode> operator_codes;
    std::vector<Subgraph> subgraphs;
    std::string description;
    std::vector<Buffer> buffers;  // buffers[0] is the empty sentinel by convention
    std::vector<int32_t> metadata_buffer;
    std::vector<Metadata> metadata;
    std::vector<SignatureDef> signature_defs;
    // Weights kept in separate files (schema 3d): described, never loaded by LiteLab.
    std::vector<tflite::ExternalBufferGroupT> external_buffer_groups;
    std::vector<tflite::ExternalBufferT> external_buffers;

    const OperatorCode& opcode(const Operator& op) const { return operator_codes[op.opcode_index]; }
    // Bytes of a tensor's constant data; empty for activations.
    std::span<const uint8_t> tensor_data(const Tensor& tensor) const;
    friend bool operator==(const Model&, const Model&) = default;
};

// Resolves the operator of an OperatorCode the way TFLite does: files written before 2.3 keep
// it in deprecated_builtin_code only, newer ones in builtin_code; the larger value is the truth.
tflite::BuiltinOperator resolved_builtin_code(int8_t deprecated_builtin_code, int32_t builtin_code);

}  // namespace litelab
