// litelab_bench's entry point: Google Benchmark, plus --write-models=DIR, which writes the
// synthetic MobileNetV2 models (float32, int8) for the peer runtimes of side_by_side.sh.
#include <benchmark/benchmark.h>

#include <cstring>
#include <iostream>
#include <string>

#include "mobilenet_v2.h"
#include "tflite/writer.h"

int main(int argc, char** argv) {
    constexpr const char* kWriteModels = "--write-models=";
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], kWriteModels, std::strlen(kWriteModels)) != 0) continue;
        const std::string dir = argv[i] + std::strlen(kWriteModels);
        using litelab::bench::BenchPrecision;
        for (const auto& [precision, name] : {std::pair{BenchPrecision::kFloat32, "mobilenet_v2_float"},
                                              std::pair{BenchPrecision::kInt8, "mobilenet_v2_int8"}}) {
            const std::string path = dir + "/" + name + ".tflite";
            if (auto written = litelab::write_tflite_file(litelab::bench::make_mobilenet_v2(precision), path); !written) {
                std::cerr << "litelab_bench: " << written.error().message << "\n";
                return 1;
            }
            std::cout << path << "\n";
        }
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
