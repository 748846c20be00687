#include "tflite/model_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "model/graph.h"
#include "tflite/custom_options.h"
#include "tflite/options_fields.h"

namespace litelab {
namespace {

using Json = nlohmann::ordered_json;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Json quantization_json(const Quantization& q) {
    Json j;
    j["scale"] = q.scale;
    j["zero_point"] = q.zero_point;
    j["quantized_dimension"] = q.quantized_dimension;
    if (!q.min.empty()) j["min"] = q.min;
    if (!q.max.empty()) j["max"] = q.max;
    if (q.details.type != tflite::QuantizationDetails_NONE)
        j["details"] = q.details.value != nullptr
                           ? std::string(tflite::EnumNameQuantizationDetails(q.details.type))
                           : "unknown type " + std::to_string(static_cast<int>(q.details.type));
    return j;
}

Json tensor_json(const Model& model, const Tensor& t, size_t index) {
    Json j;
    j["index"] = index;
    j["name"] = t.name;
    j["dtype"] = lower(dtype_name(t.type));
    j["shape"] = t.shape;
    j["shape_signature"] = t.shape_signature ? Json(*t.shape_signature) : Json(nullptr);
    j["buffer"] = t.buffer;
    j["data_bytes"] = model.tensor_data(t).size();
    j["is_variable"] = t.is_variable;
    j["quantization"] = t.quantization && !t.quantization->empty() ? quantization_json(*t.quantization) : Json(nullptr);
    if (t.sparsity) j["sparse"] = true;
    if (t.external_buffer != 0) j["external_buffer"] = t.external_buffer;
    return j;
}

Json operator_json(const Model& model, const Operator& op, size_t index) {
    const OperatorCode& code = model.opcode(op);
    Json j;
    j["index"] = index;
    j["op"] = code.name();
    j["builtin_code"] = static_cast<int>(code.builtin_code);
    j["version"] = code.version;
    j["inputs"] = op.inputs;
    j["outputs"] = op.outputs;
    if (!op.intermediates.empty()) j["intermediates"] = op.intermediates;
    const std::string options_name = builtin_options_name(op);
    if (!options_name.empty()) {
        Json options = Json::object();
        for (const auto& field : builtin_option_fields(op)) {
            // The field text is JSON by construction; keep it as a string if that ever fails.
            Json value = Json::parse(field.json, nullptr, /*allow_exceptions=*/false);
            options[field.name] = value.is_discarded() ? Json(field.json) : value;
        }
        j["options_type"] = options_name;
        j["options"] = options;
    }
    if (code.builtin_code == tflite::BuiltinOperator_CUSTOM || !op.custom_options.empty()) {
        j["custom_options_bytes"] = op.custom_options.size();
        if (const auto text = decode_flexbuffer_options(op.custom_options)) {
            Json value = Json::parse(*text, nullptr, false);
            j["custom_options"] = value.is_discarded() ? Json(*text) : value;
        }
    }
    return j;
}

// The signature name a subgraph-0 tensor is known by, if any.
std::string signature_name(const Model& model, int32_t tensor, bool input) {
    for (const auto& sig : model.signature_defs) {
        if (sig.subgraph_index != 0) continue;
        for (const auto& m : input ? sig.inputs : sig.outputs)
            if (static_cast<int32_t>(m.tensor_index) == tensor) return m.name;
    }
    return {};
}

Json io_json(const Model& model, const std::vector<int32_t>& list, bool input) {
    Json out = Json::array();
    if (model.subgraphs.empty()) return out;
    for (int32_t t : list) {
        Json j = tensor_json(model, model.subgraphs[0].tensors[static_cast<size_t>(t)], static_cast<size_t>(t));
        const std::string sig = signature_name(model, t, input);
        if (!sig.empty()) j["sig_name"] = sig;
        out.push_back(std::move(j));
    }
    return out;
}

Json summary_json(const Model& model) {
    const SizeStats stats = size_stats(model);
    Json j;
    Json counts = Json::object();
    for (const auto& [name, count] : op_histogram(model)) counts[name] = count;
    j["op_counts"] = counts;
    j["operator_count"] = [&] {
        size_t n = 0;
        for (const auto& s : model.subgraphs) n += s.operators.size();
        return n;
    }();
    j["parameter_count"] = stats.parameter_count;
    j["constant_bytes"] = stats.constant_bytes;
    Json by_type = Json::object();
    for (const auto& [type, bytes] : stats.bytes_by_dtype) by_type[lower(dtype_name(type))] = bytes;
    j["bytes_by_dtype"] = by_type;
    return j;
}

}  // namespace

std::string model_json(const Model& model, const ReportContext& context) {
    Json root;
    root["file"] = context.file;
    root["file_size"] = context.file_size;
    root["version"] = model.version;
    root["description"] = model.description;
    root["num_subgraphs"] = model.subgraphs.size();
    root["inputs"] = io_json(model, model.subgraphs.empty() ? std::vector<int32_t>{} : model.subgraphs[0].inputs, true);
    root["outputs"] = io_json(model, model.subgraphs.empty() ? std::vector<int32_t>{} : model.subgraphs[0].outputs, false);
    Json signatures = Json::array();
    for (const auto& sig : model.signature_defs) {
        Json s;
        s["key"] = sig.signature_key;
        s["subgraph_index"] = sig.subgraph_index;
        for (const char* side : {"inputs", "outputs"}) {
            Json maps = Json::array();
            for (const auto& m : std::string(side) == "inputs" ? sig.inputs : sig.outputs)
                maps.push_back({{"name", m.name}, {"tensor_index", m.tensor_index}});
            s[side] = maps;
        }
        signatures.push_back(s);
    }
    root["signatures"] = signatures;
    Json subgraphs = Json::array();
    for (size_t i = 0; i < model.subgraphs.size(); ++i) {
        const Subgraph& s = model.subgraphs[i];
        Json sj;
        sj["index"] = i;
        sj["name"] = s.name;
        sj["inputs"] = s.inputs;
        sj["outputs"] = s.outputs;
        Json ops = Json::array();
        for (size_t k = 0; k < s.operators.size(); ++k) ops.push_back(operator_json(model, s.operators[k], k));
        sj["operators"] = ops;
        Json tensors = Json::array();
        for (size_t k = 0; k < s.tensors.size(); ++k) tensors.push_back(tensor_json(model, s.tensors[k], k));
        sj["tensors"] = tensors;
        subgraphs.push_back(sj);
    }
    root["subgraphs"] = subgraphs;
    Json metadata = Json::array();
    for (const auto& m : model.metadata)
        metadata.push_back({{"name", m.name}, {"buffer", m.buffer}, {"bytes", model.buffers[m.buffer].data.size()}});
    root["metadata"] = metadata;
    root["buffers"] = model.buffers.size();
    root["summary"] = summary_json(model);
    root["warnings"] = context.warnings;
    // Names in files need not be valid UTF-8; JSON output must be.
    return root.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

std::string io_line(const Model& model, int32_t index, bool input) {
    const Tensor& t = model.subgraphs[0].tensors[static_cast<size_t>(index)];
    std::ostringstream line;
    line << "  T#" << index << " " << t.name;
    const std::string sig = signature_name(model, index, input);
    if (!sig.empty() && sig != t.name) line << " ('" << sig << "')";
    line << " " << lower(dtype_name(t.type)) << " " << format_dims(t.signature_or_shape());
    if (t.quantization && !t.quantization->scale.empty()) {
        const auto& q = *t.quantization;
        if (q.per_axis()) {
            line << " per-axis quantized along dimension " << q.quantized_dimension << " (" << q.scale.size()
                 << " scales)";
        } else {
            char scale[32];
            std::snprintf(scale, sizeof scale, "%g", static_cast<double>(q.scale[0]));
            line << " scale " << scale << " zero_point " << (q.zero_point.empty() ? 0 : q.zero_point[0]);
        }
    }
    return line.str() + "\n";
}

}  // namespace

std::string model_summary(const Model& model, const ReportContext& context) {
    std::ostringstream out;
    const SizeStats stats = size_stats(model);
    size_t op_count = 0;
    for (const auto& s : model.subgraphs) op_count += s.operators.size();
    out << context.file << ": " << context.file_size << " bytes, schema version " << model.version << ", "
        << model.subgraphs.size() << " subgraph(s), " << op_count << " operator(s)\n";
    if (!model.description.empty()) out << "Description: " << model.description << "\n";
    out << "\nOperators:\n";
    auto histogram = op_histogram(model);
    std::vector<std::pair<std::string, size_t>> ops(histogram.begin(), histogram.end());
    std::stable_sort(ops.begin(), ops.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [name, count] : ops) {
        char line[160];
        std::snprintf(line, sizeof line, "  %-32s %6zu\n", name.c_str(), count);
        out << line;
    }
    out << "\nParameters: " << stats.parameter_count << " (" << stats.constant_bytes << " bytes of constant data)\n";
    for (const auto& [type, bytes] : stats.bytes_by_dtype) {
        char line[96];
        std::snprintf(line, sizeof line, "  %-10s %12llu bytes\n", lower(dtype_name(type)).c_str(),
                      static_cast<unsigned long long>(bytes));
        out << line;
    }
    if (!model.subgraphs.empty()) {
        out << "\nInputs:\n";
        for (int32_t t : model.subgraphs[0].inputs) out << io_line(model, t, true);
        out << "Outputs:\n";
        for (int32_t t : model.subgraphs[0].outputs) out << io_line(model, t, false);
    }
    if (!model.signature_defs.empty()) {
        out << "\nSignatures:\n";
        for (const auto& sig : model.signature_defs) {
            out << "  " << sig.signature_key << " (Subgraph#" << sig.subgraph_index << "): ";
            for (size_t i = 0; i < sig.inputs.size(); ++i) out << (i ? ", " : "") << sig.inputs[i].name;
            out << " -> ";
            for (size_t i = 0; i < sig.outputs.size(); ++i) out << (i ? ", " : "") << sig.outputs[i].name;
            out << "\n";
        }
    }
    bool custom_header = false;
    for (size_t si = 0; si < model.subgraphs.size(); ++si) {
        for (size_t oi = 0; oi < model.subgraphs[si].operators.size(); ++oi) {
            const Operator& op = model.subgraphs[si].operators[oi];
            if (model.opcode(op).builtin_code != tflite::BuiltinOperator_CUSTOM) continue;
            if (!custom_header) out << "\nCustom operators:\n";
            custom_header = true;
            out << "  Subgraph#" << si << " Op#" << oi << " " << model.opcode(op).name() << ": ";
            if (op.custom_options.empty())
                out << "no options\n";
            else if (const auto text = decode_flexbuffer_options(op.custom_options))
                out << *text << "\n";
            else
                out << op.custom_options.size() << " bytes of options (not a FlexBuffer)\n";
        }
    }
    if (!model.metadata.empty()) {
        out << "\nMetadata:\n";
        for (const auto& m : model.metadata)
            out << "  " << m.name << ": " << model.buffers[m.buffer].data.size() << " bytes (buffer " << m.buffer
                << ")\n";
    }
    return out.str();
}

}  // namespace litelab
