// Opening a model: map + verify + build the Model. Targets (issue #2): a 4 MB model in under
// 5 ms; a 1 GB model (sparse file, weights after the flatbuffer) in under 100 ms with under
// 50 MB of resident memory above the baseline, because weights are never read.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "synthetic_model.h"
#include "tflite/reader.h"
#include "tflite/writer.h"

namespace litelab::bench {
namespace {

long resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    long pages_total = 0, pages_resident = 0;
    statm >> pages_total >> pages_resident;
    return pages_resident * ::sysconf(_SC_PAGESIZE);
}

void BM_Open4MBModel(benchmark::State& state) {
    const std::string path = bench_file("4mb.tflite");
    if (!write_tflite_file(make_chain_model(100, 4u << 20), path)) {
        state.SkipWithError("cannot write the 4 MB model");
        return;
    }
    for (auto _ : state) {
        auto read = read_tflite_file(path);
        if (!read) state.SkipWithError(read.error().message.c_str());
        benchmark::DoNotOptimize(read);
    }
    state.counters["target_ms"] = 5;
    std::remove(path.c_str());
}
BENCHMARK(BM_Open4MBModel)->Unit(benchmark::kMillisecond);

void BM_Open1GBModel(benchmark::State& state) {
    const std::string path = bench_file("1gb.tflite");
    try {
        write_sparse_large_model(path, uint64_t{1} << 30);
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    long extra_resident = 0;
    for (auto _ : state) {
        const long before = resident_bytes();
        auto read = read_tflite_file(path);
        if (!read) state.SkipWithError(read.error().message.c_str());
        extra_resident = std::max(extra_resident, resident_bytes() - before);
        benchmark::DoNotOptimize(read);
    }
    state.counters["extra_resident_MB"] = static_cast<double>(extra_resident) / (1 << 20);
    state.counters["target_ms"] = 100;
    state.counters["target_resident_MB"] = 50;
    std::remove(path.c_str());
}
BENCHMARK(BM_Open1GBModel)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
}  // namespace litelab::bench
