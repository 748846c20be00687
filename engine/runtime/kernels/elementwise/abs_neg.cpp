// ABS and NEG. ABS: float, int32, and int8/int16 rescaled from the input's to the output's
// quantization (int16 without quantization as plain integers). NEG: float, int32, int64, and
// int8/int16 negated as stored values, as TFLite does (it does not look at the quantization).
#include <algorithm>
#include <cmath>

#include "runtime/kernels/elementwise/elementwise_common.h"

namespace litelab::elementwise {

namespace {

struct QuantizedAbsParams {
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
    bool rescale = false;  // only when the scales differ, as in TFLite
    QuantizedMultiplier multiplier;
};

template <class T>
std::unique_ptr<OpKernel> quantized_abs_kernel(const QuantizedAbsParams& p) {
    return unary_kernel<T, T>([p](T x) {
        constexpr int32_t lo = std::numeric_limits<T>::min();
        constexpr int32_t hi = std::numeric_limits<T>::max();
        const int32_t value = std::abs(x - p.input_zero_point);
        const int32_t out = (p.rescale ? multiply_by_quantized_multiplier(value, p.multiplier) : value) + p.output_zero_point;
        return static_cast<T>(std::clamp(out, lo, hi));
    });
}

Result<std::unique_ptr<OpKernel>> prepare_abs(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    const DType type = ctx.input(0).type;
    switch (type) {
        case DType::kFloat32: return unary_kernel<float, float>([](float x) { return std::abs(x); });
        case DType::kInt32:
            return unary_kernel<int32_t, int32_t>([](int32_t x) { return x < 0 ? wrapping_sub(int32_t{0}, x) : x; });
        case DType::kInt16:
            if (ctx.input(0).quant.empty())
                return unary_kernel<int16_t, int16_t>([](int16_t x) { return static_cast<int16_t>(std::abs(int32_t{x})); });
            break;
        case DType::kInt8: break;
        default: return ctx.unsupported(type_message("input type", type));
    }
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    QuantizedAbsParams p;
    p.input_zero_point = ctx.input(0).quant.zero_point0();
    p.output_zero_point = ctx.output(0).quant.zero_point0();
    if (type == DType::kInt16 && (p.input_zero_point != 0 || p.output_zero_point != 0))
        return ctx.unsupported("int16 with zero points other than 0");
    const float in_scale = ctx.input(0).quant.scale0();
    const float out_scale = ctx.output(0).quant.scale0();
    p.rescale = in_scale != out_scale;
    p.multiplier = quantize_multiplier(in_scale / out_scale);
    if (type == DType::kInt8) return quantized_abs_kernel<int8_t>(p);
    return quantized_abs_kernel<int16_t>(p);
}

template <class T>
std::unique_ptr<OpKernel> integer_neg_kernel() {
    return unary_kernel<T, T>([](T x) { return wrapping_sub(T{0}, x); });
}

Result<std::unique_ptr<OpKernel>> prepare_neg(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    switch (const DType type = ctx.input(0).type) {
        case DType::kFloat32: return unary_kernel<float, float>([](float x) { return -x; });
        case DType::kInt8: return integer_neg_kernel<int8_t>();
        case DType::kInt16: return integer_neg_kernel<int16_t>();
        case DType::kInt32: return integer_neg_kernel<int32_t>();
        case DType::kInt64: return integer_neg_kernel<int64_t>();
        default: return ctx.unsupported(type_message("input type", type));
    }
}

}  // namespace

void register_abs_neg_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_ABS, prepare_abs);
    registry.add(tflite::BuiltinOperator_NEG, prepare_neg);
}

}  // namespace litelab::elementwise
