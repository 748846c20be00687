// One entry point for every format LiteLab converts: the CLI's `convert` and the GUI's Open go
// through here and never need to know which importer handles a file.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "import/import_options.h"

namespace litelab {

enum class ModelFormat { kTflite, kKerasH5, kKerasArchive, kOnnx };

// The format of the model file at `path`: from its first bytes (TFLite's "TFL3" identifier,
// HDF5's and zip's signatures), and from the `.onnx` extension for ONNX, whose protobuf has no
// signature. nullopt when neither tells.
Result<std::optional<ModelFormat>> detect_model_format(const std::string& path);

// "TFLite", "Keras HDF5", "Keras archive", "ONNX".
const char* model_format_name(ModelFormat format);

// True for the formats `import_model_file` converts.
bool is_imported_format(ModelFormat format);

// Converts a Keras (.h5, .keras) or ONNX model to a float32 TFLite Model. A .tflite file, or a
// file of no recognised format, is an error naming the file.
Result<ImportedModel> import_model_file(const std::string& path, const ImportOptions& options);

}  // namespace litelab
