#include "run/run_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/graph.h"
#include "runtime/interpreter.h"
#include "runtime/quant/fixed_point.h"

namespace litelab {

namespace {

struct EntryInput {
    std::string name;
    const Tensor* tensor = nullptr;
};

Result<std::vector<EntryInput>> entry_inputs(const Model& model, const RunOptions& options) {
    std::vector<EntryInput> inputs;
    if (model.subgraphs.empty()) return make_error(ErrorCode::kInvalid, "the model has no subgraphs");
    if (options.signature) {
        for (const SignatureDef& s : model.signature_defs) {
            if (s.signature_key != *options.signature || s.subgraph_index >= model.subgraphs.size()) continue;
            const Subgraph& g = model.subgraphs[s.subgraph_index];
            for (const TensorMap& m : s.inputs) {
                if (m.tensor_index >= g.tensors.size())
                    return make_error(ErrorCode::kInvalid, "signature input '" + m.name + "' names a missing tensor");
                inputs.push_back({m.name, &g.tensors[m.tensor_index]});
            }
            return inputs;
        }
        return make_error(ErrorCode::kUsage, "no signature '" + *options.signature + "'");
    }
    const Subgraph& g = model.subgraphs[0];
    for (int32_t t : g.inputs) inputs.push_back({g.tensors[static_cast<size_t>(t)].name, &g.tensors[static_cast<size_t>(t)]});
    return inputs;
}

std::string describe(size_t i, const std::string& name) { return "input " + std::to_string(i) + " ('" + name + "')"; }

std::string shape_text(const std::vector<int64_t>& shape) { return format_npy_shape(shape); }

// 0.0244801, not std::to_string's 0.024480.
std::string format_number(float value) {
    std::ostringstream s;
    s << value;
    return s.str();
}

bool supported_array_type(DType type) { return npy_item_size(type) > 0; }

// Converts `data` to the input's type: exact types pass, float64 -> float32 is cast (noted),
// float -> int8/uint8/int16 is quantized when allowed; anything else is an error.
Result<NdArray> convert_input(NdArray data, const Tensor& tensor, const std::string& label, const RunOptions& options,
                              std::vector<std::string>& notes) {
    if (data.dtype == tensor.type) return data;
    const auto numpy_name = [](DType t) {
        const std::string n = numpy_dtype_name(t);
        return n.empty() ? std::string(dtype_name(t)) : n;
    };
    const std::string types = "the model takes " + numpy_name(tensor.type) + ", the data is " + numpy_name(data.dtype);
    const bool float_data = data.dtype == DType::kFloat32 || data.dtype == DType::kFloat64;
    std::vector<double> values;
    if (float_data) {
        values.resize(static_cast<size_t>(data.element_count()));
        if (data.dtype == DType::kFloat32) std::copy(data.values<float>().begin(), data.values<float>().end(), values.begin());
        else std::copy(data.values<double>().begin(), data.values<double>().end(), values.begin());
    }
    if (tensor.type == DType::kFloat32 && data.dtype == DType::kFloat64) {
        std::vector<float> f(values.begin(), values.end());
        notes.push_back(label + ": float64 data cast to float32");
        return NdArray::from<float>(data.shape, f);
    }
    const bool integer_input = tensor.type == DType::kInt8 || tensor.type == DType::kUInt8 || tensor.type == DType::kInt16;
    if (integer_input && float_data) {
        const Quantization* q = tensor.quantization ? &*tensor.quantization : nullptr;
        if (!q || q->scale.size() != 1)
            return make_error(ErrorCode::kUsage, label + ": " + types + ", and the input has no per-tensor quantization to quantize it with");
        const float scale = q->scale[0];
        const auto zero_point = static_cast<int32_t>(q->zero_point.empty() ? 0 : q->zero_point[0]);
        if (!options.quantize_inputs)
            return make_error(ErrorCode::kUsage, label + ": " + types + "; pass --quantize-inputs to quantize it (scale " +
                                                     format_number(scale) + ", zero point " + std::to_string(zero_point) + ")");
        const ActivationRange range = integer_type_range(tensor.type);
        NdArray out;
        out.dtype = tensor.type;
        out.shape = data.shape;
        out.data.resize(values.size() * static_cast<size_t>(npy_item_size(tensor.type)));
        for (size_t i = 0; i < values.size(); ++i) {
            const int32_t v = quantize_value(static_cast<float>(values[i]), scale, zero_point, range);
            if (tensor.type == DType::kInt8) out.values<int8_t>()[i] = static_cast<int8_t>(v);
            else if (tensor.type == DType::kUInt8) out.values<uint8_t>()[i] = static_cast<uint8_t>(v);
            else out.values<int16_t>()[i] = static_cast<int16_t>(v);
        }
        notes.push_back(label + ": " + numpy_name(data.dtype) + " data quantized to " + numpy_name(tensor.type) +
                        " with scale " + format_number(scale) + " and zero point " + std::to_string(zero_point));
        return out;
    }
    return make_error(ErrorCode::kUsage, label + ": " + types);
}

bool fits(const std::vector<int32_t>& signature, const std::vector<int64_t>& shape, size_t from) {
    if (signature.size() != shape.size()) return false;
    for (size_t d = from; d < shape.size(); ++d)
        if (signature[d] >= 0 && signature[d] != shape[d]) return false;
    return true;
}

NdArray array_of(const TensorInfo& info, std::span<const uint8_t> bytes, std::vector<int64_t> shape) {
    NdArray a;
    a.dtype = info.type;
    a.shape = std::move(shape);
    a.data.assign(bytes.begin(), bytes.end());
    return a;
}

std::vector<int64_t> shape64(const std::vector<int32_t>& s) { return {s.begin(), s.end()}; }

}  // namespace

std::string numpy_dtype_name(DType type) {
    switch (type) {
        case DType::kFloat32: return "float32";
        case DType::kFloat16: return "float16";
        case DType::kFloat64: return "float64";
        case DType::kInt8: return "int8";
        case DType::kUInt8: return "uint8";
        case DType::kInt16: return "int16";
        case DType::kUInt16: return "uint16";
        case DType::kInt32: return "int32";
        case DType::kUInt32: return "uint32";
        case DType::kInt64: return "int64";
        case DType::kUInt64: return "uint64";
        case DType::kBool: return "bool";
        default: return "";
    }
}

Result<RunResult> run_model(const Model& model, std::vector<NdArray> inputs, const RunOptions& options) {
    auto entry = entry_inputs(model, options);
    if (!entry) return entry.error();
    if (inputs.size() != entry->size())
        return make_error(ErrorCode::kUsage, "the model takes " + std::to_string(entry->size()) + " input" +
                                                 (entry->size() == 1 ? "" : "s") + ", " + std::to_string(inputs.size()) +
                                                 " given");
    RunResult result;
    // Types first, then shapes: decide between one batched run and item-by-item runs.
    bool items = false;
    std::optional<int64_t> rows;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const Tensor& tensor = *(*entry)[i].tensor;
        const std::string label = describe(i, (*entry)[i].name);
        if (!supported_array_type(tensor.type))
            return make_error(ErrorCode::kUnsupported, label + " is " + std::string(dtype_name(tensor.type)) +
                                                           ", which cannot be given as an array");
        auto converted = convert_input(std::move(inputs[i]), tensor, label, options, result.notes);
        if (!converted) return converted.error();
        inputs[i] = std::move(*converted);
        const auto& signature = tensor.signature_or_shape();
        const auto& shape = inputs[i].shape;
        const bool whole = fits(signature, shape, 0);
        const bool per_item = !whole && !signature.empty() && signature[0] == 1 && fits(signature, shape, 1);
        if (!whole && !per_item)
            return make_error(ErrorCode::kUsage, label + " has shape " + shape_text(shape) + ", the model takes " +
                                                     format_dims(signature));
        items = items || per_item;
        if (!signature.empty() && (signature[0] < 0 || per_item)) {
            if (rows && *rows != shape[0])
                return make_error(ErrorCode::kUsage, label + " has " + std::to_string(shape[0]) +
                                                         " rows, an earlier input " + std::to_string(*rows));
            rows = shape[0];
        }
    }
    if (items) {
        // Item by item: every input must have a first dimension of 1 in the model and N rows here.
        for (size_t i = 0; i < inputs.size(); ++i) {
            const auto& signature = (*entry)[i].tensor->signature_or_shape();
            if (signature.empty() || (signature[0] != 1 && signature[0] >= 0) || inputs[i].shape[0] != *rows)
                return make_error(ErrorCode::kUsage, describe(i, (*entry)[i].name) +
                                                         ": inputs must share the number of rows to run item by item");
        }
    }

    CompileOptions compile;
    compile.signature = options.signature;
    compile.threads = options.threads;
    for (size_t i = 0; i < inputs.size(); ++i) {
        std::vector<int32_t> dims(inputs[i].shape.begin(), inputs[i].shape.end());
        if (items && !dims.empty()) dims[0] = 1;
        compile.input_shapes[(*entry)[i].name] = dims;
    }
    auto interpreter = Interpreter::compile(model, compile);
    if (!interpreter) return interpreter.error();
    const Interpreter& program = **interpreter;
    Execution execution(*interpreter);

    const int64_t item_count = items ? *rows : 1;
    result.batch = rows.value_or(1);
    result.batch_split = items;
    std::vector<std::vector<uint8_t>> collected(program.outputs().size());
    for (int64_t item = 0; item < item_count; ++item) {
        if (!options.stateful) execution.reset_variables();
        for (size_t i = 0; i < inputs.size(); ++i) {
            const auto destination = execution.input(i);
            const size_t offset = items ? static_cast<size_t>(item) * destination.size() : 0;
            if (offset + destination.size() > inputs[i].data.size())
                return make_error(ErrorCode::kInvalid, describe(i, (*entry)[i].name) + ": data size does not match its shape");
            if (!destination.empty())  // a zero-element input has no buffer to copy into
                std::memcpy(destination.data(), inputs[i].data.data() + offset, destination.size());
        }
        LITELAB_TRY(execution.run());
        for (size_t o = 0; o < program.outputs().size(); ++o) {
            const auto bytes = execution.output(o);
            collected[o].insert(collected[o].end(), bytes.begin(), bytes.end());
        }
    }

    for (size_t o = 0; o < program.outputs().size(); ++o) {
        const TensorInfo& info = program.output_info(o);
        if (!supported_array_type(info.type))
            return make_error(ErrorCode::kUnsupported, "output " + std::to_string(o) + " is " +
                                                           std::string(dtype_name(info.type)) + ", which has no array form");
        std::vector<int64_t> shape = shape64(info.shape);
        if (items) {
            if (!shape.empty() && shape[0] == 1) shape[0] = item_count;
            else shape.insert(shape.begin(), item_count);
        }
        result.outputs.push_back(array_of(info, collected[o], std::move(shape)));
        const Subgraph& g = model.subgraphs[static_cast<size_t>(program.entry().model_subgraph)];
        result.output_tensors.push_back({program.outputs()[o].name, info,
                                         g.tensors[static_cast<size_t>(info.index)].signature_or_shape()});
    }
    for (size_t i = 0; i < inputs.size(); ++i)
        result.input_tensors.push_back({(*entry)[i].name, program.input_info(i), (*entry)[i].tensor->signature_or_shape()});
    result.inputs = std::move(inputs);
    return result;
}

Result<std::vector<NdArray>> random_inputs(const Model& model, uint64_t seed, int64_t batch, const RunOptions& options,
                                           float low, float high) {
    auto entry = entry_inputs(model, options);
    if (!entry) return entry.error();
    if (batch < 1) return make_error(ErrorCode::kUsage, "batch size must be at least 1");
    std::mt19937_64 engine(seed);
    std::vector<NdArray> arrays;
    for (size_t i = 0; i < entry->size(); ++i) {
        const Tensor& tensor = *(*entry)[i].tensor;
        const std::string& name = (*entry)[i].name;
        std::vector<int64_t> shape = shape64(tensor.signature_or_shape());
        auto given = options.input_shapes.find(name);
        if (given == options.input_shapes.end()) given = options.input_shapes.find(tensor.name);
        if (given != options.input_shapes.end()) shape = shape64(given->second);
        for (size_t d = 0; d < shape.size(); ++d) {
            if (shape[d] >= 0) continue;
            shape[d] = d < tensor.shape.size() && tensor.shape[d] > 0 ? tensor.shape[d] : 1;
        }
        if (!shape.empty() && batch > 1) {
            const auto& signature = tensor.signature_or_shape();
            if (signature[0] < 0 || signature[0] == 1) shape[0] = batch;
            else
                return make_error(ErrorCode::kUsage, describe(i, name) + " has a fixed batch of " +
                                                         std::to_string(signature[0]) + "; --batch cannot change it");
        }
        if (!supported_array_type(tensor.type))
            return make_error(ErrorCode::kUnsupported, describe(i, name) + " is " + std::string(dtype_name(tensor.type)));
        NdArray a;
        a.dtype = tensor.type;
        a.shape = shape;
        const auto n = static_cast<size_t>(a.element_count());
        a.data.resize(n * static_cast<size_t>(npy_item_size(a.dtype)));
        auto fill = [&](auto* out, auto draw) {
            for (size_t k = 0; k < n; ++k) out[k] = draw();
        };
        std::uniform_real_distribution<float> real(low, high);
        switch (a.dtype) {
            case DType::kFloat32: fill(a.values<float>().data(), [&] { return real(engine); }); break;
            case DType::kFloat64: fill(a.values<double>().data(), [&] { return static_cast<double>(real(engine)); }); break;
            case DType::kInt8: fill(a.values<int8_t>().data(), [&] { return static_cast<int8_t>(std::uniform_int_distribution<int>(-128, 127)(engine)); }); break;
            case DType::kUInt8: fill(a.values<uint8_t>().data(), [&] { return static_cast<uint8_t>(std::uniform_int_distribution<int>(0, 255)(engine)); }); break;
            case DType::kInt16: fill(a.values<int16_t>().data(), [&] { return static_cast<int16_t>(std::uniform_int_distribution<int>(-32768, 32767)(engine)); }); break;
            case DType::kInt32: fill(a.values<int32_t>().data(), [&] { return std::uniform_int_distribution<int32_t>(0, 100)(engine); }); break;
            case DType::kInt64: fill(a.values<int64_t>().data(), [&] { return std::uniform_int_distribution<int64_t>(0, 100)(engine); }); break;
            case DType::kBool: fill(a.data.data(), [&] { return static_cast<uint8_t>(std::uniform_int_distribution<int>(0, 1)(engine)); }); break;
            default:
                return make_error(ErrorCode::kUnsupported, describe(i, name) + ": no random values for " +
                                                               std::string(dtype_name(a.dtype)));
        }
        arrays.push_back(std::move(a));
    }
    return arrays;
}

std::string run_meta_json(const RunResult& result, const std::string& model_name, std::optional<uint64_t> seed) {
    auto tensors = [](const std::vector<RunTensor>& list) {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const RunTensor& t : list) {
            nlohmann::ordered_json j;
            j["name"] = t.name;
            j["dtype"] = numpy_dtype_name(t.info.type);
            j["shape"] = t.info.shape;
            j["shape_signature"] = t.shape_signature;
            j["scale"] = t.info.quant.scale;
            j["zero_point"] = t.info.quant.zero_point;
            j["quantized_dimension"] = t.info.quant.axis;
            array.push_back(std::move(j));
        }
        return array;
    };
    nlohmann::ordered_json meta;
    meta["tool"] = "litelab";
    meta["runtime"] = "litelab";
    meta["model"] = model_name;
    meta["inputs"] = tensors(result.input_tensors);
    meta["outputs"] = tensors(result.output_tensors);
    meta["batch"] = result.batch;
    meta["batch_split"] = result.batch_split ? 1 : 0;
    meta["seed"] = seed ? nlohmann::ordered_json(*seed) : nlohmann::ordered_json(nullptr);
    meta["notes"] = result.notes;
    return meta.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace litelab
