// A MobileNetV2 (width 1.0, 224x224x3, 1000 classes) built with the ModelBuilder, in float32 or
// full-integer int8 (per-channel weights, int8 I/O), with deterministic random weights: the
// shape and cost of the network people deploy, for latency benchmarks. Its outputs mean nothing.
#pragma once

#include "model/model.h"

namespace litelab::bench {

enum class BenchPrecision { kFloat32, kInt8 };

Model make_mobilenet_v2(BenchPrecision precision);

}  // namespace litelab::bench
