// MUL: float, int32, int64, int16 without quantization, and quantized uint8, int8 and int16
// (zero points of 0) with TFLite's single output multiplier.
#include "runtime/kernels/elementwise/elementwise_common.h"
#include "runtime/kernels/elementwise/quantized_arithmetic.h"

namespace litelab::elementwise {

namespace {

template <class T>
std::unique_ptr<OpKernel> integer_kernel(const BroadcastPlan& plan, tflite::ActivationFunctionType act) {
    const auto [lo, hi] = integer_activation_range<T>(act);
    return binary_kernel<T, T>(plan, [lo, hi](T a, T b) { return clamp_activation(wrapping_mul(a, b), lo, hi); });
}

template <class T>
std::unique_ptr<OpKernel> quantized_kernel(const BroadcastPlan& plan, const MulParams& p) {
    return binary_kernel<T, T>(plan, [p](T a, T b) { return static_cast<T>(quantized_mul(a, b, p)); });
}

Result<std::unique_ptr<OpKernel>> prepare_mul(PrepareContext& ctx) {
    const auto act = ctx.options_or_default<tflite::MulOptionsT>().fused_activation_function;
    LITELAB_TRY(check_activation(ctx, act));
    auto plan = prepare_binary(ctx);
    if (!plan) return plan.error();
    const DType type = ctx.input(0).type;
    switch (type) {
        case DType::kFloat32: {
            const FloatRange r = float_activation_range(act);
            return binary_kernel<float, float>(*plan, [r](float a, float b) { return clamp_activation(a * b, r.min, r.max); });
        }
        case DType::kInt32: return integer_kernel<int32_t>(*plan, act);
        case DType::kInt64: return integer_kernel<int64_t>(*plan, act);
        case DType::kInt16:
            // TFLite multiplies int16 tensors without quantization as plain integers.
            if (ctx.output(0).quant.empty()) return integer_kernel<int16_t>(*plan, act);
            break;
        case DType::kUInt8:
        case DType::kInt8: break;
        default: return ctx.unsupported(type_message("input type", type));
    }

    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input 1"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(1), "input 2"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    MulParams p = make_mul_params(ctx.input(0).quant, ctx.input(1).quant, ctx.output(0).quant,
                                        quantized_activation_range(act, type, ctx.output(0).quant));
    switch (type) {
        case DType::kUInt8: return quantized_kernel<uint8_t>(*plan, p);
        case DType::kInt8: return quantized_kernel<int8_t>(*plan, p);
        default:
            // The int16 product of offset values would overflow 32 bits: TFLite requires symmetric tensors.
            if (p.input1_offset != 0 || p.input2_offset != 0 || p.output_offset != 0)
                return ctx.unsupported("int16 with zero points other than 0");
            p.round_once = false;
            return quantized_kernel<int16_t>(*plan, p);
    }
}

}  // namespace

void register_mul_kernels(KernelRegistry& registry) { registry.add(tflite::BuiltinOperator_MUL, prepare_mul); }

}  // namespace litelab::elementwise
