// MAX_POOL_2D, AVERAGE_POOL_2D and L2_POOL_2D over NHWC tensors (TFLite's pooling.cc with the
// reference kernels of reference/pooling.h and reference/integer_ops/pooling.h).
#include "runtime/kernels/pooling/pooling.h"

#include <cmath>
#include <limits>
#include <string>

#include "runtime/kernels/pooling/pool_loop.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::pooling {

namespace {

enum class PoolKind { kMax, kAverage, kL2 };

Result<PoolGeometry> prepare_geometry(PrepareContext& ctx, const tflite::Pool2DOptionsT& options) {
    if (ctx.num_inputs() != 1 || ctx.num_outputs() != 1 || !ctx.has_input(0))
        return ctx.invalid("pooling needs one input and one output");
    const TensorInfo& in = ctx.input(0);
    if (in.rank() != 4) return ctx.unsupported("input of rank " + std::to_string(in.rank()) + " (NHWC needed)");
    if (options.stride_h <= 0 || options.stride_w <= 0 || options.filter_height <= 0 || options.filter_width <= 0)
        return ctx.invalid("strides and filter sizes must be positive");
    PoolGeometry g;
    g.batches = in.dim(0);
    g.in_height = in.dim(1);
    g.in_width = in.dim(2);
    g.channels = in.dim(3);
    g.stride_height = options.stride_h;
    g.stride_width = options.stride_w;
    g.filter_height = options.filter_height;
    g.filter_width = options.filter_width;
    g.out_height = pool_output_size(options.padding, g.in_height, g.filter_height, g.stride_height);
    g.out_width = pool_output_size(options.padding, g.in_width, g.filter_width, g.stride_width);
    if (g.out_height <= 0 || g.out_width <= 0) return ctx.invalid("the filter is larger than the input");
    g.pad_top = pool_padding_before(g.in_height, g.filter_height, g.stride_height, g.out_height);
    g.pad_left = pool_padding_before(g.in_width, g.filter_width, g.stride_width, g.out_width);
    ctx.output(0).shape = {g.batches, g.out_height, g.out_width, g.channels};
    return g;
}

// Float kernels: window folds in float, then the fused activation's clamp.
Result<std::unique_ptr<OpKernel>> float_pool(PoolKind kind, const PoolGeometry& g, FloatRange range) {
    const float lo = range.min;
    const float hi = range.max;
    auto clamp = [lo, hi](float v) { return std::min(std::max(v, lo), hi); };
    switch (kind) {
        case PoolKind::kMax:
            return make_kernel([g, clamp](const OpContext& c) -> Status {
                pool_2d(
                    g, c.input<float>(0), c.output<float>(0), c.pool(), std::numeric_limits<float>::lowest(),
                    [](float a, float v) { return std::max(a, v); }, [clamp](float a, int32_t) { return clamp(a); });
                return {};
            });
        case PoolKind::kAverage:
            return make_kernel([g, clamp](const OpContext& c) -> Status {
                pool_2d(
                    g, c.input<float>(0), c.output<float>(0), c.pool(), 0.0f, [](float a, float v) { return a + v; },
                    [clamp](float a, int32_t n) { return clamp(a / static_cast<float>(n)); });
                return {};
            });
        case PoolKind::kL2:
            return make_kernel([g, clamp](const OpContext& c) -> Status {
                pool_2d(
                    g, c.input<float>(0), c.output<float>(0), c.pool(), 0.0f,
                    [](float a, float v) { return a + v * v; },
                    [clamp](float a, int32_t n) { return clamp(std::sqrt(a / static_cast<float>(n))); });
                return {};
            });
    }
    return make_error(ErrorCode::kInvalid, "unknown pooling kind");
}

// Integer kernels compute in the input's quantization, which the output shares.
template <class T>
std::unique_ptr<OpKernel> integer_pool(PoolKind kind, const PoolGeometry& g, ActivationRange range) {
    const int32_t lo = range.min;
    const int32_t hi = range.max;
    if (kind == PoolKind::kMax) {
        return make_kernel([g, lo, hi](const OpContext& c) -> Status {
            pool_2d(
                g, c.input<T>(0), c.output<T>(0), c.pool(), int32_t{std::numeric_limits<T>::lowest()},
                [](int32_t a, T v) { return std::max<int32_t>(a, v); },
                [lo, hi](int32_t a, int32_t) { return static_cast<T>(std::min(std::max(a, lo), hi)); });
            return {};
        });
    }
    return make_kernel([g, lo, hi](const OpContext& c) -> Status {
        pool_2d(
            g, c.input<T>(0), c.output<T>(0), c.pool(), int32_t{0}, [](int32_t a, T v) { return a + v; },
            [lo, hi](int32_t sum, int32_t n) {
                // Rounds half away from zero, like the reference's integer division.
                const int32_t mean = sum > 0 ? (sum + n / 2) / n : (sum - n / 2) / n;
                return static_cast<T>(std::min(std::max(mean, lo), hi));
            });
        return {};
    });
}

Result<std::unique_ptr<OpKernel>> prepare_pool(PrepareContext& ctx, PoolKind kind) {
    const auto options = ctx.options_or_default<tflite::Pool2DOptionsT>();
    auto geometry = prepare_geometry(ctx, options);
    if (!geometry) return geometry.error();
    const TensorInfo& in = ctx.input(0);
    const TensorInfo& out = ctx.output(0);
    if (in.type != out.type)
        return ctx.unsupported(std::string(dtype_name(in.type)) + " input with " + std::string(dtype_name(out.type)) +
                               " output");
    const auto activation = options.fused_activation_function;
    if (activation != tflite::ActivationFunctionType_NONE && activation != tflite::ActivationFunctionType_RELU &&
        activation != tflite::ActivationFunctionType_RELU6 && activation != tflite::ActivationFunctionType_RELU_N1_TO_1)
        return ctx.unsupported("fused activation " + std::string(tflite::EnumNameActivationFunctionType(activation)));

    if (in.type == DType::kFloat32) return float_pool(kind, *geometry, float_activation_range(activation));
    if (kind == PoolKind::kL2)
        return ctx.unsupported("L2_POOL_2D of type " + std::string(dtype_name(in.type)));
    if (in.type != DType::kInt8 && in.type != DType::kUInt8 && in.type != DType::kInt16)
        return ctx.unsupported("input type " + std::string(dtype_name(in.type)));
    if (in.quant.empty() || out.quant.empty()) return ctx.invalid("quantized pooling needs quantization parameters");
    if (std::abs(in.quant.scale0() - out.quant.scale0()) > 1e-6f || in.quant.zero_point0() != out.quant.zero_point0())
        return ctx.unsupported("output quantization different from the input's");
    const ActivationRange range = quantized_activation_range(activation, out.type, out.quant);
    switch (in.type) {
        case DType::kInt8:
            return integer_pool<int8_t>(kind, *geometry, range);
        case DType::kUInt8:
            return integer_pool<uint8_t>(kind, *geometry, range);
        default:
            return integer_pool<int16_t>(kind, *geometry, range);
    }
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_max_pool_2d(PrepareContext& ctx) {
    return prepare_pool(ctx, PoolKind::kMax);
}
Result<std::unique_ptr<OpKernel>> prepare_average_pool_2d(PrepareContext& ctx) {
    return prepare_pool(ctx, PoolKind::kAverage);
}
Result<std::unique_ptr<OpKernel>> prepare_l2_pool_2d(PrepareContext& ctx) {
    return prepare_pool(ctx, PoolKind::kL2);
}

}  // namespace litelab::pooling
