#include "import/import_model.h"

#include <filesystem>
#include <fstream>

#include "import/keras/keras_importer.h"
#include "import/onnx/onnx_import.h"

namespace litelab {

namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Result<std::optional<ModelFormat>> detect_model_format(const std::string& path) {
    // Opening a FIFO or a device would block or read forever: only regular files are looked into.
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        return make_error(ErrorCode::kIo, path + ": is not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::kIo, path + ": cannot open the file");
    char head[8] = {};
    in.read(head, sizeof head);
    const std::string bytes(head, static_cast<size_t>(in.gcount()));
    if (bytes.size() == 8 && bytes.compare(4, 4, "TFL3") == 0) return std::optional(ModelFormat::kTflite);
    if (bytes == std::string("\x89HDF\r\n\x1a\n", 8)) return std::optional(ModelFormat::kKerasH5);
    if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) return std::optional(ModelFormat::kKerasArchive);
    if (ends_with(path, ".onnx")) return std::optional(ModelFormat::kOnnx);
    // Older TFLite writers left out the file identifier; the reader decides for those.
    if (ends_with(path, ".tflite")) return std::optional(ModelFormat::kTflite);
    return std::optional<ModelFormat>();
}

const char* model_format_name(ModelFormat format) {
    switch (format) {
        case ModelFormat::kTflite:
            return "TFLite";
        case ModelFormat::kKerasH5:
            return "Keras HDF5";
        case ModelFormat::kKerasArchive:
            return "Keras archive";
        case ModelFormat::kOnnx:
            return "ONNX";
    }
    return "unknown";
}

bool is_imported_format(ModelFormat format) {
    return format != ModelFormat::kTflite;
}

Result<ImportedModel> import_model_file(const std::string& path, const ImportOptions& options) {
    auto format = detect_model_format(path);
    if (!format) return format.error();
    if (!*format) {
        return make_error(
            ErrorCode::kFormat,
            path + ": not a model LiteLab can convert (expected a Keras .h5 or .keras file, or an .onnx file)");
    }
    switch (**format) {
        case ModelFormat::kKerasH5:
        case ModelFormat::kKerasArchive:
            return import_keras_file(path, options);
        case ModelFormat::kOnnx:
            return import_onnx_file(path, options);
        case ModelFormat::kTflite:
            break;
    }
    return make_error(ErrorCode::kUsage, path + ": already a TFLite model; there is nothing to import");
}

}  // namespace litelab
