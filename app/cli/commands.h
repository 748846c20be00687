// The litelab subcommands. Each takes the arguments after its name and returns the process
// exit code: 0 success, 1 bad input or failure (one line on stderr naming the file and the
// problem), 2 usage error.
#pragma once

#include <string>
#include <vector>

namespace litelab::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

int run_inspect(const std::vector<std::string>& args);
int run_convert(const std::vector<std::string>& args);
int run_demo_model(const std::vector<std::string>& args);
int run_run(const std::vector<std::string>& args);
int run_featurize(const std::vector<std::string>& args);

// "litelab: <message>" on stderr.
void print_error(const std::string& message);
// Prints the message and a hint to --help; returns kExitUsage.
int usage_error(const std::string& command, const std::string& message);

}  // namespace litelab::cli
