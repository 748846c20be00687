// Models built by hand for what the bundled models lack: per-axis quantization along a
// non-zero axis, hundreds of channels, a shape signature, an omitted optional input, min/max,
// a custom operator, a second subgraph, signature defs and metadata strings. Every expected
// value in the tests is written here, next to the model, not derived from the panels.
#pragma once

#include <memory>

#include "model/model.h"

namespace litelab::test {

// Tensors and operators of hand_model(), by index.
namespace hand {
constexpr int kImage = 0;      // FLOAT32 [1, 8, 8, 4], signature [-1, 8, 8, 4]; graph input 0 ('image')
constexpr int kFilter = 1;     // INT8 [1, 3, 3, 4] constant, per-axis along dimension 3: 0.5, 0.25, 0.125, 2
constexpr int kFeatures = 2;   // INT8 [1, 8, 8, 4], scale 0.05 zero point -3, min -6.25 max 6.5
constexpr int kActivated = 3;  // FLOAT32 [1, 8, 8, 4]
constexpr int kSum = 4;        // FLOAT32 [1, 8, 8, 4]; graph output 0 ('scores')
constexpr int kWide = 5;       // INT8 [300, 2] constant, per-axis along dimension 0, 300 channels
constexpr int kCustomOut = 6;  // FLOAT32 [300, 2]; graph output 1
constexpr int kDepthwise = 0;  // DEPTHWISE_CONV_2D (v2) (image, filter, -1) -> features; stride 2, SAME, RELU6
constexpr int kRelu = 1;       // RELU features -> activated
constexpr int kAdd = 2;        // ADD (features, activated) -> sum
constexpr int kCustom = 3;     // MY_CUSTOM_OP (wide) -> custom_out; 3 bytes of options
}  // namespace hand

std::shared_ptr<const Model> hand_model();

}  // namespace litelab::test
