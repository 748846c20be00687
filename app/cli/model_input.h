// Reading the model a command works on: one place for the one-line error and the warnings.
#pragma once

#include <optional>
#include <string>

#include "tflite/reader.h"

namespace litelab::cli {

// `inspect` shows every warning: looking at the file is its purpose. Commands that only use the
// model show the first few and a count, so a tidy-up TFLite itself tolerates (person_detect has
// 14 of one kind) does not bury their own output.
enum class WarningDetail { kAll, kFirstFew };

// The model at `path`, or nullopt after printing the reader's one-line error.
std::optional<ReadModel> read_model_for_command(const std::string& path, WarningDetail detail);

}  // namespace litelab::cli
