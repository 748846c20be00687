// Converting Keras and ONNX files (issue #4): a 3.6 MB Keras Conv1D model and a 14 MB ONNX CNN
// in under 200 ms each, next to the time to merely read the file's bytes. TensorFlow's Python
// converter needs seconds for either.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "import/import_model.h"
#include "onnx_cnn.h"
#include "synthetic_model.h"

namespace litelab::bench {
namespace {

// The Keras model, written once by bench/models/make_keras_conv1d.py (Python with NumPy and h5py).
std::string keras_conv1d_path() {
    static const std::string path = [] {
        const std::string out = bench_file("kws_conv1d.h5");
        const std::string command =
            std::string(LITELAB_PYTHON) + " " + LITELAB_BENCH_DIR + "/models/make_keras_conv1d.py " + out;
        return std::system(command.c_str()) == 0 ? out : std::string();
    }();
    return path;
}

std::string onnx_cnn_path() {
    static const std::string path = [] {
        const std::string out = bench_file("vgg_like.onnx");
        std::ofstream(out, std::ios::binary) << make_onnx_cnn();
        return out;
    }();
    return path;
}

void read_bytes(benchmark::State& state, const std::string& path) {
    if (path.empty()) {
        state.SkipWithError("the model could not be written");
        return;
    }
    for (auto _ : state) {
        std::ifstream in(path, std::ios::binary);
        std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["file_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}

void convert(benchmark::State& state, const std::string& path) {
    if (path.empty()) {
        state.SkipWithError("the model could not be written");
        return;
    }
    size_t operators = 0;
    for (auto _ : state) {
        auto imported = import_model_file(path, {});
        if (!imported) {
            state.SkipWithError(imported.error().message.c_str());
            return;
        }
        operators = imported->model.subgraphs[0].operators.size();
        benchmark::DoNotOptimize(imported);
    }
    state.counters["file_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    state.counters["operators"] = static_cast<double>(operators);
    state.counters["target_ms"] = 200;
}

void BM_ReadKerasConv1DFile(benchmark::State& state) {
    read_bytes(state, keras_conv1d_path());
}
void BM_ConvertKerasConv1D(benchmark::State& state) {
    convert(state, keras_conv1d_path());
}
void BM_ReadOnnxCnnFile(benchmark::State& state) {
    read_bytes(state, onnx_cnn_path());
}
void BM_ConvertOnnxCnn(benchmark::State& state) {
    convert(state, onnx_cnn_path());
}

BENCHMARK(BM_ReadKerasConv1DFile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ConvertKerasConv1D)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadOnnxCnnFile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ConvertOnnxCnn)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace litelab::bench
