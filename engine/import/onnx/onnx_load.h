// Loading an .onnx file: protobuf parsing (Debian's libonnx), then checks that everything the
// lowering relies on holds: known element types, decodable initializers, a supported opset of
// the default domain, nodes in topological order with every input defined.
#pragma once

#include <string>

#include "core/result.h"
#include "import/onnx/onnx_graph.h"

namespace litelab::onnx {

// The newest default-domain opset LiteLab knows the semantics of.
inline constexpr int64_t kMaxOpset = 17;

// Errors are one line without the file name (the caller adds it): "not an ONNX model (...)".
Result<OnnxGraph> load_onnx_graph(const std::string& path);

}  // namespace litelab::onnx
