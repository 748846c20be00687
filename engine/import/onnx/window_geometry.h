// The geometry of a sliding window (Conv, pools): ONNX's kernel, strides, dilations, pads and
// auto_pad resolved to explicit per-axis padding and output sizes, and whether TFLite's SAME
// or VALID padding computes the same thing.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "import/onnx/lowering.h"

namespace litelab::onnx {

struct WindowGeometry {
    std::vector<int64_t> input, kernel, stride, dilation, pad_begin, pad_end, output;
    // Padding past pad_end that ceil_mode adds for the last window (never counted in averages).
    std::vector<int64_t> ceil_extra;

    size_t axes() const { return input.size(); }
    int64_t effective_kernel(size_t i) const { return (kernel[i] - 1) * dilation[i] + 1; }
    bool unpadded() const;
    // TFLite's SAME: output ceil(in / stride), padding split with the smaller half first.
    bool matches_same() const;
};

// `input` and `kernel` are the spatial sizes; reads strides, dilations, pads, auto_pad and
// (when `allow_ceil`) ceil_mode from the node.
Result<WindowGeometry> window_geometry(const OnnxNode& node, const std::vector<int64_t>& input,
                                       const std::vector<int64_t>& kernel, bool allow_ceil);

// PAD (value 0) or PADV2 (any other value) of a stored tensor; `before`/`after` per stored axis.
int32_t emit_pad(Lowering& L, int32_t input, const std::vector<int64_t>& before, const std::vector<int64_t>& after,
                 float value, const std::string& hint);

}  // namespace litelab::onnx
