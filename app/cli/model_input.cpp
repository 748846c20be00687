#include "cli/model_input.h"

#include <algorithm>

#include "cli/commands.h"

namespace litelab::cli {

namespace {
constexpr size_t kFirstFewWarnings = 3;
}  // namespace

std::optional<ReadModel> read_model_for_command(const std::string& path, WarningDetail detail) {
    auto read = read_tflite_file(path);
    if (!read) {
        print_error(read.error().message);
        return std::nullopt;
    }
    const auto& warnings = read->warnings;
    const size_t shown = detail == WarningDetail::kAll ? warnings.size() : std::min(warnings.size(), kFirstFewWarnings);
    for (size_t i = 0; i < shown; ++i) print_error(path + ": warning: " + warnings[i]);
    if (shown < warnings.size())
        print_error(path + ": warning: " + std::to_string(warnings.size() - shown) +
                    " more warnings ('litelab inspect' lists them all)");
    return std::move(*read);
}

}  // namespace litelab::cli
