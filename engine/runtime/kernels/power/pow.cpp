// POW: a ** b with NumPy broadcasting, for FLOAT32 (std::pow) and INT32 (repeated squaring;
// TFLite refuses negative exponents there, and so do we, when the run meets one).
#include <cmath>

#include "runtime/kernel_registry.h"
#include "runtime/kernels/elementwise/broadcast.h"

namespace litelab {

namespace {

int32_t integer_power(int32_t base, int32_t exponent) {
    int64_t result = 1, b = base;
    uint32_t e = static_cast<uint32_t>(exponent);
    while (e) {
        if (e & 1u) result = static_cast<int32_t>(static_cast<uint32_t>(result * b));
        b = static_cast<int32_t>(static_cast<uint32_t>(b * b));
        e >>= 1;
    }
    return static_cast<int32_t>(result);
}

Result<std::unique_ptr<OpKernel>> prepare_pow(PrepareContext& ctx) {
    if (ctx.num_inputs() != 2) return ctx.invalid("POW takes two inputs");
    const DType type = ctx.input(0).type;
    if (ctx.input(1).type != type || ctx.output(0).type != type) return ctx.invalid("inputs and output differ in type");
    if (type != DType::kFloat32 && type != DType::kInt32)
        return ctx.unsupported("input type " + std::string(dtype_name(type)));
    const auto shape = broadcast_shapes(ctx.input(0).shape, ctx.input(1).shape);
    const auto plan = plan_broadcast(ctx.input(0).shape, ctx.input(1).shape);
    if (!shape || !plan) return ctx.invalid("input shapes do not broadcast");
    ctx.output(0).shape = *shape;
    const BroadcastPlan p = *plan;
    if (type == DType::kFloat32) {
        return make_kernel([p](const OpContext& c) -> Status {
            const float* a = c.input<float>(0);
            const float* b = c.input<float>(1);
            float* out = c.output<float>(0);
            c.pool().parallel_for(p.elements, 4096, [&](int64_t begin, int64_t end) {
                for_each_broadcast(p, a, b, out, begin, end, [](float x, float y) { return std::pow(x, y); });
            });
            return {};
        });
    }
    return make_kernel([p](const OpContext& c) -> Status {
        const int32_t* a = c.input<int32_t>(0);
        const int32_t* b = c.input<int32_t>(1);
        for (int64_t k = 0; k < c.input_info(1).elements(); ++k) {
            if (b[k] < 0)
                return make_error(ErrorCode::kInvalid, "POW: negative INT32 exponent " + std::to_string(b[k]));
        }
        int32_t* out = c.output<int32_t>(0);
        for_each_broadcast(p, a, b, out, 0, p.elements, integer_power);
        return {};
    });
}

}  // namespace

void register_power_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_POW, prepare_pow);
}

}  // namespace litelab
