#include "runtime/kernels/conv/conv_2d_kernels.h"

#include <algorithm>
#include <type_traits>
#include <vector>

#include "runtime/kernels/conv/conv_accumulate.h"
#include "runtime/kernels/conv/conv_gemm.h"
#include "runtime/kernels/conv/conv_path.h"
#include "runtime/kernels/conv/conv_quant.h"
#include "runtime/kernels/conv/conv_tiles.h"
#include "runtime/kernels/conv/hybrid_quantize.h"
#include "runtime/kernels/conv/int16_gemm_packed.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::conv {

namespace {

// Tiles hold about this many patch values (im2col) and accumulators: small enough to stay in
// cache, large enough for the GEMM to amortise packing the filters.
constexpr int64_t kTileElements = int64_t{1} << 16;

// How a CONV_2D kernel cuts its output pixels into tiles, and where each task's scratch is.
struct Tiling {
    bool fast = false;
    int tasks = 1;
    int64_t tile = 1;
    size_t slices_offset = 0;  // the first task's slice in the scratch buffer
    size_t slice_bytes = 0;
    size_t cols_offset = 0;  // im2col rows, within a slice
    size_t acc_offset = 0;   // accumulators, within a slice

    size_t slice(int task) const { return slices_offset + static_cast<size_t>(task) * slice_bytes; }
};

Tiling plan_tiling(const PrepareContext& ctx, const ConvShape& s, bool fast, size_t col_bytes, size_t acc_bytes,
                   ScratchPlan& plan) {
    Tiling t;
    t.fast = fast;
    t.tasks = std::max(1, ctx.pool().threads());
    const int64_t per_pixel = std::max<int64_t>({1, s.patch(), s.out_c});
    t.tile = std::clamp<int64_t>(kTileElements / per_pixel, 4, 1024);
    ScratchPlan slice;
    // Integer rows are padded to the GEMM's depth step; float rows use the first patch() values.
    if (col_bytes) t.cols_offset = slice.add(static_cast<size_t>(t.tile * padded_depth(s.patch())) * col_bytes);
    if (acc_bytes) t.acc_offset = slice.add(static_cast<size_t>(t.tile * s.out_c) * acc_bytes);
    t.slice_bytes = slice.bytes();
    t.slices_offset = plan.add(t.slice_bytes * static_cast<size_t>(t.tasks));
    return t;
}

int64_t multiply_accumulates(const ConvShape& s) {
    return s.out_pixels() * s.out_c * s.patch();
}

// The filter as int16 with its offset added, packed for the integer GEMM.
std::shared_ptr<const PackedInt16Filters> packed_filter(const PrepareContext& ctx, const ConvShape& s,
                                                        int32_t filter_offset) {
    const bool is_uint8 = ctx.input(1).type == DType::kUInt8;
    const auto u8 = ctx.constant<uint8_t>(1);
    const auto i8 = ctx.constant<int8_t>(1);
    return std::make_shared<const PackedInt16Filters>(
        pack_int16_filters(s.out_c, s.patch(), [&](int64_t oc, int64_t k) {
            const auto i = static_cast<size_t>(oc * s.patch() + k);
            const int32_t w = is_uint8 ? int32_t{u8[i]} : int32_t{i8[i]};
            return static_cast<int16_t>(w + filter_offset);
        }));
}

template <class In, class W, class Acc, class Bias>
std::unique_ptr<OpKernel> quantized_conv(PrepareContext& ctx, const Conv2dSetup& setup, Requantization rq) {
    const ConvShape s = setup.shape;
    const int32_t input_offset = -ctx.input(0).quant.zero_point0();
    // Not const: a constant zero (int8 weights) would need no capture, and clang says so.
    int32_t filter_offset = std::is_same_v<W, uint8_t> ? -ctx.input(1).quant.zero_point0() : 0;
    // The GEMM multiplies int16 pairs into int32: 8-bit activations only (16x8 needs int64 sums).
    constexpr bool kGemmable = sizeof(In) == 1 && std::is_same_v<Acc, int32_t>;
    const bool fast = kGemmable && s.groups() == 1 && ctx.is_constant(1) && use_fast_path(multiply_accumulates(s));
    ScratchPlan plan;
    const Tiling t = plan_tiling(ctx, s, fast, fast ? sizeof(int16_t) : 0, sizeof(Acc), plan);
    ctx.request_scratch(plan.bytes());
    auto packed = fast ? packed_filter(ctx, s, filter_offset) : nullptr;
    return make_kernel([s, t, rq = std::move(rq), packed, input_offset, filter_offset,
                        has_bias = setup.has_bias](const OpContext& c) -> Status {
        const In* input = c.input<In>(0);
        const W* filter = c.input<W>(1);
        const Bias* bias = has_bias ? c.input<Bias>(2) : nullptr;
        In* output = c.output<In>(0);
        const std::span<uint8_t> scratch = c.scratch();
        run_tiles(c.pool(), t.tasks, s.out_pixels(), t.tile, [&](int task, int64_t begin, int64_t end) {
            Acc* acc = scratch_at<Acc>(scratch, t.slice(task) + t.acc_offset);
            if constexpr (kGemmable) {
                if (t.fast) {
                    int16_t* cols = scratch_at<int16_t>(scratch, t.slice(task) + t.cols_offset);
                    const int64_t depth = padded_depth(s.patch());
                    im2col(s, input, InputOffset{input_offset}, begin, end, cols, depth);
                    gemm_nt(cols, end - begin, *packed, acc);
                }
            }
            if (!t.fast) accumulate_direct(s, input, filter, InputOffset{input_offset}, filter_offset, begin, end, acc);
            In* out = output + begin * s.out_c;
            for (int64_t pixel = begin; pixel < end; ++pixel, acc += s.out_c, out += s.out_c)
                rq.apply_pixel(acc, bias, out, s.out_c);
        });
        return {};
    });
}

}  // namespace

Result<std::unique_ptr<OpKernel>> make_float_conv(PrepareContext& ctx, const Conv2dSetup& setup) {
    const ConvShape s = setup.shape;
    const bool fast = s.groups() == 1 && use_fast_path(multiply_accumulates(s));
    const bool rows_are_patches = fast && patches_are_input_rows(s);
    ScratchPlan plan;
    // The accumulators are the output itself.
    const Tiling t = plan_tiling(ctx, s, fast, fast && !rows_are_patches ? sizeof(float) : 0, 0, plan);
    ctx.request_scratch(plan.bytes());
    const FloatRange range = float_activation_range(setup.activation);
    return make_kernel([s, t, range, rows_are_patches, has_bias = setup.has_bias](const OpContext& c) -> Status {
        const float* input = c.input<float>(0);
        const float* filter = c.input<float>(1);
        const float* bias = has_bias ? c.input<float>(2) : nullptr;
        float* output = c.output<float>(0);
        const std::span<uint8_t> scratch = c.scratch();
        run_tiles(c.pool(), t.tasks, s.out_pixels(), t.tile, [&](int task, int64_t begin, int64_t end) {
            float* acc = output + begin * s.out_c;
            if (t.fast) {
                const float* cols = input + begin * s.in_c;
                if (!rows_are_patches) {
                    float* buffer = scratch_at<float>(scratch, t.slice(task) + t.cols_offset);
                    im2col(s, input, InputOffset{}, begin, end, buffer, s.patch());
                    cols = buffer;
                }
                gemm_nt(cols, end - begin, s.patch(), filter, s.out_c, acc);
            } else {
                accumulate_direct(s, input, filter, InputOffset{}, 0, begin, end, acc);
            }
            // Pixel by pixel: a channel index by division (i % out_c) would cost more than the GEMM.
            for (int64_t pixel = begin; pixel < end; ++pixel, acc += s.out_c) {
                for (int oc = 0; oc < s.out_c; ++oc) {
                    const float value = acc[oc] + (bias ? bias[oc] : 0.0f);
                    acc[oc] = std::min(std::max(value, range.min), range.max);
                }
            }
        });
        return {};
    });
}

Result<std::unique_ptr<OpKernel>> make_quantized_conv(PrepareContext& ctx, const Conv2dSetup& setup) {
    Requantization rq =
        conv_requantization(ctx.input(0), ctx.input(1), ctx.output(0), setup.shape.out_c, setup.activation);
    switch (ctx.input(0).type) {
        case DType::kInt8:
            return quantized_conv<int8_t, int8_t, int32_t, int32_t>(ctx, setup, std::move(rq));
        case DType::kUInt8:
            return quantized_conv<uint8_t, uint8_t, int32_t, int32_t>(ctx, setup, std::move(rq));
        case DType::kInt16:
            // TFLite accumulates in the bias type (int64 unless the model asks for int32).
            if (setup.has_bias && ctx.input(2).type == DType::kInt32)
                return quantized_conv<int16_t, int8_t, int32_t, int32_t>(ctx, setup, std::move(rq));
            return quantized_conv<int16_t, int8_t, int64_t, int64_t>(ctx, setup, std::move(rq));
        default:
            return ctx.unsupported("input type " + std::string(dtype_name(ctx.input(0).type)));
    }
}

Result<std::unique_ptr<OpKernel>> make_hybrid_conv(PrepareContext& ctx, const Conv2dSetup& setup) {
    const ConvShape s = setup.shape;
    // TFLite quantizes each batch item asymmetrically when the filter has distinct channel
    // scales (or groups), symmetrically with the one filter scale otherwise.
    const bool per_channel = has_distinct_channel_scales(ctx.input(1)) || s.groups() != 1;
    const std::vector<float> scales = channel_scales(ctx.input(1), s.out_c);
    const float filter_scale = ctx.input(1).quant.scale0();
    const bool fast = s.groups() == 1 && ctx.is_constant(1) && use_fast_path(multiply_accumulates(s));

    ScratchPlan plan;
    const int64_t item = int64_t{s.in_h} * s.in_w * s.in_c;
    const size_t quantized_offset = plan.add(static_cast<size_t>(item * s.batches));
    const size_t factors_offset = plan.add(sizeof(float) * static_cast<size_t>(s.batches));
    const size_t offsets_offset = plan.add(sizeof(int32_t) * static_cast<size_t>(s.batches));
    const Tiling t = plan_tiling(ctx, s, fast, fast ? sizeof(int16_t) : 0, sizeof(int32_t), plan);
    ctx.request_scratch(plan.bytes());
    auto packed = fast ? packed_filter(ctx, s, 0) : nullptr;
    const FloatRange range = float_activation_range(setup.activation);

    return make_kernel([=, has_bias = setup.has_bias](const OpContext& c) -> Status {
        const float* input = c.input<float>(0);
        const int8_t* filter = c.input<int8_t>(1);
        const float* bias = has_bias ? c.input<float>(2) : nullptr;
        float* output = c.output<float>(0);
        const std::span<uint8_t> scratch = c.scratch();
        int8_t* quantized = scratch_at<int8_t>(scratch, quantized_offset);
        float* factors = scratch_at<float>(scratch, factors_offset);
        int32_t* offsets = scratch_at<int32_t>(scratch, offsets_offset);
        for (int b = 0; b < s.batches; ++b) {
            const std::span<const float> values(input + b * item, static_cast<size_t>(item));
            if (per_channel) {
                const AsymmetricQuantization q = asymmetric_quantize(values, quantized + b * item);
                factors[b] = q.scale;
                offsets[b] = -q.zero_point;
            } else {
                factors[b] = symmetric_quantize(values, quantized + b * item) * filter_scale;
                offsets[b] = 0;
            }
        }
        const InputOffset input_offset{0, offsets};
        const int64_t image_pixels = int64_t{s.out_h} * s.out_w;
        run_tiles(c.pool(), t.tasks, s.out_pixels(), t.tile, [&](int task, int64_t begin, int64_t end) {
            int32_t* acc = scratch_at<int32_t>(scratch, t.slice(task) + t.acc_offset);
            if (t.fast) {
                int16_t* cols = scratch_at<int16_t>(scratch, t.slice(task) + t.cols_offset);
                const int64_t depth = padded_depth(s.patch());
                im2col(s, quantized, input_offset, begin, end, cols, depth);
                gemm_nt(cols, end - begin, *packed, acc);
            } else {
                accumulate_direct(s, quantized, filter, input_offset, 0, begin, end, acc);
            }
            for (int64_t p = begin; p < end; ++p) {
                const float factor = factors[p / image_pixels];
                const int32_t* a = acc + (p - begin) * s.out_c;
                float* out = output + p * s.out_c;
                for (int oc = 0; oc < s.out_c; ++oc) {
                    // The reference's order: (acc * channel scale) * batch factor.
                    float value = per_channel ? static_cast<float>(a[oc]) * scales[static_cast<size_t>(oc)] * factor
                                              : static_cast<float>(a[oc]) * factor;
                    if (bias) value += bias[oc];
                    out[oc] = std::min(std::max(value, range.min), range.max);
                }
            }
        });
        return {};
    });
}

}  // namespace litelab::conv
