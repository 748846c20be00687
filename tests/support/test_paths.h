// Where tests find their inputs: ../shared (models, oracles), tests/data, the litelab CLI.
#pragma once

#include <optional>
#include <string>

namespace litelab::test {

// ../shared/models/<relative>, or nullopt when ../shared is absent (callers GTEST_SKIP).
std::optional<std::string> shared_model(const std::string& relative);
// ../shared/oracles/<tool>, or nullopt when absent.
std::optional<std::string> oracle_tool(const std::string& tool);
std::string test_data(const std::string& relative);
std::string cli_path();
std::string python();
// A fresh, empty directory for this test, under the build tree: scratch/NAME/SUITE.TEST inside
// a test case (asking twice empties it again), scratch/NAME outside one.
std::string scratch_dir(const std::string& name);

}  // namespace litelab::test
