// ModelBuilder: assembles a Model tensor by tensor and operator by operator, managing buffers
// and operator codes. Importers, the example generator and tests build models through it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/model.h"

namespace litelab {

class ModelBuilder {
public:
    ModelBuilder();

    // Adds a tensor to the current subgraph and returns its index. Non-empty `data` becomes a
    // new buffer (a constant tensor).
    int32_t add_tensor(std::string name, DType type, std::vector<int32_t> shape, Bytes data = {},
                       std::optional<Quantization> quantization = std::nullopt);
    int32_t add_float_constant(std::string name, std::vector<int32_t> shape, std::span<const float> values);
    int32_t add_int32_constant(std::string name, std::vector<int32_t> shape, std::span<const int32_t> values);
    // Marks dimensions as dynamic: shape_signature with -1 where `dynamic` is set.
    void set_shape_signature(int32_t tensor, std::vector<int32_t> signature);

    void add_operator(tflite::BuiltinOperator op, std::vector<int32_t> inputs, std::vector<int32_t> outputs,
                      tflite::BuiltinOptionsUnion options = {}, int32_t version = 1);
    void add_custom_operator(const std::string& name, std::vector<int32_t> inputs, std::vector<int32_t> outputs,
                             std::vector<uint8_t> custom_options = {});

    void set_inputs(std::vector<int32_t> inputs);
    void set_outputs(std::vector<int32_t> outputs);
    void set_subgraph_name(std::string name);
    // Starts a new subgraph; later calls add to it. Returns its index.
    uint32_t add_subgraph(std::string name);
    // Adds a signature over subgraph `subgraph`, naming each input and output tensor.
    void add_signature(std::string key, uint32_t subgraph, std::vector<TensorMap> inputs, std::vector<TensorMap> outputs);
    void add_metadata(std::string name, Bytes data);
    void set_description(std::string description);

    Model finish() &&;
    const Model& model() const { return model_; }

private:
    uint32_t opcode_index(tflite::BuiltinOperator op, const std::string& custom, int32_t version);
    uint32_t add_buffer(Bytes data);
    Subgraph& current() { return model_.subgraphs[current_]; }

    Model model_;
    size_t current_ = 0;
};

}  // namespace litelab
