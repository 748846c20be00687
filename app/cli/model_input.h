// Reading the model a command works on: one place for the one-line error, the warnings and the
// conversion of Keras and ONNX files.
#pragma once

#include <optional>
#include <string>

#include "import/import_options.h"
#include "tflite/reader.h"

namespace litelab::cli {

// `inspect` shows every warning: looking at the file is its purpose. Commands that only use the
// model show the first few and a count, so a tidy-up TFLite itself tolerates (person_detect has
// 14 of one kind) does not bury their own output.
enum class WarningDetail { kAll, kFirstFew };

// The model at `path`, or nullopt after printing the one-line error. A .tflite file is read; a
// Keras (.h5, .keras) or ONNX file is converted with `import` and its conversion notes are printed
// ("litelab: note: ..."); `file_size` is then the size of the converted model as written.
std::optional<ReadModel> read_model_for_command(const std::string& path, WarningDetail detail,
                                                const ImportOptions& import = {});

// True when `path` holds a model that `read_model_for_command` converts rather than reads (false
// for .tflite files and for files it cannot open or recognise).
bool is_imported_model(const std::string& path);

}  // namespace litelab::cli
