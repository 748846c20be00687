#include "model/builder.h"

#include <algorithm>
#include <cstring>

namespace litelab {

ModelBuilder::ModelBuilder() {
    model_.buffers.emplace_back();  // buffer 0: the empty sentinel every TFLite file starts with
    model_.subgraphs.emplace_back();
    model_.subgraphs[0].name = "main";
}

uint32_t ModelBuilder::add_buffer(Bytes data) {
    model_.buffers.push_back(Buffer{std::move(data), 0});
    return static_cast<uint32_t>(model_.buffers.size() - 1);
}

int32_t ModelBuilder::add_tensor(std::string name, DType type, std::vector<int32_t> shape, Bytes data,
                                 std::optional<Quantization> quantization) {
    Tensor t;
    t.name = std::move(name);
    t.type = type;
    t.shape = std::move(shape);
    t.buffer = data.empty() ? 0 : add_buffer(std::move(data));
    t.quantization = std::move(quantization);
    current().tensors.push_back(std::move(t));
    return static_cast<int32_t>(current().tensors.size() - 1);
}

namespace {
template <class T>
Bytes bytes_of(std::span<const T> values) {
    std::vector<uint8_t> bytes(values.size_bytes());
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return Bytes::take(std::move(bytes));
}
}  // namespace

int32_t ModelBuilder::add_float_constant(std::string name, std::vector<int32_t> shape, std::span<const float> values) {
    return add_tensor(std::move(name), DType::kFloat32, std::move(shape), bytes_of(values));
}

int32_t ModelBuilder::add_int32_constant(std::string name, std::vector<int32_t> shape,
                                         std::span<const int32_t> values) {
    return add_tensor(std::move(name), DType::kInt32, std::move(shape), bytes_of(values));
}

void ModelBuilder::set_shape_signature(int32_t tensor, std::vector<int32_t> signature) {
    current().tensors[static_cast<size_t>(tensor)].shape_signature = std::move(signature);
}

uint32_t ModelBuilder::opcode_index(tflite::BuiltinOperator op, const std::string& custom, int32_t version) {
    for (size_t i = 0; i < model_.operator_codes.size(); ++i) {
        const auto& code = model_.operator_codes[i];
        if (code.builtin_code == op && code.custom_code == custom && code.version == version)
            return static_cast<uint32_t>(i);
    }
    OperatorCode code;
    code.builtin_code = op;
    code.deprecated_builtin_code = static_cast<int8_t>(std::min<int32_t>(op, 127));
    code.custom_code = custom;
    code.version = version;
    model_.operator_codes.push_back(std::move(code));
    return static_cast<uint32_t>(model_.operator_codes.size() - 1);
}

void ModelBuilder::add_operator(tflite::BuiltinOperator op, std::vector<int32_t> inputs,
                                std::vector<int32_t> outputs, tflite::BuiltinOptionsUnion options,
                                int32_t version) {
    Operator o;
    o.opcode_index = opcode_index(op, "", version);
    o.inputs = std::move(inputs);
    o.outputs = std::move(outputs);
    o.builtin_options = std::move(options);
    current().operators.push_back(std::move(o));
}

void ModelBuilder::add_custom_operator(const std::string& name, std::vector<int32_t> inputs,
                                       std::vector<int32_t> outputs, std::vector<uint8_t> custom_options) {
    Operator o;
    o.opcode_index = opcode_index(tflite::BuiltinOperator_CUSTOM, name, 1);
    o.inputs = std::move(inputs);
    o.outputs = std::move(outputs);
    o.custom_options = std::move(custom_options);
    current().operators.push_back(std::move(o));
}

void ModelBuilder::set_inputs(std::vector<int32_t> inputs) { current().inputs = std::move(inputs); }
void ModelBuilder::set_outputs(std::vector<int32_t> outputs) { current().outputs = std::move(outputs); }
void ModelBuilder::set_subgraph_name(std::string name) { current().name = std::move(name); }

uint32_t ModelBuilder::add_subgraph(std::string name) {
    model_.subgraphs.emplace_back();
    current_ = model_.subgraphs.size() - 1;
    current().name = std::move(name);
    return static_cast<uint32_t>(current_);
}

void ModelBuilder::add_signature(std::string key, uint32_t subgraph, std::vector<TensorMap> inputs,
                                 std::vector<TensorMap> outputs) {
    model_.signature_defs.push_back({std::move(inputs), std::move(outputs), std::move(key), subgraph});
}

void ModelBuilder::add_metadata(std::string name, Bytes data) {
    model_.metadata.push_back({std::move(name), add_buffer(std::move(data))});
}

void ModelBuilder::set_description(std::string description) { model_.description = std::move(description); }

Model ModelBuilder::finish() && { return std::move(model_); }

}  // namespace litelab
