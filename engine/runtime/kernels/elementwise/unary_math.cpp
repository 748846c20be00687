// SQRT, RSQRT, EXP and LOG. Float for all; quantized int8 and int16 as TFLite computes them:
// lookup tables for EXP, LOG and int16 RSQRT, fixed-point Newton-Raphson for int8 RSQRT.
// RSQRT of a negative quantized value is an error when the operator runs, as in TFLite.
#include <algorithm>
#include <cmath>

#include "runtime/kernels/elementwise/elementwise_common.h"
#include "runtime/kernels/elementwise/lookup_table.h"
#include "runtime/kernels/elementwise/quantized_arithmetic.h"
#include "runtime/quant/inverse_sqrt.h"

namespace litelab::elementwise {

namespace {

Status require_quantized(const PrepareContext& ctx, bool symmetric) {
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    if (symmetric && (ctx.input(0).quant.zero_point0() != 0 || ctx.output(0).quant.zero_point0() != 0))
        return ctx.unsupported("int16 with zero points other than 0");
    return {};
}

// A kernel mapping every value through a table built by `make_lut8` / `make_lut16`.
std::unique_ptr<OpKernel> lut_kernel(const PrepareContext& ctx, const FloatFunction& f) {
    const QuantParams& in = ctx.input(0).quant;
    const QuantParams& out = ctx.output(0).quant;
    if (ctx.input(0).type == DType::kInt8) {
        const auto lut = make_lut8<int8_t>(in.scale0(), in.zero_point0(), out.scale0(), out.zero_point0(), f);
        return unary_kernel<int8_t, int8_t>([lut](int8_t x) { return lut_lookup(x, lut); });
    }
    const auto lut = make_lut16(in.scale0(), in.zero_point0(), out.scale0(), out.zero_point0(), f);
    return unary_kernel<int16_t, int16_t>([lut](int16_t x) { return lut_lookup(x, lut.data()); });
}

// Fails when an input is below `zero_point`, then runs `inner`.
template <class T>
std::unique_ptr<OpKernel> non_negative_kernel(std::unique_ptr<OpKernel> inner, T zero_point) {
    return make_kernel([inner = std::shared_ptr<OpKernel>(std::move(inner)), zero_point](const OpContext& c) -> Status {
        const T* in = c.input<T>(0);
        const int64_t n = c.input_info(0).elements();
        if (std::any_of(in, in + n, [zero_point](T x) { return x < zero_point; }))
            return make_error(ErrorCode::kInvalid, "RSQRT of a negative value");
        return inner->run(c);
    });
}

Result<std::unique_ptr<OpKernel>> prepare_sqrt(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    if (ctx.input(0).type != DType::kFloat32) return ctx.unsupported(type_message("input type", ctx.input(0).type));
    return unary_kernel<float, float>([](float x) { return std::sqrt(x); });
}

// int8 RSQRT: 1/sqrt of the offset input by fixed-point Newton-Raphson (kept 20 bits up), then
// scaled by 1 / (sqrt(s_in) * s_out).
struct Int8RsqrtParams {
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
    QuantizedMultiplier output;
};

int8_t int8_rsqrt(int8_t x, const Int8RsqrtParams& p) {
    constexpr int kShift = 20;
    const int32_t value = x - p.input_zero_point;
    // TFLite's answer for the value closest to 0.
    if (value == 0) return 127;
    const QuantizedMultiplier inverse = inverse_sqrt_multiplier(value);
    const int32_t scaled = multiply_by_quantized_multiplier(1, inverse.multiplier, inverse.shift + kShift);
    const int32_t out =
        multiply_by_quantized_multiplier(scaled, p.output.multiplier, p.output.shift - kShift) + p.output_zero_point;
    return static_cast<int8_t>(std::clamp(out, -128, 127));
}

Result<std::unique_ptr<OpKernel>> prepare_rsqrt(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    switch (ctx.input(0).type) {
        case DType::kFloat32: return unary_kernel<float, float>([](float x) { return 1.f / std::sqrt(x); });
        case DType::kInt8: {
            LITELAB_TRY(require_quantized(ctx, false));
            Int8RsqrtParams p;
            p.input_zero_point = ctx.input(0).quant.zero_point0();
            p.output_zero_point = ctx.output(0).quant.zero_point0();
            const float in_scale = ctx.input(0).quant.scale0();
            p.output = quantize_multiplier(1. / (std::sqrt(in_scale) * ctx.output(0).quant.scale0()));
            return non_negative_kernel<int8_t>(unary_kernel<int8_t, int8_t>([p](int8_t x) { return int8_rsqrt(x, p); }),
                                               static_cast<int8_t>(p.input_zero_point));
        }
        case DType::kInt16: {
            LITELAB_TRY(require_quantized(ctx, true));
            const float out_scale = ctx.output(0).quant.scale0();
            // Non-positive inputs map to the largest output, as in TFLite's table.
            auto kernel = lut_kernel(ctx, [out_scale](float v) {
                return v <= 0.0f ? 32767 * out_scale : 1.0f / std::sqrt(v);
            });
            return non_negative_kernel<int16_t>(std::move(kernel), 0);
        }
        default: return ctx.unsupported(type_message("input type", ctx.input(0).type));
    }
}

Result<std::unique_ptr<OpKernel>> prepare_exp(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    switch (ctx.input(0).type) {
        case DType::kFloat32: return unary_kernel<float, float>([](float x) { return std::exp(x); });
        case DType::kInt8:
        case DType::kInt16:
            LITELAB_TRY(require_quantized(ctx, false));
            return lut_kernel(ctx, [](float v) { return std::exp(v); });
        default: return ctx.unsupported(type_message("input type", ctx.input(0).type));
    }
}

Result<std::unique_ptr<OpKernel>> prepare_log(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    const DType type = ctx.input(0).type;
    switch (type) {
        case DType::kFloat32: return unary_kernel<float, float>([](float x) { return std::log(x); });
        case DType::kInt8:
        case DType::kInt16: {
            LITELAB_TRY(require_quantized(ctx, type == DType::kInt16));
            // log of a non-positive value is the smallest output, as in TFLite's table.
            const QuantParams& out = ctx.output(0).quant;
            const float output_min =
                static_cast<float>(integer_type_range(type).min - out.zero_point0()) * out.scale0();
            return lut_kernel(ctx, [output_min](float v) { return v <= 0.0f ? output_min : std::log(v); });
        }
        default: return ctx.unsupported(type_message("input type", type));
    }
}

}  // namespace

void register_unary_math_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_SQRT, prepare_sqrt);
    registry.add(tflite::BuiltinOperator_RSQRT, prepare_rsqrt);
    registry.add(tflite::BuiltinOperator_EXP, prepare_exp);
    registry.add(tflite::BuiltinOperator_LOG, prepare_log);
}

}  // namespace litelab::elementwise
