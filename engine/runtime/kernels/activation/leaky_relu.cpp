// LEAKY_RELU: x for x >= 0, alpha * x below. Quantized, each branch has its own rescale
// (input scale, times alpha for the negative side, over the output scale).
//
// 8-bit tensors: LiteRT hands LEAKY_RELU to XNNPACK (its default CPU delegate) whenever
// XNNPACK accepts the scales, and XNNPACK rescales with 8-bit fixed-point multipliers, not
// TFLite's 31-bit ones: about one output in ten differs by 1. We compute what XNNPACK computes
// when it would take the operator, TFLite's reference arithmetic otherwise (and for int16).
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "runtime/kernels/activation/activation_common.h"
#include "runtime/kernels/activation/byte_table.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::activation {

namespace {

template <class T>
struct QuantizedLeakyRelu {
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
    QuantizedMultiplier identity;
    QuantizedMultiplier negative;  // may be negative: alpha < 0 is allowed

    int32_t operator()(int32_t value) const {
        const int32_t x = value - input_zero_point;
        const int32_t out = output_zero_point + multiply_by_quantized_multiplier(x, x >= 0 ? identity : negative);
        return std::clamp<int32_t>(out, std::numeric_limits<T>::min(), std::numeric_limits<T>::max());
    }
};

template <class T>
QuantizedLeakyRelu<T> quantized_leaky_relu(const PrepareContext& ctx, float alpha) {
    const QuantParams& in = ctx.input(0).quant;
    const QuantParams& out = ctx.output(0).quant;
    QuantizedLeakyRelu<T> r;
    r.input_zero_point = in.zero_point0();
    r.output_zero_point = out.zero_point0();
    // In float, as TFLite computes these ratios (the rounding of the multiplier depends on it).
    r.identity = quantize_multiplier(in.scale0() / out.scale0());
    r.negative = quantize_multiplier(in.scale0() * alpha / out.scale0());
    return r;
}

// XNNPACK's qs8/qu8 leaky ReLU: multipliers of 8 fractional bits, rounded half to even, and
// one rounding shift.
template <class T>
struct XnnpackLeakyRelu {
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
    int32_t positive = 0;
    int32_t negative = 0;

    int32_t operator()(int32_t value) const {
        const int32_t x = value - input_zero_point;
        const int32_t out = output_zero_point + ((x * (x >= 0 ? positive : negative) + 0x80) >> 8);
        return std::clamp<int32_t>(out, std::numeric_limits<T>::min(), std::numeric_limits<T>::max());
    }
};

// The XNNPACK version when XNNPACK accepts these scales (its own limits on the two ratios).
template <class T>
std::optional<XnnpackLeakyRelu<T>> xnnpack_leaky_relu(const PrepareContext& ctx, float alpha) {
    const float positive = ctx.input(0).quant.scale0() / ctx.output(0).quant.scale0();
    const float negative = positive * alpha;
    if (!std::isfinite(alpha) || positive < 0x1p-8f || positive > 0x1p+7f) return std::nullopt;
    if (negative < -0x1.FFFCp+6f || negative > 0x1p+7f || std::abs(negative) < 0x1p-8f) return std::nullopt;
    XnnpackLeakyRelu<T> r;
    r.input_zero_point = ctx.input(0).quant.zero_point0();
    r.output_zero_point = ctx.output(0).quant.zero_point0();
    r.positive = static_cast<int32_t>(std::lrint(256.0f * positive));
    r.negative = static_cast<int32_t>(std::lrint(256.0f * negative));
    return r;
}

template <class T>
std::unique_ptr<OpKernel> byte_leaky_relu(const PrepareContext& ctx, float alpha) {
    if (const auto xnnpack = xnnpack_leaky_relu<T>(ctx, alpha)) return make_byte_table_kernel(tabulate<T>(*xnnpack));
    return make_byte_table_kernel(tabulate<T>(quantized_leaky_relu<T>(ctx, alpha)));
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_leaky_relu(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    const float alpha = ctx.options_or_default<tflite::LeakyReluOptionsT>().alpha;
    const DType type = ctx.input(0).type;
    if (type == DType::kFloat32) {
        return make_kernel([alpha](const OpContext& c) -> Status {
            map_elements<float, float>(c, [&](float x) { return x > 0.0f ? x : x * alpha; });
            return {};
        });
    }
    if (type != DType::kInt8 && type != DType::kUInt8 && type != DType::kInt16)
        return ctx.unsupported(type_message("input", type));
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    if (type == DType::kInt8) return byte_leaky_relu<int8_t>(ctx, alpha);
    if (type == DType::kUInt8) return byte_leaky_relu<uint8_t>(ctx, alpha);
    if (ctx.input(0).quant.zero_point0() != 0 || ctx.output(0).quant.zero_point0() != 0)
        return ctx.unsupported("int16 with a zero point other than 0");
    const auto relu = quantized_leaky_relu<int16_t>(ctx, alpha);
    return make_kernel([relu](const OpContext& c) -> Status {
        map_elements<int16_t, int16_t>(c, [&](int16_t v) { return static_cast<int16_t>(relu(v)); });
        return {};
    });
}

}  // namespace litelab::activation
