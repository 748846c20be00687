// ADD and SUB: float, int32, int64, and quantized uint8, int8 and int16 (TFLite's general
// rescaling path, or its power-of-two path for int16 when the model asks for it).
#include <optional>

#include "runtime/kernels/elementwise/elementwise_common.h"
#include "runtime/kernels/elementwise/quantized_arithmetic.h"

namespace litelab::elementwise {

namespace {

enum class Operation { kAdd, kSub };

template <class T>
std::unique_ptr<OpKernel> integer_kernel(Operation op, const BroadcastPlan& plan, tflite::ActivationFunctionType act) {
    const auto [lo, hi] = integer_activation_range<T>(act);
    if (op == Operation::kAdd)
        return binary_kernel<T, T>(plan, [lo, hi](T a, T b) { return clamp_activation(wrapping_add(a, b), lo, hi); });
    return binary_kernel<T, T>(plan, [lo, hi](T a, T b) { return clamp_activation(wrapping_sub(a, b), lo, hi); });
}

template <class T>
std::unique_ptr<OpKernel> quantized_kernel(Operation op, const BroadcastPlan& plan, const AddSubParams& p) {
    if (op == Operation::kAdd)
        return binary_kernel<T, T>(plan, [p](T a, T b) { return static_cast<T>(quantized_add(a, b, p)); });
    return binary_kernel<T, T>(plan, [p](T a, T b) { return static_cast<T>(quantized_sub(a, b, p)); });
}

// TFLite takes the power-of-two path for int16 when the options ask for it (the schema's
// default; an operator without options does not) and every scale is a power of two.
Result<std::optional<PowerOfTwoAddSubParams>> power_of_two_params(const PrepareContext& ctx, bool options_ask,
                                                                   ActivationRange range) {
    if (!options_ask) return std::optional<PowerOfTwoAddSubParams>();
    int log2_1 = 0;
    int log2_2 = 0;
    int log2_out = 0;
    const bool pot = checked_log2(ctx.input(0).quant.scale0(), &log2_1) &&
                     checked_log2(ctx.input(1).quant.scale0(), &log2_2) &&
                     checked_log2(ctx.output(0).quant.scale0(), &log2_out);
    if (!pot) return std::optional<PowerOfTwoAddSubParams>();
    if (ctx.input(0).quant.zero_point0() != 0 || ctx.input(1).quant.zero_point0() != 0 ||
        ctx.output(0).quant.zero_point0() != 0)
        return ctx.unsupported("int16 with power-of-two scales and zero points other than 0");
    const int shift1 = log2_1 - log2_out;
    const int shift2 = log2_2 - log2_out;
    // TFLite rescales one input only, and only towards a coarser scale.
    if ((shift1 != 0 && shift2 != 0) || shift1 > 0 || shift2 > 0)
        return ctx.unsupported("int16 power-of-two scales that need both inputs, or an input upwards, rescaled");
    return std::optional<PowerOfTwoAddSubParams>(PowerOfTwoAddSubParams{-shift1, -shift2, range});
}

Result<std::unique_ptr<OpKernel>> prepare(PrepareContext& ctx, Operation op, tflite::ActivationFunctionType act,
                                          bool pot_scale_int16) {
    LITELAB_TRY(check_activation(ctx, act));
    auto plan = prepare_binary(ctx);
    if (!plan) return plan.error();
    const DType type = ctx.input(0).type;
    switch (type) {
        case DType::kFloat32: {
            const FloatRange r = float_activation_range(act);
            if (op == Operation::kAdd)
                return binary_kernel<float, float>(*plan, [r](float a, float b) { return clamp_activation(a + b, r.min, r.max); });
            return binary_kernel<float, float>(*plan, [r](float a, float b) { return clamp_activation(a - b, r.min, r.max); });
        }
        case DType::kInt32: return integer_kernel<int32_t>(op, *plan, act);
        case DType::kInt64: return integer_kernel<int64_t>(op, *plan, act);
        case DType::kUInt8:
        case DType::kInt8:
        case DType::kInt16: break;
        default: return ctx.unsupported(type_message("input type", type));
    }

    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input 1"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(1), "input 2"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    const ActivationRange range = quantized_activation_range(act, type, ctx.output(0).quant);
    if (type == DType::kInt16) {
        auto pot = power_of_two_params(ctx, pot_scale_int16, range);
        if (!pot) return pot.error();
        if (*pot) {
            const PowerOfTwoAddSubParams p = **pot;
            if (op == Operation::kAdd)
                return binary_kernel<int16_t, int16_t>(*plan, [p](int16_t a, int16_t b) { return static_cast<int16_t>(pot_add(a, b, p)); });
            return binary_kernel<int16_t, int16_t>(*plan, [p](int16_t a, int16_t b) { return static_cast<int16_t>(pot_sub(a, b, p)); });
        }
    }
    const int left_shift = type == DType::kInt16 ? 15 : 20;
    const AddSubParams p = make_add_sub_params(ctx.input(0).quant, ctx.input(1).quant, ctx.output(0).quant, left_shift, range);
    switch (type) {
        case DType::kUInt8: return quantized_kernel<uint8_t>(op, *plan, p);
        case DType::kInt8: return quantized_kernel<int8_t>(op, *plan, p);
        default: return quantized_kernel<int16_t>(op, *plan, p);
    }
}

Result<std::unique_ptr<OpKernel>> prepare_add(PrepareContext& ctx) {
    const auto* options = ctx.options<tflite::AddOptionsT>();
    const auto act = options ? options->fused_activation_function : tflite::ActivationFunctionType_NONE;
    return prepare(ctx, Operation::kAdd, act, options && options->pot_scale_int16);
}

Result<std::unique_ptr<OpKernel>> prepare_sub(PrepareContext& ctx) {
    const auto* options = ctx.options<tflite::SubOptionsT>();
    const auto act = options ? options->fused_activation_function : tflite::ActivationFunctionType_NONE;
    return prepare(ctx, Operation::kSub, act, options && options->pot_scale_int16);
}

}  // namespace

void register_add_sub_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_ADD, prepare_add);
    registry.add(tflite::BuiltinOperator_SUB, prepare_sub);
}

}  // namespace litelab::elementwise
