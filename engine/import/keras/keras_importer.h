// Converts a Keras model file to a float32 TFLite Model, the way TensorFlow's converter would:
// Keras 2 / tf.keras HDF5 files (.h5) and Keras 3 archives (.keras); Sequential, Functional and
// nested models. The layers LiteLab converts and how each is lowered: docs/import.md.
#pragma once

#include <string>

#include "core/result.h"
#include "import/import_options.h"

namespace litelab {

// The format is recognised from the file's first bytes, not its name. Errors are one line naming
// the file and the problem; unsupported layers are all listed in one error.
Result<ImportedModel> import_keras_file(const std::string& path, const ImportOptions& options);

}  // namespace litelab
