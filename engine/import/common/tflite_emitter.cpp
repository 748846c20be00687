#include "import/common/tflite_emitter.h"

#include <algorithm>
#include <cstring>

#include "import/common/fuse_activations.h"
#include "import/common/operator_versions.h"
#include "import/common/prune_model.h"
#include "import/common/shape_probe.h"
#include "model/graph.h"

namespace litelab {

namespace {

template <class T>
Bytes bytes_of(std::span<const T> values) {
    std::vector<uint8_t> bytes(values.size_bytes());
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return Bytes::take(std::move(bytes));
}

std::string output_name(const std::string& name, int index) {
    return index == 0 ? name : name + ":" + std::to_string(index);
}

}  // namespace

TfliteEmitter::TfliteEmitter(const ImportOptions& options) : batch_(options.batch.value_or(1)) {}

std::string TfliteEmitter::unique_name(const std::string& wanted) {
    const std::string base = wanted.empty() ? std::string("tensor") : wanted;
    auto& count = name_counts_[base];
    std::string name = count == 0 ? base : base + "_" + std::to_string(count);
    ++count;
    // A generated name may itself have been asked for earlier ("a_1" after "a" twice).
    while (name_counts_.count(name) && name != base) {
        name = base + "_" + std::to_string(count);
        ++count;
    }
    if (name != base) name_counts_[name] = 1;
    return name;
}

int32_t TfliteEmitter::add(const std::string& name, DType type, std::vector<int32_t> shape,
                           std::vector<int32_t> probe_shape, Bytes value, Bytes probe_value) {
    std::vector<int32_t> signature = shape;
    bool dynamic = false;
    for (size_t d = 0; d < signature.size(); ++d) {
        if (signature[d] != probe_shape[d]) {
            signature[d] = -1;
            dynamic = true;
        }
    }
    const int32_t t = builder_.add_tensor(unique_name(name), type, std::move(shape));
    if (dynamic) builder_.set_shape_signature(t, std::move(signature));
    known_.push_back({std::move(probe_shape), std::move(value), std::move(probe_value), false});
    return t;
}

int32_t TfliteEmitter::input(const std::string& name, DType type, const std::vector<int32_t>& signature) {
    std::vector<int32_t> shape = signature, probe = signature;
    for (size_t d = 0; d < signature.size(); ++d) {
        if (signature[d] >= 0) continue;
        shape[d] = d == 0 ? batch_ : 1;
        probe[d] = shape[d] + 1;
    }
    const int32_t t = add(name, type, shape, probe, {}, {});
    inputs_.push_back(t);
    input_names_.push_back({name, static_cast<uint32_t>(t)});
    return t;
}

int32_t TfliteEmitter::constant(const std::string& name, std::vector<int32_t> shape, std::span<const float> values) {
    const int32_t t = builder_.add_float_constant(unique_name(name), shape, values);
    const Bytes& data = builder_.model().buffers[tensor(t).buffer].data;
    known_.push_back({std::move(shape), data, data, false});
    return t;
}

int32_t TfliteEmitter::constant(const std::string& name, std::vector<int32_t> shape, std::span<const int32_t> values) {
    const int32_t t = builder_.add_int32_constant(unique_name(name), shape, values);
    const Bytes& data = builder_.model().buffers[tensor(t).buffer].data;
    known_.push_back({std::move(shape), data, data, false});
    return t;
}

int32_t TfliteEmitter::scalar(const std::string& name, float value) {
    return constant(name, {}, std::span<const float>(&value, 1));
}

int32_t TfliteEmitter::variable(const std::string& name, DType type, const std::vector<int32_t>& signature) {
    std::vector<int32_t> shape = signature, probe = signature;
    for (size_t d = 0; d < signature.size(); ++d) {
        if (signature[d] >= 0) continue;
        shape[d] = d == 0 ? batch_ : 1;
        probe[d] = shape[d] + 1;
    }
    const int32_t t = add(name, type, shape, probe, {}, {});
    known_.back().variable = true;
    return t;
}

bool TfliteEmitter::is_dynamic(int32_t t) const {
    const Known& k = known_[static_cast<size_t>(t)];
    return k.probe_shape != shape(t) || !(k.value == k.probe_value);
}

Result<std::vector<int32_t>> TfliteEmitter::op(const OpCall& call) {
    const std::string op_name = std::string(tflite::EnumNameBuiltinOperator(call.code));
    const std::string where = (call.name.empty() ? std::string("operator") : call.name) + ": " + op_name;
    const int32_t count = static_cast<int32_t>(known_.size());
    for (int32_t t : call.inputs)
        if (t < -1 || t >= count)
            return make_error(ErrorCode::kInvalid, where + ": input tensor " + std::to_string(t) + " does not exist");
    if (call.outputs < 1) return make_error(ErrorCode::kInvalid, where + ": needs at least one output");

    DType out_type = DType::kFloat32;
    if (call.output_type) out_type = *call.output_type;
    else if (!call.inputs.empty() && call.inputs[0] >= 0) out_type = type(call.inputs[0]);
    const std::vector<DType> output_types(static_cast<size_t>(call.outputs), out_type);

    bool dynamic = false;
    std::vector<ProbeOperand> at_static, at_probe;
    for (int32_t t : call.inputs) {
        if (t < 0) {
            at_static.push_back({});
            at_probe.push_back({});
            continue;
        }
        const Known& k = known_[static_cast<size_t>(t)];
        dynamic = dynamic || is_dynamic(t);
        at_static.push_back({t, type(t), shape(t), k.value, k.variable});
        at_probe.push_back({t, type(t), k.probe_shape, k.probe_value, k.variable});
    }

    auto probed = probe_operator(call.code, 1, call.options, at_static, output_types);
    if (!probed) return make_error(probed.error().code, where + ": " + probed.error().message);
    ProbeResult probed_larger = *probed;
    if (dynamic) {
        auto larger = probe_operator(call.code, 1, call.options, at_probe, output_types);
        if (!larger)
            return make_error(larger.error().code,
                              where + ": fails when the batch changes: " + larger.error().message);
        probed_larger = std::move(*larger);
    }

    // Known outputs that do not depend on the batch become constants.
    bool fold = true;
    for (size_t i = 0; i < output_types.size(); ++i) {
        const auto& value = probed->values[i];
        const auto& larger_value = probed_larger.values[i];
        fold = fold && value && larger_value && *value == *larger_value &&
               probed->shapes[i] == probed_larger.shapes[i];
    }
    std::vector<int32_t> outputs;
    for (size_t i = 0; i < output_types.size(); ++i) {
        const auto& static_shape = probed->shapes[i];
        const auto& larger_shape = probed_larger.shapes[i];
        if (static_shape.size() != larger_shape.size())
            return make_error(ErrorCode::kUnsupported,
                              where + ": the output's rank depends on the batch size (" + format_dims(static_shape) +
                                  " at batch " + std::to_string(batch_) + ", " + format_dims(larger_shape) + " above)");
        const std::string name = output_name(call.name, static_cast<int>(i));
        if (fold) {
            const int32_t t = builder_.add_tensor(unique_name(name), output_types[i], static_shape, *probed->values[i]);
            known_.push_back({static_shape, *probed->values[i], *probed->values[i], false});
            outputs.push_back(t);
            continue;
        }
        outputs.push_back(add(name, output_types[i], static_shape, larger_shape, probed->values[i].value_or(Bytes{}),
                              probed_larger.values[i].value_or(Bytes{})));
    }
    if (!fold) builder_.add_operator(call.code, call.inputs, outputs, call.options);
    return outputs;
}

Result<int32_t> TfliteEmitter::op(tflite::BuiltinOperator code, std::vector<int32_t> inputs, const std::string& name,
                                  tflite::BuiltinOptionsUnion options) {
    OpCall call;
    call.code = code;
    call.inputs = std::move(inputs);
    call.options = std::move(options);
    call.name = name;
    auto outputs = op(call);
    if (!outputs) return outputs.error();
    return outputs->front();
}

void TfliteEmitter::output(int32_t t, const std::string& name) {
    output_names_.push_back({name, static_cast<uint32_t>(t)});
}

std::vector<int32_t> TfliteEmitter::shape(int32_t t) const { return tensor(t).shape; }

std::vector<int32_t> TfliteEmitter::signature(int32_t t) const { return tensor(t).signature_or_shape(); }

DType TfliteEmitter::type(int32_t t) const { return tensor(t).type; }

std::string TfliteEmitter::name(int32_t t) const { return tensor(t).name; }

bool TfliteEmitter::is_constant(int32_t t) const { return tensor(t).buffer != 0; }

std::vector<float> TfliteEmitter::float_values(int32_t t) const {
    if (!is_constant(t) || type(t) != DType::kFloat32) return {};
    const Bytes& data = builder_.model().buffers[tensor(t).buffer].data;
    std::vector<float> values(data.size() / sizeof(float));
    if (!values.empty()) std::memcpy(values.data(), data.data(), values.size() * sizeof(float));
    return values;
}

Result<ImportedModel> TfliteEmitter::finish() && {
    if (output_names_.empty()) return make_error(ErrorCode::kInvalid, "the model has no outputs");
    std::vector<int32_t> outputs;
    for (const TensorMap& m : output_names_) outputs.push_back(static_cast<int32_t>(m.tensor_index));
    builder_.set_inputs(inputs_);
    builder_.set_outputs(outputs);
    builder_.add_signature("serving_default", 0, input_names_, output_names_);
    ImportedModel imported{std::move(builder_).finish(), std::move(notes_)};
    Model& model = imported.model;
    for (size_t t = 0; t < known_.size(); ++t)
        if (known_[t].variable) model.subgraphs[0].tensors[t].is_variable = true;

    fuse_activations(model);
    prune_model(model);

    // TFLite's runtimes keep recurrent state in variables of a fixed size, so their batch is static.
    bool dynamic_variable = false;
    for (const Tensor& t : model.subgraphs[0].tensors) dynamic_variable = dynamic_variable || (t.is_variable && t.is_dynamic());
    if (dynamic_variable) {
        // Only the batch becomes static: other dynamic dimensions (a sequence's length) stay.
        for (Tensor& t : model.subgraphs[0].tensors) {
            if (!t.shape_signature || t.shape_signature->empty()) continue;
            (*t.shape_signature)[0] = t.shape.empty() ? 1 : t.shape[0];
            if (!t.is_dynamic()) t.shape_signature.reset();
        }
        imported.notes.push_back("the batch size is static (" + std::to_string(batch_) +
                                 "): the recurrent state is kept in variables of that size");
    }
    set_operator_versions(model);
    return imported;
}

}  // namespace litelab
