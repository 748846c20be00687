#include "cli/model_input.h"

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "import/import_model.h"
#include "tflite/writer.h"

namespace litelab::cli {

namespace {

constexpr size_t kFirstFewWarnings = 3;

std::optional<ReadModel> convert_model(const std::string& path, const ImportOptions& import) {
    auto imported = import_model_file(path, import);
    if (!imported) {
        print_error(imported.error().message);
        return std::nullopt;
    }
    for (const std::string& note : imported->notes) std::cerr << "litelab: note: " << path << ": " << note << "\n";
    ReadModel read{std::move(imported->model), {}, 0};
    // The size the Analyzer's summary reports is that of the model as LiteLab writes it.
    if (auto bytes = serialize_tflite(read.model)) read.file_size = bytes->size();
    return read;
}

}  // namespace

bool is_imported_model(const std::string& path) {
    const auto format = detect_model_format(path);
    return format && *format && is_imported_format(**format);
}

std::optional<ReadModel> read_model_for_command(const std::string& path, WarningDetail detail,
                                                const ImportOptions& import) {
    if (is_imported_model(path)) return convert_model(path, import);
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
