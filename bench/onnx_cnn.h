// The ONNX CNN of the conversion benchmark: about 14 MB of float32 weights, the layers a PyTorch
// export of a VGG-style classifier has (Conv, BatchNormalization, Relu, MaxPool,
// GlobalAveragePool, Flatten, Gemm), NCHW with a symbolic batch.
#pragma once

#include <string>

namespace litelab::bench {

// The serialized ModelProto (opset 13), with seeded pseudo-random weights.
std::string make_onnx_cnn();

}  // namespace litelab::bench
