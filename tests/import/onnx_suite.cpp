#include "import/onnx_suite.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "import/onnx/onnx_import.h"
#include "import/onnx/onnx_load.h"
#include "import/onnx/onnx_tensor_decode.h"

namespace litelab::test {

namespace fs = std::filesystem;
using onnx::OnnxGraph;
using onnx::OnnxTensor;

namespace {

// The operators issue #4 lists (plus Shape, whose results fold into constants).
const std::set<std::string>& listed_operators() {
    static const std::set<std::string> ops = {"Conv",
                                              "ConvTranspose",
                                              "Gemm",
                                              "MatMul",
                                              "Add",
                                              "Sub",
                                              "Mul",
                                              "Div",
                                              "Neg",
                                              "Abs",
                                              "Exp",
                                              "Pow",
                                              "Sqrt",
                                              "Max",
                                              "Min",
                                              "Sum",
                                              "Relu",
                                              "LeakyRelu",
                                              "PRelu",
                                              "Elu",
                                              "Selu",
                                              "Softplus",
                                              "Clip",
                                              "Sigmoid",
                                              "Tanh",
                                              "HardSigmoid",
                                              "HardSwish",
                                              "Erf",
                                              "Gelu",
                                              "Softmax",
                                              "LogSoftmax",
                                              "BatchNormalization",
                                              "InstanceNormalization",
                                              "MaxPool",
                                              "AveragePool",
                                              "GlobalAveragePool",
                                              "Flatten",
                                              "Reshape",
                                              "Transpose",
                                              "Squeeze",
                                              "Unsqueeze",
                                              "Concat",
                                              "Split",
                                              "Slice",
                                              "Gather",
                                              "Tile",
                                              "Pad",
                                              "Resize",
                                              "Upsample",
                                              "ReduceMean",
                                              "ReduceSum",
                                              "Constant",
                                              "Identity",
                                              "Dropout",
                                              "Shape",
                                              "LSTM",
                                              "GRU"};
    return ops;
}

// Inputs that a model stores as initializers but ONNX's node tests feed as graph inputs: op ->
// input positions. Binding them to constants gives the graph an exporter would write.
const std::map<std::string, std::vector<size_t>>& parameter_inputs() {
    static const std::map<std::string, std::vector<size_t>> inputs = {{"Conv", {1, 2}},
                                                                      {"ConvTranspose", {1, 2}},
                                                                      {"BatchNormalization", {1, 2, 3, 4}},
                                                                      {"InstanceNormalization", {1, 2}},
                                                                      {"LSTM", {1, 2, 3, 4, 5, 6, 7}},
                                                                      {"GRU", {1, 2, 3, 4, 5}},
                                                                      {"Resize", {1, 2, 3}},
                                                                      {"Upsample", {1}},
                                                                      {"Reshape", {1}},
                                                                      {"Tile", {1}},
                                                                      {"Slice", {1, 2, 3, 4}},
                                                                      {"Split", {1}},
                                                                      {"Squeeze", {1}},
                                                                      {"Unsqueeze", {1}},
                                                                      {"Pad", {1, 2}},
                                                                      {"Clip", {1, 2}},
                                                                      {"ReduceSum", {1}},
                                                                      {"ReduceMean", {1}},
                                                                      {"Dropout", {1, 2}}};
    return inputs;
}

bool is_float32(const onnx::OnnxValueInfo& v) {
    return v.type && *v.type == DType::kFloat32;
}

std::vector<std::string> data_files(const std::string& dir, const std::string& prefix) {
    std::vector<std::string> files;
    for (size_t k = 0;; ++k) {
        const std::string f = dir + "/" + prefix + "_" + std::to_string(k) + ".pb";
        if (!fs::exists(f)) break;
        files.push_back(f);
    }
    return files;
}

NdArray to_array(const OnnxTensor& t) {
    switch (t.type) {
        case DType::kFloat32:
        case DType::kFloat64:
        case DType::kFloat16:
            return NdArray::from<float>(t.dims, t.floats);
        case DType::kInt32: {
            std::vector<int32_t> v(t.ints.begin(), t.ints.end());
            return NdArray::from<int32_t>(t.dims, v);
        }
        case DType::kBool: {
            std::vector<uint8_t> v(t.ints.begin(), t.ints.end());
            NdArray a = NdArray::from<uint8_t>(t.dims, v);
            a.dtype = DType::kBool;
            return a;
        }
        case DType::kUInt32: {
            std::vector<uint32_t> v(t.ints.begin(), t.ints.end());
            return NdArray::from<uint32_t>(t.dims, v);
        }
        case DType::kUInt64: {
            std::vector<uint64_t> v(t.ints.begin(), t.ints.end());
            return NdArray::from<uint64_t>(t.dims, v);
        }
        default:
            return NdArray::from<int64_t>(t.dims, t.ints);
    }
}

}  // namespace

std::optional<std::string> onnx_suite_dir() {
    const std::string dir = "/usr/share/libonnx-testdata/data";
    if (!fs::is_directory(dir)) return std::nullopt;
    return dir;
}

std::vector<SuiteCase> suite_cases(const std::string& folder) {
    std::vector<SuiteCase> cases;
    const auto root = onnx_suite_dir();
    if (!root) return cases;
    for (const auto& entry : fs::directory_iterator(*root + "/" + folder)) {
        const std::string model = entry.path().string() + "/model.onnx";
        if (!fs::exists(model)) continue;
        auto graph = onnx::load_onnx_graph(model);
        bool in_scope = graph.ok();
        if (in_scope) {
            for (const auto& out : graph->outputs) in_scope = in_scope && is_float32(out);
            if (folder == "node") {
                for (const auto& node : graph->nodes) in_scope = in_scope && listed_operators().count(node.op_type);
            }
        }
        // Models the loader refuses stay in scope (and fail) unless they are node tests of other operators.
        if (!graph.ok() && folder != "node") in_scope = true;
        if (in_scope) cases.push_back({folder, entry.path().filename().string(), entry.path().string()});
    }
    std::sort(cases.begin(), cases.end(), [](const SuiteCase& a, const SuiteCase& b) { return a.name < b.name; });
    return cases;
}

const std::vector<std::pair<std::string, std::string>>& onnx_skip_list() {
    static const std::vector<std::pair<std::string, std::string>> list = [] {
        std::vector<std::pair<std::string, std::string>> entries;
        std::ifstream in(std::string(LITELAB_ONNX_SKIP_LIST));
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const auto space = line.find_first_of(" \t");
            if (space == std::string::npos) continue;
            const auto reason = line.find_first_not_of(" \t", space);
            entries.emplace_back(line.substr(0, space), reason == std::string::npos ? "" : line.substr(reason));
        }
        return entries;
    }();
    return list;
}

std::optional<std::string> skip_reason(const SuiteCase& c) {
    const std::string key = c.folder + "/" + c.name;
    for (const auto& [name, reason] : onnx_skip_list()) {
        if (name == key) return reason;
    }
    return std::nullopt;
}

Result<ConvertedCase> convert_suite_case(const SuiteCase& c, const ImportOptions& options) {
    const std::string model_path = c.dir + "/model.onnx";
    auto loaded = onnx::load_onnx_graph(model_path);
    if (!loaded) return loaded.error().in_file(model_path);
    OnnxGraph graph = std::move(*loaded);

    std::vector<std::string> sets;
    for (const auto& entry : fs::directory_iterator(c.dir)) {
        if (entry.is_directory() && entry.path().filename().string().rfind("test_data_set_", 0) == 0) {
            sets.push_back(entry.path().string());
        }
    }
    std::sort(sets.begin(), sets.end());
    if (sets.empty()) return make_error(ErrorCode::kIo, c.dir + ": no test_data_set_*");

    std::vector<std::vector<OnnxTensor>> raw_inputs;
    ConvertedCase result;
    for (const auto& set : sets) {
        std::vector<OnnxTensor> inputs;
        for (const auto& f : data_files(set, "input")) {
            auto t = onnx::read_tensor_file(f);
            if (!t) return t.error();
            inputs.push_back(std::move(*t));
        }
        if (inputs.size() != graph.inputs.size()) {
            return make_error(ErrorCode::kInvalid, set + ": " + std::to_string(inputs.size()) + " inputs for " +
                                                       std::to_string(graph.inputs.size()) + " graph inputs");
        }
        DataSet data;
        for (const auto& f : data_files(set, "output")) {
            auto t = onnx::read_tensor_file(f);
            if (!t) return t.error();
            data.expected.push_back(std::move(*t));
        }
        raw_inputs.push_back(std::move(inputs));
        result.data_sets.push_back(std::move(data));
    }

    // Bind parameter inputs to the first data set's values.
    std::set<std::string> bound;
    for (const auto& node : graph.nodes) {
        const auto it = parameter_inputs().find(node.op_type);
        if (it == parameter_inputs().end()) continue;
        for (size_t k : it->second) {
            if (node.has_input(k)) bound.insert(node.inputs[k]);
        }
    }
    std::vector<size_t> fed;
    std::vector<onnx::OnnxValueInfo> kept;
    for (size_t i = 0; i < graph.inputs.size(); ++i) {
        if (bound.count(graph.inputs[i].name)) {
            graph.initializers[graph.inputs[i].name] = raw_inputs[0][i];
        } else {
            fed.push_back(i);
            kept.push_back(graph.inputs[i]);
        }
    }
    graph.inputs = kept;
    for (size_t s = 0; s < raw_inputs.size(); ++s) {
        for (size_t i : fed) result.data_sets[s].inputs.push_back(to_array(raw_inputs[s][i]));
    }
    auto imported = onnx::import_onnx_graph(std::move(graph), options, model_path);
    if (!imported) return imported.error();
    result.imported = std::move(*imported);
    return result;
}

std::optional<std::string> compare_outputs(const NdArray& actual, const OnnxTensor& expected, double atol,
                                           double rtol) {
    if (actual.shape != expected.dims) {
        return "shape " + format_npy_shape(actual.shape) + ", expected " + format_npy_shape(expected.dims);
    }
    const auto n = static_cast<size_t>(expected.size());
    double worst = 0;
    size_t worst_at = 0, bad = 0;
    for (size_t k = 0; k < n; ++k) {
        double a;
        switch (actual.dtype) {
            case DType::kFloat32:
                a = actual.values<float>()[k];
                break;
            case DType::kInt64:
                a = static_cast<double>(actual.values<int64_t>()[k]);
                break;
            case DType::kInt32:
                a = actual.values<int32_t>()[k];
                break;
            default:
                return "output of type " + std::string(dtype_name(actual.dtype));
        }
        const double e = expected.as_double(k);
        if (std::isnan(e) && std::isnan(a)) continue;
        const double excess = std::fabs(a - e) - (atol + rtol * std::fabs(e));
        if (excess > 0 || std::isnan(a) != std::isnan(e)) {
            ++bad;
            if (excess > worst || std::isnan(excess)) {
                worst = excess;
                worst_at = k;
            }
        }
    }
    if (bad == 0) return std::nullopt;
    std::ostringstream s;
    const double a = actual.dtype == DType::kFloat32 ? actual.values<float>()[worst_at] : 0.0;
    s << bad << " of " << n << " values differ; at " << worst_at << ": " << a << " vs " << expected.as_double(worst_at);
    return s.str();
}

}  // namespace litelab::test
