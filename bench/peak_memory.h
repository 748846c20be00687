// The process's peak resident memory so far (VmHWM of /proc/self/status), in MB; 0 when the
// kernel does not say. Benchmarks report it as a counter beside their times.
#pragma once

#include <fstream>
#include <string>

namespace litelab::bench {

inline double peak_resident_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

}  // namespace litelab::bench
