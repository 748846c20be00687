#include "tflite/analyzer_dump.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "model/graph.h"

namespace litelab {
namespace {

constexpr int kMaxPreviewElements = 5;
constexpr const char* kSectionSplitter = "---------------------------------------------------------------\n";

// "T#3" in subgraph 0 (and for the omitted-input marker -1), "T#1_3" elsewhere.
std::string tensor_ref(int32_t tensor, size_t subgraph) {
    if (subgraph == 0 || tensor == -1) return "T#" + std::to_string(tensor);
    return "T#" + std::to_string(subgraph) + "_" + std::to_string(tensor);
}

std::string format_float(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", static_cast<double>(value));
    return text;
}

template <class T>
T load(const uint8_t* p) {
    T value;
    std::memcpy(&value, p, sizeof value);
    return value;
}

// The Analyzer's preview of constant data: at most five elements; 4-byte types as numbers,
// bytes of INT8/UINT8/STRING as raw characters, and "??" per byte for every other type.
std::string data_preview(DType type, std::span<const uint8_t> data) {
    std::string text = "[";
    const bool wide = type == DType::kInt32 || type == DType::kUInt32 || type == DType::kFloat32;
    const size_t count = data.size() / (wide ? 4 : 1);
    for (size_t i = 0; i < std::min<size_t>(kMaxPreviewElements, count); ++i) {
        switch (type) {
            case DType::kInt32: text += std::to_string(load<int32_t>(data.data() + 4 * i)); break;
            case DType::kUInt32: text += std::to_string(load<uint32_t>(data.data() + 4 * i)); break;
            case DType::kFloat32: text += format_float(load<float>(data.data() + 4 * i)); break;
            case DType::kInt8:
            case DType::kUInt8:
            case DType::kString: text += static_cast<char>(data[i]); break;
            default: text += "??"; break;
        }
        if (i + 1 != count) text += ", ";
    }
    if (count > kMaxPreviewElements) text += "...";
    return text + "]";
}

template <class T, class Format>
std::string preview_list(const std::vector<T>& values, Format format) {
    std::string text = "[";
    for (size_t i = 0; i < std::min<size_t>(values.size(), kMaxPreviewElements); ++i)
        text += (i ? ", " : "") + format(values[i]);
    if (values.size() > kMaxPreviewElements) text += ", ... (" + std::to_string(values.size()) + " values)";
    return text + "]";
}

std::string quantization_text(const Quantization& q) {
    std::string text = ", quantization:{";
    if (q.per_axis()) text += "axis:" + std::to_string(q.quantized_dimension) + ", ";
    text += "scale:" + preview_list(q.scale, format_float);
    text += ", zero_point:" + preview_list(q.zero_point, [](int64_t v) { return std::to_string(v); });
    if (!q.min.empty()) text += ", min:" + preview_list(q.min, format_float);
    if (!q.max.empty()) text += ", max:" + preview_list(q.max, format_float);
    return text + "}";
}

class Dumper {
public:
    Dumper(const Model& model, const AnalyzerDumpOptions& options) : model_(model), options_(options) {}

    std::string run() {
        summary_paragraph();
        usage_.assign(model_.subgraphs.size(), 0);
        for (size_t i = 0; i < model_.subgraphs.size(); ++i) subgraph(i);
        signatures();
        statistics();
        return "=== " + options_.model_name + " ===\n\n" + printable(out_.str()) + "\n";
    }

private:
    void summary_paragraph() {
        out_ << "Your TFLite model has '" << model_.subgraphs.size()
             << "' subgraph(s). In the subgraph description below,\nT# represents the Tensor numbers. ";
        if (model_.subgraphs.empty() || model_.subgraphs[0].operators.empty()) return;
        const Operator& first = model_.subgraphs[0].operators[0];
        auto verbose = [&](const std::vector<int32_t>& list) {
            for (size_t i = 0; i < list.size(); ++i) out_ << (i ? " and " : "") << "tensor #" << list[i];
        };
        out_ << "For example, in Subgraph#0, the " << model_.opcode(first).name() << " op takes\n";
        verbose(first.inputs);
        out_ << " as input and produces ";
        verbose(first.outputs);
        out_ << " as output.\n\n";
    }

    void tensor_list(const std::vector<int32_t>& list, size_t subgraph, bool int32_data) {
        const auto& tensors = model_.subgraphs[subgraph].tensors;
        for (size_t i = 0; i < list.size(); ++i) {
            out_ << (i ? ", " : "") << tensor_ref(list[i], subgraph);
            if (!int32_data || list[i] < 0) continue;
            const Tensor& t = tensors[static_cast<size_t>(list[i])];
            if (t.type == DType::kInt32 && t.buffer != 0 && !model_.tensor_data(t).empty())
                out_ << data_preview(t.type, model_.tensor_data(t));
        }
    }

    void subgraph(size_t index) {
        const Subgraph& s = model_.subgraphs[index];
        out_ << "Subgraph#" << index;
        if (!s.name.empty()) out_ << " " << s.name;
        out_ << "(";
        tensor_list(s.inputs, index, false);
        out_ << ") -> [";
        tensor_list(s.outputs, index, false);
        out_ << "]\n";
        for (size_t j = 0; j < s.operators.size(); ++j) op_line(index, j);
        out_ << "\nTensors of Subgraph#" << index << "\n";
        for (size_t j = 0; j < s.tensors.size(); ++j) tensor_line(index, j);
        out_ << "\n";
    }

    void op_line(size_t subgraph, size_t index) {
        const Operator& op = model_.subgraphs[subgraph].operators[index];
        out_ << "  Op#" << index << " " << model_.opcode(op).name() << "(";
        tensor_list(op.inputs, subgraph, true);
        if (const auto* c = op.builtin_options.AsCallOnceOptions())
            out_ << "Subgraph#" << c->init_subgraph_index;
        else if (const auto* f = op.builtin_options.AsIfOptions())
            out_ << ", Then: Subgraph#" << f->then_subgraph_index << ", Else: Subgraph#" << f->else_subgraph_index;
        else if (const auto* w = op.builtin_options.AsWhileOptions())
            out_ << ", Cond: Subgraph#" << w->cond_subgraph_index << ", Body: Subgraph#" << w->body_subgraph_index;
        out_ << ") -> [";
        tensor_list(op.outputs, subgraph, false);
        out_ << "]\n";
    }

    void tensor_line(size_t subgraph, size_t index) {
        const Tensor& t = model_.subgraphs[subgraph].tensors[index];
        out_ << "  " << tensor_ref(static_cast<int32_t>(index), subgraph) << "(" << t.name << ") ";
        if (t.shape_signature)
            out_ << "shape_signature:" << format_dims(*t.shape_signature);
        else
            out_ << "shape:" << format_dims(t.shape);
        out_ << ", type:" << dtype_name(t.type);
        const auto data = model_.tensor_data(t);
        if (t.buffer != 0 && !data.empty()) {
            out_ << " RO " << data.size() << " bytes, buffer: " << t.buffer << ", data:" << data_preview(t.type, data);
            usage_[subgraph] += data.size();
        }
        if (options_.show_quantization && t.quantization && !t.quantization->scale.empty())
            out_ << quantization_text(*t.quantization);
        out_ << "\n";
    }

    void signatures() {
        if (model_.signature_defs.empty()) return;
        out_ << kSectionSplitter;
        out_ << "Your TFLite model has '" << model_.signature_defs.size() << "' signature_def(s).\n\n";
        for (size_t i = 0; i < model_.signature_defs.size(); ++i) {
            const SignatureDef& sig = model_.signature_defs[i];
            out_ << "Signature#" << i << " key: '" << sig.signature_key << "'\n";
            out_ << "- Subgraph: Subgraph#" << sig.subgraph_index << "\n";
            out_ << "- Inputs: \n";
            for (const auto& m : sig.inputs)
                out_ << "    '" << m.name << "' : "
                     << tensor_ref(static_cast<int32_t>(m.tensor_index), sig.subgraph_index) << "\n";
            out_ << "- Outputs: \n";
            for (const auto& m : sig.outputs)
                out_ << "    '" << m.name << "' : "
                     << tensor_ref(static_cast<int32_t>(m.tensor_index), sig.subgraph_index) << "\n";
            out_ << "\n";
        }
    }

    static std::string size_line(const char* label, uint64_t bytes, uint64_t total, bool percent) {
        char line[128];
        if (!percent) {
            std::snprintf(line, sizeof line, "%24s: %10llu bytes\n", label, static_cast<unsigned long long>(bytes));
        } else {
            // The Analyzer computes the ratio in single precision; so do we, to print the same digits.
            const float ratio = total == 0 ? 0.0f : static_cast<float>(bytes) / static_cast<float>(total) * 100.0f;
            std::snprintf(line, sizeof line, "%24s: %10llu bytes (%05.2f %%)\n", label,
                          static_cast<unsigned long long>(bytes), static_cast<double>(ratio));
        }
        return line;
    }

    void statistics() {
        uint64_t data_bytes = 0;
        uint64_t zero_bytes = 0;
        for (const auto& buffer : model_.buffers) {
            const auto data = buffer.data.span();
            data_bytes += data.size();
            if (std::all_of(data.begin(), data.end(), [](uint8_t b) { return b == 0; })) zero_bytes += data.size();
        }
        const uint64_t size = options_.file_size;
        const uint64_t non_data = size >= data_bytes ? size - data_bytes : 0;
        out_ << kSectionSplitter;
        out_ << size_line("Model size", size, size, false);
        out_ << size_line("Non-data buffer size", non_data, size, true);
        out_ << size_line("Total data buffer size", data_bytes, size, true);
        if (model_.subgraphs.size() > 1) {
            for (size_t i = 0; i < usage_.size(); ++i) {
                char line[128];
                const std::string label = "Subgraph#" + std::to_string(i);
                const float ratio =
                    size == 0 ? 0.0f : static_cast<float>(usage_[i]) / static_cast<float>(size) * 100.0f;
                std::snprintf(line, sizeof line, "          - %-12s: %10llu bytes (%05.2f %%)\n", label.c_str(),
                              static_cast<unsigned long long>(usage_[i]), static_cast<double>(ratio));
                out_ << line;
            }
        }
        out_ << size_line("(Zero value buffers)", zero_bytes, size, true);
        const float zero_ratio = size == 0 ? 0.0f : static_cast<float>(zero_bytes) / static_cast<float>(size) * 100.0f;
        out_ << "\n"
             << "* Buffers of TFLite model are mostly used for constant tensors.\n"
             << "  And zero value buffers are buffers filled with zeros.\n";
        if (zero_ratio > 10.0f)
            out_ << "  (Consider use `converter._experimental_unfold_large_splat_constant` to save the model size.)\n";
        out_ << "  Non-data buffers area are used to store operators, subgraphs and etc.\n"
             << "  You can find more details from "
                "https://github.com/tensorflow/tensorflow/blob/master/tensorflow/lite/schema/schema.fbs\n";
    }

    // The Analyzer shows every byte that is not a newline or printable ASCII as '.'.
    static std::string printable(std::string text) {
        for (char& c : text)
            if (c != '\n' && (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)) c = '.';
        return text;
    }

    const Model& model_;
    const AnalyzerDumpOptions& options_;
    std::ostringstream out_;
    std::vector<uint64_t> usage_;
};

}  // namespace

std::string analyzer_dump(const Model& model, const AnalyzerDumpOptions& options) {
    return Dumper(model, options).run();
}

}  // namespace litelab
