// `litelab inspect` of a 4 MB, 100-operator model, measured as a whole process (fork, exec,
// read, dump, exit). Target (issue #2): under 20 ms wall time.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "synthetic_model.h"
#include "tflite/writer.h"

namespace litelab::bench {
namespace {

bool run_inspect(const std::string& model) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null_fd = ::open("/dev/null", O_WRONLY);
        ::dup2(null_fd, 1);
        ::execl(LITELAB_CLI, "litelab", "inspect", model.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void BM_InspectProcess4MB100Ops(benchmark::State& state) {
    const std::string path = bench_file("inspect_4mb.tflite");
    if (!write_tflite_file(make_chain_model(100, 4u << 20), path)) {
        state.SkipWithError("cannot write the model");
        return;
    }
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        if (!run_inspect(path)) state.SkipWithError("litelab inspect failed");
        state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    state.counters["target_ms"] = 20;
    std::remove(path.c_str());
}
BENCHMARK(BM_InspectProcess4MB100Ops)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(50);

}  // namespace
}  // namespace litelab::bench
