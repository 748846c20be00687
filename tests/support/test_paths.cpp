#include "support/test_paths.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace litelab::test {

namespace fs = std::filesystem;

std::optional<std::string> shared_model(const std::string& relative) {
    const fs::path path = fs::path(LITELAB_SHARED_DIR) / "models" / relative;
    if (!fs::exists(path)) return std::nullopt;
    return path.string();
}

std::optional<std::string> oracle_tool(const std::string& tool) {
    const fs::path path = fs::path(LITELAB_SHARED_DIR) / "oracles" / tool;
    if (!fs::exists(path)) return std::nullopt;
    return path.string();
}

std::string test_data(const std::string& relative) { return (fs::path(LITELAB_TEST_DATA_DIR) / relative).string(); }
std::string cli_path() { return LITELAB_CLI; }
std::string python() { return LITELAB_PYTHON; }

std::string scratch_dir(const std::string& name) {
    // CTest runs each test case as its own process, in parallel: cases that ask for the same name
    // must not empty each other's directory, so the running case's name is part of the path.
    fs::path path = fs::path(LITELAB_TEST_BINARY_DIR) / "scratch" / name;
    if (const auto* test = ::testing::UnitTest::GetInstance()->current_test_info()) {
        std::string id = std::string(test->test_suite_name()) + "." + test->name();
        std::replace(id.begin(), id.end(), '/', '_');
        path /= id;
    }
    fs::remove_all(path);
    fs::create_directories(path);
    return path.string();
}

}  // namespace litelab::test
