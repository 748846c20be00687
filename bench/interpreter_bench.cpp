// Interpreter latency: every model in ../shared/models/tflite and a MobileNetV2 (float32 and
// int8) built with the writer, at 1 and 2 threads; the machine's peak float MAC rate (Eigen
// GEMM) and the MAC rate of MobileNetV2's largest convolutions for comparison. The peers'
// latencies come from bench/peers/side_by_side.sh, which runs this in the same session.
#include <benchmark/benchmark.h>

#include <Eigen/Core>
#include <filesystem>
#include <random>

#include "mobilenet_v2.h"
#include "model/builder.h"
#include "runtime/interpreter.h"
#include "tflite/reader.h"

namespace litelab::bench {
namespace {

void fill_inputs(Execution& execution, const Interpreter& interpreter) {
    std::mt19937 random(1);
    for (size_t i = 0; i < interpreter.inputs().size(); ++i) {
        auto bytes = execution.input(i);
        if (interpreter.input_info(i).type == DType::kFloat32) {
            std::uniform_real_distribution<float> draw(-1.0f, 1.0f);
            auto* f = reinterpret_cast<float*>(bytes.data());
            for (size_t k = 0; k < bytes.size() / 4; ++k) f[k] = draw(random);
        } else {
            for (auto& b : bytes) b = static_cast<uint8_t>(random());
        }
    }
}

void run_model(benchmark::State& state, const Model& model) {
    CompileOptions options;
    options.threads = static_cast<int>(state.range(0));
    auto interpreter = Interpreter::compile(model, options);
    if (!interpreter) {
        state.SkipWithError(interpreter.error().message.c_str());
        return;
    }
    Execution execution(*interpreter);
    fill_inputs(execution, **interpreter);
    for (auto _ : state) {
        if (!execution.run()) {
            state.SkipWithError("run failed");
            return;
        }
    }
    state.counters["arena_KB"] = static_cast<double>((*interpreter)->memory().arena_bytes) / 1024.0;
}

void BM_SharedModel(benchmark::State& state, const std::string& path) {
    auto read = read_tflite_file(path);
    if (!read) {
        state.SkipWithError(read.error().message.c_str());
        return;
    }
    run_model(state, read->model);
}

void BM_MobileNetV2Float(benchmark::State& state) {
    static const Model model = make_mobilenet_v2(BenchPrecision::kFloat32);
    run_model(state, model);
}
void BM_MobileNetV2Int8(benchmark::State& state) {
    static const Model model = make_mobilenet_v2(BenchPrecision::kInt8);
    run_model(state, model);
}
BENCHMARK(BM_MobileNetV2Float)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MobileNetV2Int8)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The machine's float MAC rate: a single-threaded 512^3 Eigen GEMM.
void BM_PeakFloatGemm(benchmark::State& state) {
    const Eigen::Index n = 512;
    Eigen::MatrixXf a = Eigen::MatrixXf::Random(n, n), b = Eigen::MatrixXf::Random(n, n), c(n, n);
    for (auto _ : state) {
        c.noalias() = a * b;
        benchmark::DoNotOptimize(c.data());
    }
    state.counters["GMAC_per_s"] = benchmark::Counter(static_cast<double>(n * n * n) * static_cast<double>(state.iterations()) / 1e9,
                                                      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PeakFloatGemm)->Unit(benchmark::kMillisecond)->UseRealTime();

// One CONV_2D as MobileNetV2's heaviest layers have it: 3x3 (first layer of the full-width
// net scaled to a bigger channel count) and the 1x1 expansions, float32 or int8.
Model single_conv(int size, int in_channels, int out_channels, int kernel, bool int8) {
    ModelBuilder b;
    std::mt19937 random(3);
    std::uniform_real_distribution<float> draw(-0.1f, 0.1f);
    auto q = [](float scale) {
        Quantization quant;
        quant.scale = {scale};
        quant.zero_point = {0};
        return quant;
    };
    const DType type = int8 ? DType::kInt8 : DType::kFloat32;
    const int32_t in = b.add_tensor("in", type, {1, size, size, in_channels}, {}, int8 ? std::optional(q(0.05f)) : std::nullopt);
    const size_t count = static_cast<size_t>(out_channels * kernel * kernel * in_channels);
    int32_t weights, bias;
    if (int8) {
        std::vector<uint8_t> w(count);
        for (auto& x : w) x = static_cast<uint8_t>(random());
        weights = b.add_tensor("w", DType::kInt8, {out_channels, kernel, kernel, in_channels}, Bytes::take(std::move(w)), q(0.01f));
        bias = b.add_tensor("b", DType::kInt32, {out_channels}, Bytes::take(std::vector<uint8_t>(static_cast<size_t>(out_channels) * 4)), q(0.0005f));
    } else {
        std::vector<float> w(count);
        for (float& x : w) x = draw(random);
        weights = b.add_float_constant("w", {out_channels, kernel, kernel, in_channels}, w);
        bias = b.add_float_constant("b", {out_channels}, std::vector<float>(static_cast<size_t>(out_channels), 0.0f));
    }
    const int32_t out = b.add_tensor("out", type, {1, size, size, out_channels}, {}, int8 ? std::optional(q(0.1f)) : std::nullopt);
    tflite::Conv2DOptionsT o;
    o.padding = tflite::Padding_SAME;
    o.stride_w = o.stride_h = 1;
    tflite::BuiltinOptionsUnion options;
    options.Set(o);
    b.add_operator(tflite::BuiltinOperator_CONV_2D, {in, weights, bias}, {out}, options, int8 ? 3 : 1);
    b.set_inputs({in});
    b.set_outputs({out});
    return std::move(b).finish();
}

void BM_Conv(benchmark::State& state, int size, int in_channels, int out_channels, int kernel, bool int8) {
    const Model model = single_conv(size, in_channels, out_channels, kernel, int8);
    run_model(state, model);
    const double macs = static_cast<double>(size) * size * in_channels * out_channels * kernel * kernel;
    state.counters["GMAC_per_s"] = benchmark::Counter(macs * static_cast<double>(state.iterations()) / 1e9,
                                                      benchmark::Counter::kIsRate);
}

void register_benchmarks() {
    const std::filesystem::path dir = std::filesystem::path(LITELAB_SHARED_DIR) / "models" / "tflite";
    if (std::filesystem::exists(dir)) {
        std::vector<std::string> paths;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".tflite") paths.push_back(entry.path().string());
        std::sort(paths.begin(), paths.end());
        for (const std::string& path : paths)
            benchmark::RegisterBenchmark(("BM_Shared/" + std::filesystem::path(path).stem().string()).c_str(),
                                         BM_SharedModel, path)
                ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
    }
    for (const bool int8 : {false, true}) {
        const std::string type = int8 ? "int8" : "float";
        benchmark::RegisterBenchmark(("BM_Conv3x3_56x56x64to64/" + type).c_str(), BM_Conv, 56, 64, 64, 3, int8)
            ->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
        benchmark::RegisterBenchmark(("BM_Conv1x1_28x28x192to64/" + type).c_str(), BM_Conv, 28, 192, 64, 1, int8)
            ->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
    }
}

const int registered = (register_benchmarks(), 0);

}  // namespace
}  // namespace litelab::bench
