// ONNX -> TFLite: reads an .onnx file (Debian's libonnx protobufs) and builds the float32
// TFLite Model TensorFlow's converter would write for it: NCHW computation stored channels-last
// with the transposes folded into the weights, batch norms folded into convolutions,
// activations fused, constant subgraphs evaluated. See docs/import.md ("ONNX").
#pragma once

#include <string>

#include "core/result.h"
#include "import/import_options.h"

namespace litelab {

// Errors name the file and the problem in one line ("m.onnx: Conv 'c1': kernel_shape [3] does
// not match weights [8, 3, 5, 5]"); unsupported operators are listed all at once.
Result<ImportedModel> import_onnx_file(const std::string& path, const ImportOptions& options);

namespace onnx {
struct OnnxGraph;
// The same for a graph already loaded (tests bind inputs to constants first); `label` names it
// in errors as the file would.
Result<ImportedModel> import_onnx_graph(OnnxGraph graph, const ImportOptions& options, const std::string& label);
}  // namespace onnx

}  // namespace litelab
