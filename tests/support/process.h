// Runs a child process (the litelab CLI, an oracle script) and captures its output.
#pragma once

#include <string>
#include <vector>

namespace litelab::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when the process did not exit normally (signal, timeout)
    std::string out;
    std::string err;
};

// Runs argv[0] with the arguments, no shell; kills it after `timeout_seconds`. Thread-safe:
// several threads may run children at once.
ProcessResult run_process(const std::vector<std::string>& argv, int timeout_seconds = 120);

}  // namespace litelab::test
