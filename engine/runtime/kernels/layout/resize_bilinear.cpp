// RESIZE_BILINEAR. Each output pixel mixes the four input pixels around its source position.
//  - FLOAT32: TFLite's reference arithmetic (reference_ops::ResizeBilinear), float weights.
//  - INT16: TFLite's reference integer arithmetic (reference_ops::ResizeBilinearInteger):
//    positions in 1/1024 units, products summed in 64 bits, rounded half away from zero by 2^20.
//  - INT8 and UINT8: what LiteRT computes on CPUs, where its default XNNPACK delegate takes these
//    types: positions in float, fractions rounded to 1/2048 (Q11), then two 32-bit integer
//    lerps rounded half up by 2^22. TFLite's own kernels round differently in about one value
//    in ten; the interop cases compare with LiteRT.
// The per-row and per-column positions are computed when the model is compiled.
#include <algorithm>
#include <cmath>

#include "runtime/kernels/layout/layout_kernels.h"
#include "runtime/kernels/layout/resize_common.h"

namespace litelab::layout {

namespace {

struct FloatSample {
    float at = 0;        // input coordinate of the output pixel
    int32_t low = 0;     // the input pixels around it, clamped to the image
    int32_t high = 0;
};

std::vector<FloatSample> float_samples(int32_t in_size, int32_t out_size, bool align_corners, bool half_pixel) {
    const float scale = resize_scale(in_size, out_size, align_corners);
    std::vector<FloatSample> samples;
    for (int32_t o = 0; o < out_size; ++o) {
        const float at = half_pixel ? (static_cast<float>(o) + 0.5f) * scale - 0.5f : static_cast<float>(o) * scale;
        samples.push_back({at, std::max(static_cast<int32_t>(std::floor(at)), 0),
                           std::min(static_cast<int32_t>(std::ceil(at)), in_size - 1)});
    }
    return samples;
}

struct IntegerSample {
    int32_t at = 0;  // input coordinate times 1024
    int32_t low = 0;
    int32_t high = 0;
};

std::vector<IntegerSample> integer_samples(int32_t in_size, int32_t out_size, bool align_corners, bool half_pixel) {
    int32_t scale = ((1 << 10) * in_size + out_size / 2) / out_size;
    if (align_corners && out_size > 1) scale = ((1 << 10) * (in_size - 1) + (out_size - 1) / 2) / (out_size - 1);
    std::vector<IntegerSample> samples;
    for (int32_t o = 0; o < out_size; ++o) {
        const int32_t at = half_pixel ? o * scale + scale / 2 - (1 << 9) : o * scale;
        // Divisions truncate toward zero, as TFLite's do.
        samples.push_back({at, std::max(at / (1 << 10), 0), std::min((at + (1 << 10) - 1) / (1 << 10), in_size - 1)});
    }
    return samples;
}

struct Q11Sample {
    int32_t low = 0;
    int32_t high = 0;
    int32_t alpha = 0;  // weight of `high`, in 1/2048
};

std::vector<Q11Sample> q11_samples(int32_t in_size, int32_t out_size, bool align_corners, bool half_pixel) {
    const int32_t adjust = align_corners && out_size != 1 ? 1 : 0;
    const float scale = static_cast<float>(in_size - adjust) / static_cast<float>(out_size - adjust);
    const float offset = 0.5f * scale - 0.5f;
    std::vector<Q11Sample> samples;
    for (int32_t o = 0; o < out_size; ++o) {
        float at = static_cast<float>(o) * scale;
        if (half_pixel) at = std::min(std::max(at + offset, 0.0f), static_cast<float>(in_size - 1));
        const auto low = static_cast<int32_t>(at);
        samples.push_back({low, std::min(low + 1, in_size - 1),
                           static_cast<int32_t>(static_cast<int16_t>(std::lrint((at - static_cast<float>(low)) * 2048.0f)))});
    }
    return samples;
}

void resize_float(const ResizeShape& s, const std::vector<FloatSample>& ys, const std::vector<FloatSample>& xs,
                  const float* in, float* out) {
    const int64_t depth = s.depth;
    auto pixel = [&](int32_t b, int32_t y, int32_t x) {
        return in + ((static_cast<int64_t>(b) * s.in_height + y) * s.in_width + x) * depth;
    };
    for (int32_t b = 0; b < s.batches; ++b)
        for (const FloatSample& y : ys) {
            const float dy = y.at - static_cast<float>(y.low);
            for (const FloatSample& x : xs) {
                const float dx = x.at - static_cast<float>(x.low);
                const float *p00 = pixel(b, y.low, x.low), *p10 = pixel(b, y.high, x.low);
                const float *p01 = pixel(b, y.low, x.high), *p11 = pixel(b, y.high, x.high);
                // The reference's operation order, so the floats agree to the last bit.
                for (int64_t c = 0; c < depth; ++c)
                    *out++ = p00[c] * (1 - dy) * (1 - dx) + p10[c] * dy * (1 - dx) + p01[c] * (1 - dy) * dx +
                             p11[c] * dy * dx;
            }
        }
}

template <class T>
void resize_integer(const ResizeShape& s, const std::vector<IntegerSample>& ys, const std::vector<IntegerSample>& xs,
                    const T* in, T* out) {
    const int64_t depth = s.depth;
    auto pixel = [&](int32_t b, int32_t y, int32_t x) {
        return in + ((static_cast<int64_t>(b) * s.in_height + y) * s.in_width + x) * depth;
    };
    constexpr int64_t one = 1 << 10;
    for (int32_t b = 0; b < s.batches; ++b)
        for (const IntegerSample& y : ys) {
            const int64_t dy = y.at - one * y.low;
            for (const IntegerSample& x : xs) {
                const int64_t dx = x.at - one * x.low;
                const T *p00 = pixel(b, y.low, x.low), *p10 = pixel(b, y.high, x.low);
                const T *p01 = pixel(b, y.low, x.high), *p11 = pixel(b, y.high, x.high);
                for (int64_t c = 0; c < depth; ++c) {
                    const int64_t sum = p00[c] * (one - dy) * (one - dx) + p10[c] * dy * (one - dx) +
                                        p01[c] * (one - dy) * dx + p11[c] * dy * dx;
                    const int64_t round = sum > 0 ? (1 << 19) : -(1 << 19);
                    *out++ = static_cast<T>((sum + round) / (1 << 20));
                }
            }
        }
}

template <class T>
void resize_q11(const ResizeShape& s, const std::vector<Q11Sample>& ys, const std::vector<Q11Sample>& xs, const T* in,
                T* out) {
    const int64_t depth = s.depth;
    auto pixel = [&](int32_t b, int32_t y, int32_t x) {
        return in + ((static_cast<int64_t>(b) * s.in_height + y) * s.in_width + x) * depth;
    };
    for (int32_t b = 0; b < s.batches; ++b)
        for (const Q11Sample& y : ys)
            for (const Q11Sample& x : xs) {
                const T *tl = pixel(b, y.low, x.low), *tr = pixel(b, y.low, x.high);
                const T *bl = pixel(b, y.high, x.low), *br = pixel(b, y.high, x.high);
                for (int64_t c = 0; c < depth; ++c) {
                    // Horizontal lerps in Q11, then the vertical one in Q22 (fits 32 bits for 8-bit values).
                    const int32_t top = tl[c] * 2048 + (tr[c] - tl[c]) * x.alpha;
                    const int32_t bottom = bl[c] * 2048 + (br[c] - bl[c]) * x.alpha;
                    const int32_t sum = top * 2048 + (bottom - top) * y.alpha;
                    *out++ = static_cast<T>((sum + (1 << 21)) >> 22);
                }
            }
}

template <class T>
std::unique_ptr<OpKernel> q11_kernel(const ResizeShape& s, bool align_corners, bool half_pixel) {
    return make_kernel([s, ys = q11_samples(s.in_height, s.out_height, align_corners, half_pixel),
                        xs = q11_samples(s.in_width, s.out_width, align_corners, half_pixel)](const OpContext& c) -> Status {
        resize_q11(s, ys, xs, c.input<T>(0), c.output<T>(0));
        return {};
    });
}

template <class T>
std::unique_ptr<OpKernel> integer_kernel(const ResizeShape& s, bool align_corners, bool half_pixel) {
    return make_kernel([s, ys = integer_samples(s.in_height, s.out_height, align_corners, half_pixel),
                        xs = integer_samples(s.in_width, s.out_width, align_corners, half_pixel)](const OpContext& c) -> Status {
        resize_integer(s, ys, xs, c.input<T>(0), c.output<T>(0));
        return {};
    });
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_resize_bilinear(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::ResizeBilinearOptionsT>();
    auto shape = prepare_resize_shape(ctx, options.align_corners, options.half_pixel_centers);
    if (!shape) return shape.error();
    const ResizeShape s = *shape;
    const bool align = options.align_corners, half = options.half_pixel_centers;
    switch (ctx.input(0).type) {
        case DType::kUInt8: return q11_kernel<uint8_t>(s, align, half);
        case DType::kInt8: return q11_kernel<int8_t>(s, align, half);
        case DType::kInt16: return integer_kernel<int16_t>(s, align, half);
        default: break;
    }
    return make_kernel([s, ys = float_samples(s.in_height, s.out_height, align, half),
                        xs = float_samples(s.in_width, s.out_width, align, half)](const OpContext& c) -> Status {
        resize_float(s, ys, xs, c.input<float>(0), c.output<float>(0));
        return {};
    });
}

}  // namespace litelab::layout
