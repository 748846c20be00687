// TfliteEmitter: what importers (Keras, ONNX) write a float32 TFLite graph with.
//
// An importer adds inputs, constants and operators; the emitter names the tensors, keeps every
// tensor's shape, and finishes the Model the way TensorFlow's converter would: activations fused
// into the operator before them, a dynamic batch dimension, operator versions, a
// `serving_default` signature.
//
// Shapes have one source of truth, the interpreter's kernels: each operator is compiled alone
// (shape_probe.h) when it is added, so the emitter has no shape inference of its own. Dynamic
// dimensions are found the same way: an operator whose inputs have dynamic dimensions (-1 in
// their signature) is probed twice, with those dimensions at their static size and one larger;
// the output dimensions that change are dynamic. An operator whose inputs are all known at
// import time is folded into a constant; values that depend on the batch (SHAPE of an
// activation and arithmetic on it) stay operators, and the probes carry their values so that an
// operator reading them (TRANSPOSE_CONV's output shape) can still be shaped.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "import/import_options.h"
#include "model/builder.h"

namespace litelab {

// One operator to add. Outputs are named after `name` ("name", "name:1", ...).
struct OpCall {
    tflite::BuiltinOperator code = tflite::BuiltinOperator_ADD;
    std::vector<int32_t> inputs;  // -1 marks an omitted optional input
    tflite::BuiltinOptionsUnion options;
    std::string name;
    int outputs = 1;
    std::optional<DType> output_type;  // default: the first input's type
};

class TfliteEmitter {
public:
    explicit TfliteEmitter(const ImportOptions& options);

    // The static size of a dynamic batch dimension (ImportOptions::batch, else 1).
    int32_t batch() const { return batch_; }

    // A model input. `signature` has -1 for dynamic dimensions: the first becomes the batch
    // (ImportOptions::batch or 1 in `shape`), others 1.
    int32_t input(const std::string& name, DType type, const std::vector<int32_t>& signature);
    int32_t constant(const std::string& name, std::vector<int32_t> shape, std::span<const float> values);
    int32_t constant(const std::string& name, std::vector<int32_t> shape, std::span<const int32_t> values);
    int32_t scalar(const std::string& name, float value);
    // Recurrent state (zeros, updated by the operator that reads it). Dynamic dimensions as for
    // inputs; a model with a dynamic variable gets a static batch (first dimension) when
    // finished, because TFLite's runtimes do not resize variables.
    int32_t variable(const std::string& name, DType type, const std::vector<int32_t>& signature);

    // Adds an operator, or folds it into constants when all its inputs are known. Returns the
    // outputs. Errors name the operator and carry the kernel's reason.
    Result<std::vector<int32_t>> op(const OpCall& call);
    // The same for a single-output operator.
    Result<int32_t> op(tflite::BuiltinOperator code, std::vector<int32_t> inputs, const std::string& name,
                       tflite::BuiltinOptionsUnion options = {});

    // Marks `tensor` as a model output, named `name` in the signature.
    void output(int32_t tensor, const std::string& name);
    // A line for ImportedModel::notes.
    void note(std::string line) { notes_.push_back(std::move(line)); }

    // Tensor queries.
    // By value: adding tensors moves the model's tensor list.
    std::vector<int32_t> shape(int32_t tensor) const;  // static: the batch at its static size
    std::vector<int32_t> signature(int32_t tensor) const;     // -1 where dynamic
    int rank(int32_t tensor) const { return static_cast<int>(shape(tensor).size()); }
    DType type(int32_t tensor) const;
    std::string name(int32_t tensor) const;
    bool is_constant(int32_t tensor) const;
    // A constant's float values; empty for other tensors.
    std::vector<float> float_values(int32_t tensor) const;

    // Fuses activations, drops what nothing reads, sets operator versions and the signature.
    Result<ImportedModel> finish() &&;

private:
    struct Known {
        std::vector<int32_t> probe_shape;  // the shape with dynamic dimensions one larger
        Bytes value;                       // the value at the static shapes, when known
        Bytes probe_value;                 // the value at the probe shapes, when known
        bool variable = false;
    };

    int32_t add(const std::string& name, DType type, std::vector<int32_t> shape, std::vector<int32_t> probe_shape,
                Bytes value, Bytes probe_value);
    std::string unique_name(const std::string& wanted);
    bool is_dynamic(int32_t tensor) const;
    const Tensor& tensor(int32_t index) const { return builder_.model().subgraphs[0].tensors[static_cast<size_t>(index)]; }

    ModelBuilder builder_;
    int32_t batch_ = 1;
    std::vector<Known> known_;  // per tensor
    std::map<std::string, int> name_counts_;  // how often each name was asked for
    std::vector<int32_t> inputs_;
    std::vector<TensorMap> input_names_;
    std::vector<TensorMap> output_names_;
    std::vector<std::string> notes_;
};

}  // namespace litelab
