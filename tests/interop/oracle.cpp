#include "oracle.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "support/test_paths.h"

namespace litelab::test {

std::optional<std::string> oracles_unavailable() {
    if (!oracle_tool("run_tflite")) return "../shared/oracles is absent";
    // CI sets this when ../shared/oracles/setup.sh failed (e.g. the npm registry was down).
    if (const char* failed = std::getenv("LITELAB_ORACLES_FAILED"); failed && *failed)
        return std::string("oracle setup failed: ") + failed;
    return std::nullopt;
}

ProcessResult run_tflite(const std::vector<std::string>& args, int timeout_seconds) {
    std::vector<std::string> argv = {python(), *oracle_tool("run_tflite")};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, timeout_seconds);
}

ProcessResult compare_npz(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {python(), *oracle_tool("compare_npz")};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, 120);
}

std::vector<std::string> shared_tflite_models() {
    std::vector<std::string> models;
    const auto dir = std::filesystem::path(LITELAB_SHARED_DIR) / "models" / "tflite";
    if (!std::filesystem::exists(dir)) return models;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".tflite") models.push_back(entry.path().string());
    std::sort(models.begin(), models.end());
    return models;
}

}  // namespace litelab::test
