// DIV: float (division by zero gives the activation bound, as in TFLite), int32 (truncating)
// and quantized uint8 and int8 (a fixed-point reciprocal of the divisor). Integer division by
// zero is an error when the operator runs, as in TFLite.
#include <algorithm>

#include "runtime/kernels/elementwise/elementwise_common.h"
#include "runtime/kernels/elementwise/quantized_arithmetic.h"

namespace litelab::elementwise {

namespace {

// A kernel that first checks that no divisor equals `zero` (0, or the divisor's zero point).
template <class T, class Fn>
std::unique_ptr<OpKernel> checked_division_kernel(const BroadcastPlan& plan, T zero, Fn fn) {
    auto divide = binary_kernel<T, T>(plan, fn);
    return make_kernel([divide = std::shared_ptr<OpKernel>(std::move(divide)), zero](const OpContext& c) -> Status {
        const T* divisor = c.input<T>(1);
        const int64_t n = c.input_info(1).elements();
        if (std::find(divisor, divisor + n, zero) != divisor + n)
            return make_error(ErrorCode::kInvalid, "DIV: division by zero");
        return divide->run(c);
    });
}

template <class T>
std::unique_ptr<OpKernel> quantized_kernel(const BroadcastPlan& plan, const DivParams& p) {
    return checked_division_kernel<T>(plan, static_cast<T>(-p.input2_offset),
                                      [p](T a, T b) { return static_cast<T>(quantized_div(a, b, p)); });
}

Result<std::unique_ptr<OpKernel>> prepare_div(PrepareContext& ctx) {
    const auto act = ctx.options_or_default<tflite::DivOptionsT>().fused_activation_function;
    LITELAB_TRY(check_activation(ctx, act));
    auto plan = prepare_binary(ctx);
    if (!plan) return plan.error();
    const DType type = ctx.input(0).type;
    switch (type) {
        case DType::kFloat32: {
            const FloatRange r = float_activation_range(act);
            return binary_kernel<float, float>(*plan, [r](float a, float b) { return clamp_activation(a / b, r.min, r.max); });
        }
        case DType::kInt32: {
            const auto [lo, hi] = integer_activation_range<int32_t>(act);
            return checked_division_kernel<int32_t>(*plan, 0, [lo, hi](int32_t a, int32_t b) {
                // INT32_MIN / -1 overflows; two's complement wraps it to INT32_MIN.
                const int32_t q = b == -1 ? wrapping_sub(int32_t{0}, a) : a / b;
                return clamp_activation(q, lo, hi);
            });
        }
        case DType::kUInt8:
        case DType::kInt8: break;
        default: return ctx.unsupported(type_message("input type", type));
    }
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input 1"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(1), "input 2"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    const DivParams p = make_div_params(ctx.input(0).quant, ctx.input(1).quant, ctx.output(0).quant,
                                        quantized_activation_range(act, type, ctx.output(0).quant));
    if (type == DType::kUInt8) return quantized_kernel<uint8_t>(*plan, p);
    return quantized_kernel<int8_t>(*plan, p);
}

}  // namespace

void register_div_kernels(KernelRegistry& registry) { registry.add(tflite::BuiltinOperator_DIV, prepare_div); }

}  // namespace litelab::elementwise
