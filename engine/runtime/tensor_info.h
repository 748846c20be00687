// What the interpreter knows about one tensor of a compiled subgraph: its concrete shape (after
// the batch size and input shapes were chosen), type, quantization and where its bytes live.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/dtype.h"

namespace litelab {

struct QuantParams {
    std::vector<float> scale;
    std::vector<int32_t> zero_point;
    int32_t axis = 0;  // the quantized dimension when per-axis

    bool empty() const { return scale.empty(); }
    bool per_axis() const { return scale.size() > 1; }
    // Per-tensor parameters (the first entry; 1 / 0 when absent).
    float scale0() const { return scale.empty() ? 1.0f : scale[0]; }
    int32_t zero_point0() const { return zero_point.empty() ? 0 : zero_point[0]; }
};

enum class TensorStorage : uint8_t {
    kArena,     // activations: a slice of the execution's planned arena
    kConstant,  // weights or values folded at compile time: read-only, shared by executions
    kVariable,  // LSTM/SVDF state: owned by each execution, reset to its initial value
    kUnused,    // referenced by no node: never allocated
};

struct TensorInfo {
    int32_t index = -1;  // index in the model's subgraph
    std::string name;
    DType type = DType::kFloat32;
    std::vector<int32_t> shape;
    QuantParams quant;
    TensorStorage storage = TensorStorage::kArena;
    std::span<const uint8_t> constant;  // kConstant (and a kVariable's initial value): aligned bytes
    size_t arena_offset = 0;            // kArena: where the planner put it

    int rank() const { return static_cast<int>(shape.size()); }
    int32_t dim(int i) const { return shape[static_cast<size_t>(i)]; }
    int64_t elements() const {
        int64_t n = 1;
        for (int32_t d : shape) n *= d;
        return n;
    }
    size_t bytes() const;
    bool is_constant() const { return storage == TensorStorage::kConstant; }
};

}  // namespace litelab
