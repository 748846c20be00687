#include "import/common/shape_probe.h"

#include <map>

#include "model/builder.h"
#include "runtime/interpreter.h"

namespace litelab {

namespace {

// "cannot run 1 operator: CONV_2D (op #0, FLOAT32, ...): why" -> "CONV_2D (FLOAT32, ...): why":
// the probe's operator index means nothing to the importer's user.
Error without_position(const Error& error) {
    std::string message = error.message;
    const std::string prefix = "cannot run 1 operator: ";
    if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    if (const size_t at = message.find("op #0, "); at != std::string::npos) message.erase(at, 7);
    return make_error(error.code, message);
}

}  // namespace

Result<ProbeResult> probe_operator(tflite::BuiltinOperator code, int32_t version, const tflite::BuiltinOptionsUnion& options,
                                   const std::vector<ProbeOperand>& operands, const std::vector<DType>& output_types) {
    ModelBuilder builder;
    std::vector<int32_t> op_inputs, model_inputs, variables;
    std::map<int32_t, int32_t> tensor_of_id;  // one probe tensor per distinct operand
    for (const ProbeOperand& operand : operands) {
        if (operand.id < 0) {
            op_inputs.push_back(-1);
            continue;
        }
        if (const auto it = tensor_of_id.find(operand.id); it != tensor_of_id.end()) {
            op_inputs.push_back(it->second);
            continue;
        }
        const int32_t t = builder.add_tensor("in" + std::to_string(operand.id), operand.type, operand.shape,
                                             operand.variable ? Bytes{} : operand.value);
        if (operand.variable) variables.push_back(t);
        else if (operand.value.empty()) model_inputs.push_back(t);
        tensor_of_id[operand.id] = t;
        op_inputs.push_back(t);
    }
    std::vector<int32_t> outputs;
    for (size_t i = 0; i < output_types.size(); ++i)
        outputs.push_back(builder.add_tensor("out" + std::to_string(i), output_types[i], {}));
    builder.add_operator(code, op_inputs, outputs, options, version);
    builder.set_inputs(model_inputs);
    builder.set_outputs(outputs);
    Model model = std::move(builder).finish();
    for (int32_t t : variables) model.subgraphs[0].tensors[static_cast<size_t>(t)].is_variable = true;

    auto compiled = Interpreter::compile(model);
    if (!compiled) return without_position(compiled.error());
    const CompiledSubgraph& entry = (*compiled)->entry();
    ProbeResult result;
    for (int32_t t : outputs) {
        const TensorInfo& info = entry.tensors[static_cast<size_t>(t)];
        result.shapes.push_back(info.shape);
        if (info.is_constant()) result.values.push_back(Bytes::copy_of(info.constant));
        else result.values.push_back(std::nullopt);
    }
    return result;
}

}  // namespace litelab
