#include "synthetic_model.h"

#include <sys/mman.h>

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "model/builder.h"
#include "tflite/writer.h"

namespace litelab::bench {

Model make_chain_model(int ops, uint64_t weight_bytes) {
    // Square layers of width w: ops * w * w floats ~= weight_bytes.
    const auto width = static_cast<int32_t>(std::max(1.0, std::sqrt(static_cast<double>(weight_bytes) / 4.0 / ops)));
    ModelBuilder b;
    int32_t x = b.add_tensor("input", DType::kFloat32, {1, width});
    b.set_inputs({x});
    for (int i = 0; i < ops; ++i) {
        std::vector<float> weights(static_cast<size_t>(width) * static_cast<size_t>(width));
        for (size_t k = 0; k < weights.size(); ++k) weights[k] = static_cast<float>((k * 2654435761u + static_cast<size_t>(i)) % 1000) / 1000.0f;
        const int32_t w = b.add_float_constant("dense_" + std::to_string(i) + "/kernel", {width, width}, weights);
        const int32_t y = b.add_tensor("dense_" + std::to_string(i) + "/out", DType::kFloat32, {1, width});
        tflite::BuiltinOptionsUnion options;
        options.Set(tflite::FullyConnectedOptionsT{});
        b.add_operator(tflite::BuiltinOperator_FULLY_CONNECTED, {x, w, -1}, {y}, std::move(options));
        x = y;
    }
    b.set_outputs({x});
    return std::move(b).finish();
}

void write_sparse_large_model(const std::string& path, uint64_t weight_bytes) {
    // Zero weights from an anonymous mapping: untouched pages cost no memory, and the writer
    // turns zero runs into holes.
    void* zeros = ::mmap(nullptr, weight_bytes, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (zeros == MAP_FAILED) throw std::runtime_error("cannot map zero pages");
    constexpr int kLayers = 16;
    const uint64_t per_layer = weight_bytes / kLayers;
    const auto width = static_cast<int32_t>(std::sqrt(static_cast<double>(per_layer) / 4.0));
    ModelBuilder b;
    int32_t x = b.add_tensor("input", DType::kFloat32, {1, width});
    b.set_inputs({x});
    const uint64_t layer_bytes = static_cast<uint64_t>(width) * static_cast<uint64_t>(width) * 4;
    for (int i = 0; i < kLayers; ++i) {
        const std::span<const uint8_t> view(static_cast<const uint8_t*>(zeros) + i * layer_bytes, layer_bytes);
        const int32_t w = b.add_tensor("big_" + std::to_string(i) + "/kernel", DType::kFloat32, {width, width},
                                       Bytes(nullptr, view));
        const int32_t y = b.add_tensor("big_" + std::to_string(i) + "/out", DType::kFloat32, {1, width});
        b.add_operator(tflite::BuiltinOperator_FULLY_CONNECTED, {x, w, -1}, {y});
        x = y;
    }
    b.set_outputs({x});
    const Status status = write_tflite_file(std::move(b).finish(), path, WriteOptions{.external_buffers = true});
    ::munmap(zeros, weight_bytes);
    if (!status) throw std::runtime_error(status.error().message);
}

std::string bench_file(const std::string& name) {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/litelab_bench_" + name;
}

}  // namespace litelab::bench
