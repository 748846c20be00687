// Arithmetic on constant arrays at import time: folding constant subgraphs (Shape -> Gather ->
// Concat -> Reshape) and rearranging weights (OIHW -> OHWI, folded batch norms).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "import/onnx/axis_order.h"
#include "import/onnx/onnx_graph.h"

namespace litelab::onnx {

// A double as int64, clamped to the int64 range (NaN as 0): folding must not overflow.
int64_t saturated_int(double v);

// transpose(t, order): out dimension i is t's dimension order[i].
OnnxTensor transpose_tensor(const OnnxTensor& t, const AxisOrder& order);

// NumPy-style broadcast of two shapes; nullopt when they do not broadcast.
std::optional<std::vector<int64_t>> broadcast_shapes(const std::vector<int64_t>& a, const std::vector<int64_t>& b);

// Elementwise a (op) b with broadcasting; float when either is float. The result type is a's.
std::optional<OnnxTensor> broadcast_binary(const OnnxTensor& a, const OnnxTensor& b,
                                           const std::function<double(double, double)>& fn);

// Gathers `indices` (negative ones count from the end) along `axis`; nullopt when out of range.
std::optional<OnnxTensor> gather_tensor(const OnnxTensor& data, int axis, const OnnxTensor& indices);

OnnxTensor concat_tensors(const std::vector<const OnnxTensor*>& parts, int axis);

// The begin, count and step along one axis that ONNX Slice selects (clamping as the spec says).
struct SliceRange {
    int64_t begin = 0;
    int64_t count = 0;
    int64_t step = 1;
};
SliceRange slice_range(int64_t dim, int64_t start, int64_t end, int64_t step);

// Takes ranges[i] along each axis i.
OnnxTensor slice_tensor(const OnnxTensor& t, const std::vector<SliceRange>& ranges);

// Element-wise conversion to another ONNX type (float <-> int truncates toward zero, as Cast).
OnnxTensor cast_tensor(const OnnxTensor& t, DType type);

}  // namespace litelab::onnx
