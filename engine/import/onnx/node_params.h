// Operator parameters that ONNX moved from attributes to inputs across opsets (Squeeze axes,
// Slice starts, Split sizes, Reshape's target, Pad amounts), decoded once for both constant
// folding and lowering.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "import/onnx/lowering.h"
#include "import/onnx/tensor_math.h"

namespace litelab::onnx {

// Integer values of input `index` (must be known at import) or of attribute `attribute`;
// `present` is false when neither is given.
struct IntList {
    std::vector<int64_t> values;
    bool present = false;
};
Result<IntList> int_list(const Lowering& lowering, const OnnxNode& node, size_t index, const std::string& attribute);

// Squeeze: the sorted, normalised axes to remove (all size-1 axes when none are given).
Result<std::vector<int>> squeeze_axes(const Lowering& lowering, const OnnxNode& node,
                                      const std::vector<int64_t>& shape);
// Unsqueeze: the output shape.
Result<std::vector<int64_t>> unsqueezed_shape(const Lowering& lowering, const OnnxNode& node,
                                              const std::vector<int64_t>& shape);
// Reshape: the output shape with 0 and -1 resolved.
Result<std::vector<int64_t>> reshape_target(const Lowering& lowering, const OnnxNode& node,
                                            const std::vector<int64_t>& shape);
// Flatten: the 2-D output shape.
Result<std::vector<int64_t>> flattened_shape(const OnnxNode& node, const std::vector<int64_t>& shape);
// Slice: one range per axis of the input (the whole axis where the node does not slice).
Result<std::vector<SliceRange>> slice_ranges(const Lowering& lowering, const OnnxNode& node,
                                             const std::vector<int64_t>& shape, int64_t opset);
// Split: the normalised axis and the size of each output.
struct SplitPlan {
    int axis = 0;
    std::vector<int64_t> sizes;
};
Result<SplitPlan> split_plan(const Lowering& lowering, const OnnxNode& node, const std::vector<int64_t>& shape,
                             int64_t opset);
// Pad: begin and end amounts per axis, the mode and the constant value.
struct PadPlan {
    std::vector<int64_t> begin, end;
    std::string mode = "constant";
    float value = 0;
};
Result<PadPlan> pad_plan(const Lowering& lowering, const OnnxNode& node, const std::vector<int64_t>& shape,
                         int64_t opset);

}  // namespace litelab::onnx
