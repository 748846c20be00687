// Access to the independent runtimes in ../shared/oracles, for interop tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/process.h"

namespace litelab::test {

// Why the oracles cannot be used here (absent, or setup failed), or nullopt when they can.
std::optional<std::string> oracles_unavailable();

// run_tflite with these arguments, under /usr/bin/python3.
ProcessResult run_tflite(const std::vector<std::string>& args, int timeout_seconds = 300);
ProcessResult compare_npz(const std::vector<std::string>& args);

// The .tflite files in ../shared/models/tflite, sorted.
std::vector<std::string> shared_tflite_models();

}  // namespace litelab::test
