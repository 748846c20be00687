// RESIZE_NEAREST_NEIGHBOR: each output pixel copies one input pixel, chosen as TFLite's
// reference GetNearestNeighbor does: floor((x + offset) * scale), or round() with align_corners,
// clamped to the input. The source rows and columns are computed when the model is compiled.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "runtime/kernels/layout/layout_kernels.h"
#include "runtime/kernels/layout/resize_common.h"

namespace litelab::layout {

namespace {

std::vector<int64_t> nearest_sources(int32_t in_size, int32_t out_size, bool align_corners, bool half_pixel_centers) {
    const float scale = resize_scale(in_size, out_size, align_corners);
    const float offset = half_pixel_centers ? 0.5f : 0.0f;
    std::vector<int64_t> sources;
    for (int32_t o = 0; o < out_size; ++o) {
        const float at = (static_cast<float>(o) + offset) * scale;
        int32_t i = std::min(align_corners ? static_cast<int32_t>(std::round(at)) : static_cast<int32_t>(std::floor(at)),
                             in_size - 1);
        if (half_pixel_centers) i = std::max(i, 0);
        sources.push_back(i);
    }
    return sources;
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_resize_nearest_neighbor(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::ResizeNearestNeighborOptionsT>();
    auto shape = prepare_resize_shape(ctx, options.align_corners, options.half_pixel_centers);
    if (!shape) return shape.error();
    const ResizeShape s = *shape;
    const auto rows = nearest_sources(s.in_height, s.out_height, options.align_corners, options.half_pixel_centers);
    const auto columns = nearest_sources(s.in_width, s.out_width, options.align_corners, options.half_pixel_centers);
    const size_t pixel = static_cast<size_t>(s.depth) * element_bytes(ctx.input(0).type);
    return make_kernel([s, rows, columns, pixel](const OpContext& c) -> Status {
        const uint8_t* in = c.input<uint8_t>(0);
        uint8_t* out = c.output<uint8_t>(0);
        const size_t row_bytes = static_cast<size_t>(s.in_width) * pixel;
        for (int32_t b = 0; b < s.batches; ++b) {
            const uint8_t* image = in + static_cast<size_t>(b) * static_cast<size_t>(s.in_height) * row_bytes;
            for (int64_t y : rows) {
                const uint8_t* row = image + static_cast<size_t>(y) * row_bytes;
                for (int64_t x : columns) {
                    std::memcpy(out, row + static_cast<size_t>(x) * pixel, pixel);
                    out += pixel;
                }
            }
        }
        return {};
    });
}

}  // namespace litelab::layout
