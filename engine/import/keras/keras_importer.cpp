#include "import/keras/keras_importer.h"

#include <fstream>
#include <set>

#include "import/keras/keras_archive.h"
#include "import/keras/keras_h5.h"
#include "import/keras/keras_lowering.h"
#include "model/graph.h"

namespace litelab {

namespace {

using json = nlohmann::json;

enum class Container { kHdf5, kZip, kOther };

Result<Container> sniff(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::kIo, path + ": cannot open the file");
    char head[8] = {};
    in.read(head, sizeof head);
    const auto got = static_cast<size_t>(in.gcount());
    if (got >= 8 && std::string(head, 8) == std::string("\x89HDF\r\n\x1a\n", 8)) return Container::kHdf5;
    if (got >= 4 && std::string(head, 4) == std::string("PK\x03\x04", 4)) return Container::kZip;
    return Container::kOther;
}

// Every layer LiteLab cannot convert, nested models included: "Lambda 'lambda_1'".
void find_unsupported(const KerasModelConfig& model, std::vector<std::string>& out) {
    for (const KerasLayer& layer : model.layers) {
        if (layer.model) {
            find_unsupported(*layer.model, out);
        } else if (layer.class_name != "InputLayer" && !find_layer_lowering(layer.class_name)) {
            out.push_back(layer.class_name + " '" + layer.name + "'");
        }
    }
}

bool has_layer(const KerasModelConfig& model, const std::string& class_name) {
    for (const KerasLayer& layer : model.layers)
        if (layer.class_name == class_name || (layer.model && has_layer(*layer.model, class_name))) return true;
    return false;
}

Result<DType> input_type(const std::string& dtype, const std::string& name) {
    if (dtype.rfind("float", 0) == 0 || dtype == "bfloat16") return DType::kFloat32;
    if (dtype.rfind("int", 0) == 0 || dtype.rfind("uint", 0) == 0) return DType::kInt32;
    return make_error(ErrorCode::kUnsupported, "input '" + name + "' has dtype '" + dtype + "'");
}

Result<ImportedModel> convert(const KerasModelConfig& model, const KerasWeights& weights,
                              const ImportOptions& options) {
    std::vector<std::string> unsupported;
    find_unsupported(model, unsupported);
    if (!unsupported.empty()) {
        std::string list;
        for (const std::string& u : unsupported) list += (list.empty() ? "" : ", ") + u;
        return make_error(ErrorCode::kUnsupported,
                          std::to_string(unsupported.size()) + " unsupported layer" +
                              (unsupported.size() == 1 ? "" : "s") + ": " + list +
                              " (Lambda and custom layers keep their computation in Python code)");
    }
    if (options.batch && *options.batch < 1)
        return make_error(ErrorCode::kUsage,
                          "the batch size must be at least 1, not " + std::to_string(*options.batch));

    TfliteEmitter emitter(options);
    // LiteRT computes garbage for a TRANSPOSE_CONV whose output shape is computed (from the
    // input's SHAPE, as a dynamic batch needs): such models get a static batch and a constant
    // output shape.
    const bool static_batch = has_layer(model, "Conv2DTranspose");
    if (static_batch)
        emitter.note("the batch size is static (" + std::to_string(emitter.batch()) +
                     "): TRANSPOSE_CONV needs a constant output shape in LiteRT");
    std::vector<int32_t> inputs;
    for (const KerasTensorRef& ref : model.inputs) {
        const KerasLayer* layer = nullptr;
        for (const KerasLayer& l : model.layers)
            if (l.name == ref.layer) layer = &l;
        if (!layer || layer->class_name != "InputLayer")
            return make_error(ErrorCode::kFormat, "model input '" + ref.layer + "' is not an InputLayer of the model");
        const KerasInputSpec spec = input_spec(layer->config);
        if (spec.dims.size() < 2)
            return make_error(ErrorCode::kInvalid, "input '" + layer->name + "' declares no shape " +
                                                       (spec.dims.empty() ? std::string("") : format_dims(spec.dims)));
        auto type = input_type(spec.dtype, layer->name);
        if (!type) return type.error();
        std::vector<int32_t> dims = spec.dims;
        if (static_batch && dims[0] < 0) dims[0] = emitter.batch();
        inputs.push_back(emitter.input(layer->name, *type, dims));
    }

    KerasLowering lowering(emitter, weights, weights.keras3());
    auto outputs = lowering.lower_model(model, inputs);
    if (!outputs) return outputs.error();
    std::set<std::string> names;
    for (size_t i = 0; i < outputs->size(); ++i) {
        std::string name = model.outputs[i].layer;
        while (names.count(name)) (name += '_') += std::to_string(i);  // not "_" + temporary: GCC 12 -Wrestrict
        names.insert(name);
        emitter.output((*outputs)[i], name);
    }
    if (lowering.folded_batch_norms() > 0)
        emitter.note(std::to_string(lowering.folded_batch_norms()) +
                     " batch normalization layer(s) folded into the convolution or dense layer before them");
    if (lowering.removed_layers() > 0)
        emitter.note(std::to_string(lowering.removed_layers()) + " training-only layer(s) removed (Dropout, noise)");
    return std::move(emitter).finish();
}

Result<ImportedModel> import_h5(const std::string& path, const ImportOptions& options) {
    auto contents = read_keras_h5_file(path);
    if (!contents) return contents.error();
    if (!contents->model_config)
        return make_error(ErrorCode::kUnsupported,
                          "has no model_config: a weights-only file (save_weights) has no architecture to convert");
    if (contents->keras_version.rfind("1.", 0) == 0)
        return make_error(ErrorCode::kUnsupported,
                          "written by Keras " + contents->keras_version + "; Keras 1 files are not supported");
    const json config = json::parse(*contents->model_config, nullptr, false);
    if (config.is_discarded()) return make_error(ErrorCode::kFormat, "model_config is not valid JSON");
    auto model = parse_keras_model(config);
    if (!model) return model.error();
    if (contents->layer_names.empty())
        return make_error(ErrorCode::kInvalid, "has no model_weights group listing the layers' weights");
    const KerasWeights weights(std::move(*contents));
    return convert(*model, weights, options);
}

Result<ImportedModel> import_archive(const std::string& path, const ImportOptions& options) {
    auto archive = read_keras_archive(path);
    if (!archive) return archive.error();
    const json config = json::parse(archive->config_json, nullptr, false);
    if (config.is_discarded()) return make_error(ErrorCode::kFormat, "config.json is not valid JSON");
    auto model = parse_keras_model(config);
    if (!model) return model.error();
    auto contents = read_keras_h5_image(archive->weights_h5, "model.weights.h5");
    if (!contents) return contents.error();
    if (!contents->layer_names.empty())
        return make_error(ErrorCode::kFormat, "model.weights.h5 has the Keras 2 layout, not Keras 3's");
    const KerasWeights weights(std::move(*contents));
    return convert(*model, weights, options);
}

// Prefixes the file name unless the message already starts with it.
Error in_file(const Error& error, const std::string& path) {
    if (error.message.rfind(path + ":", 0) == 0) return error;
    return error.in_file(path);
}

}  // namespace

Result<ImportedModel> import_keras_file(const std::string& path, const ImportOptions& options) {
    auto container = sniff(path);
    if (!container) return container.error();
    try {
        Result<ImportedModel> imported = make_error(ErrorCode::kFormat, "");
        switch (*container) {
            case Container::kHdf5:
                imported = import_h5(path, options);
                break;
            case Container::kZip:
                imported = import_archive(path, options);
                break;
            case Container::kOther:
                return make_error(ErrorCode::kFormat,
                                  path + ": not a Keras model (neither an HDF5 .h5 file nor a .keras archive)");
        }
        if (!imported) return in_file(imported.error(), path);
        return imported;
    } catch (const json::exception& e) {
        // nlohmann reports a config value of an unexpected type by throwing; it stops here.
        return make_error(ErrorCode::kFormat, path + ": the model config has a value of an unexpected type (" +
                                                  std::string(e.what()) + ")");
    }
}

}  // namespace litelab
