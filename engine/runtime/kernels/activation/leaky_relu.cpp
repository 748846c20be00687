// LEAKY_RELU: x for x >= 0, alpha * x below. Quantized, each branch has its own rescale
// (input scale, times alpha for the negative side, over the output scale).
#include <algorithm>
#include <limits>

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
    if (type == DType::kInt8) return make_byte_table_kernel(tabulate<int8_t>(quantized_leaky_relu<int8_t>(ctx, alpha)));
    if (type == DType::kUInt8)
        return make_byte_table_kernel(tabulate<uint8_t>(quantized_leaky_relu<uint8_t>(ctx, alpha)));
    if (ctx.input(0).quant.zero_point0() != 0 || ctx.output(0).quant.zero_point0() != 0)
        return ctx.unsupported("int16 with a zero point other than 0");
    const auto relu = quantized_leaky_relu<int16_t>(ctx, alpha);
    return make_kernel([relu](const OpContext& c) -> Status {
        map_elements<int16_t, int16_t>(c, [&](int16_t v) { return static_cast<int16_t>(relu(v)); });
        return {};
    });
}

}  // namespace litelab::activation
