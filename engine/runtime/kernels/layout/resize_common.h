// What RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR share: an NHWC input, a constant [height,
// width] size, the output shape, and the scale from output to input coordinates.
#pragma once

#include <string>

#include "model/graph.h"
#include "runtime/kernels/layout/layout_common.h"

namespace litelab::layout {

struct ResizeShape {
    int32_t batches = 0, in_height = 0, in_width = 0, depth = 0;
    int32_t out_height = 0, out_width = 0;
};

inline bool is_resizable_type(DType type) {
    return type == DType::kFloat32 || type == DType::kInt8 || type == DType::kUInt8 || type == DType::kInt16;
}

// Validates the operator and sets the output's shape.
inline Result<ResizeShape> prepare_resize_shape(PrepareContext& ctx, bool align_corners, bool half_pixel_centers) {
    const TensorInfo& in = ctx.input(0);
    if (!is_resizable_type(in.type)) return ctx.unsupported("input of type " + std::string(dtype_name(in.type)));
    if (ctx.output(0).type != in.type) return ctx.invalid("output type differs from the input's");
    if (in.rank() != 4) return ctx.invalid("input " + format_dims(in.shape) + " is not NHWC");
    if (align_corners && half_pixel_centers) return ctx.invalid("align_corners and half_pixel_centers together");
    auto size = constant_ints(ctx, 1, "the size input");
    if (!size) return size.error();
    if (size->size() != 2 || (*size)[0] <= 0 || (*size)[1] <= 0 || (*size)[0] > INT32_MAX || (*size)[1] > INT32_MAX)
        return ctx.invalid("the size must be two positive values");
    ResizeShape s{in.dim(0), in.dim(1), in.dim(2), in.dim(3), static_cast<int32_t>((*size)[0]),
                  static_cast<int32_t>((*size)[1])};
    ctx.output(0).shape = {s.batches, s.out_height, s.out_width, s.depth};
    return s;
}

// TFLite's input-per-output scale along one axis (float, as its kernels compute it).
inline float resize_scale(int32_t in_size, int32_t out_size, bool align_corners) {
    if (align_corners && out_size > 1) return static_cast<float>(in_size - 1) / static_cast<float>(out_size - 1);
    return static_cast<float>(in_size) / static_cast<float>(out_size);
}

}  // namespace litelab::layout
