// Decoding ONNX TensorProto messages (initializers, Constant values, the test suites' .pb
// files) into OnnxTensor.
#pragma once

#include <string>

#include "core/result.h"
#include "import/onnx/onnx_graph.h"

namespace onnx {
class TensorProto;
}

namespace litelab::onnx {

// Checks the element type, the dims and that the data holds exactly as many elements as the
// dims say. Errors name the tensor ("initializer 'fc.weight': 12 values for dims [4, 4]").
Result<OnnxTensor> decode_tensor(const ::onnx::TensorProto& proto);

// A serialized TensorProto file, as ONNX's test suites store inputs and expected outputs.
Result<OnnxTensor> read_tensor_file(const std::string& path);

}  // namespace litelab::onnx
