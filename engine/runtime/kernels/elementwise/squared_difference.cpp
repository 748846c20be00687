// SQUARED_DIFFERENCE: float, int32, and int8 (inputs aligned like ADD's with a left shift of 7,
// the difference squared and scaled to the output). No fused activation.
#include "runtime/kernels/elementwise/elementwise_common.h"
#include "runtime/kernels/elementwise/quantized_arithmetic.h"

namespace litelab::elementwise {

namespace {

Result<std::unique_ptr<OpKernel>> prepare_squared_difference(PrepareContext& ctx) {
    auto plan = prepare_binary(ctx);
    if (!plan) return plan.error();
    const DType type = ctx.input(0).type;
    switch (type) {
        case DType::kFloat32:
            return binary_kernel<float, float>(*plan, [](float a, float b) {
                const float d = a - b;
                return d * d;
            });
        case DType::kInt32:
            return binary_kernel<int32_t, int32_t>(*plan, [](int32_t a, int32_t b) {
                const int32_t d = wrapping_sub(a, b);
                return wrapping_mul(d, d);
            });
        case DType::kInt8: {
            LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input 1"));
            LITELAB_TRY(require_per_tensor(ctx, ctx.input(1), "input 2"));
            LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
            const AddSubParams p = make_squared_difference_params(ctx.input(0).quant, ctx.input(1).quant,
                                                                  ctx.output(0).quant, integer_type_range(type));
            return binary_kernel<int8_t, int8_t>(
                *plan, [p](int8_t a, int8_t b) { return static_cast<int8_t>(quantized_squared_difference(a, b, p)); });
        }
        default: return ctx.unsupported(type_message("input type", type));
    }
}

}  // namespace

void register_squared_difference_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_SQUARED_DIFFERENCE, prepare_squared_difference);
}

}  // namespace litelab::elementwise
