// MINIMUM and MAXIMUM: float and every integer type TFLite has (uint8, int8, int16, int32,
// int64). Quantized values are compared as stored: TFLite does not rescale them either.
#include "runtime/kernels/elementwise/elementwise_common.h"

namespace litelab::elementwise {

namespace {

enum class Choice { kMinimum, kMaximum };

template <class T>
std::unique_ptr<OpKernel> kernel(Choice choice, const BroadcastPlan& plan) {
    // TFLite's comparisons exactly, so that a NaN operand chooses as it does there.
    if (choice == Choice::kMaximum) return binary_kernel<T, T>(plan, [](T a, T b) { return a > b ? a : b; });
    return binary_kernel<T, T>(plan, [](T a, T b) { return a < b ? a : b; });
}

Result<std::unique_ptr<OpKernel>> prepare(PrepareContext& ctx, Choice choice) {
    auto plan = prepare_binary(ctx);
    if (!plan) return plan.error();
    switch (const DType type = ctx.input(0).type) {
        case DType::kFloat32: return kernel<float>(choice, *plan);
        case DType::kUInt8: return kernel<uint8_t>(choice, *plan);
        case DType::kInt8: return kernel<int8_t>(choice, *plan);
        case DType::kInt16: return kernel<int16_t>(choice, *plan);
        case DType::kInt32: return kernel<int32_t>(choice, *plan);
        case DType::kInt64: return kernel<int64_t>(choice, *plan);
        default: return ctx.unsupported(type_message("input type", type));
    }
}

Result<std::unique_ptr<OpKernel>> prepare_minimum(PrepareContext& ctx) { return prepare(ctx, Choice::kMinimum); }
Result<std::unique_ptr<OpKernel>> prepare_maximum(PrepareContext& ctx) { return prepare(ctx, Choice::kMaximum); }

}  // namespace

void register_min_max_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_MINIMUM, prepare_minimum);
    registry.add(tflite::BuiltinOperator_MAXIMUM, prepare_maximum);
}

}  // namespace litelab::elementwise
