// RELU, RELU6, RELU_N1_TO_1 and RELU_0_TO_1: clamps, with a rescale from the input's to the
// output's quantization in the integer types (TFLite's QuantizedReluX).
#include <algorithm>
#include <cmath>
#include <limits>

#include "runtime/kernels/activation/activation_common.h"
#include "runtime/kernels/activation/byte_table.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::activation {

namespace {

struct Bounds {
    float low = 0.0f;
    float high = std::numeric_limits<float>::infinity();
};

Bounds bounds_of(tflite::BuiltinOperator code) {
    switch (code) {
        case tflite::BuiltinOperator_RELU6: return {0.0f, 6.0f};
        case tflite::BuiltinOperator_RELU_N1_TO_1: return {-1.0f, 1.0f};
        case tflite::BuiltinOperator_RELU_0_TO_1: return {0.0f, 1.0f};
        default: return {};
    }
}

struct QuantizedRelu {
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
    QuantizedMultiplier rescale;
    int32_t low = 0;
    int32_t high = 0;

    int32_t operator()(int32_t value) const {
        const int32_t out = output_zero_point + multiply_by_quantized_multiplier(value - input_zero_point, rescale);
        return std::clamp(out, low, high);
    }
};

template <class T>
QuantizedRelu quantized_relu(const PrepareContext& ctx, Bounds bounds) {
    const QuantParams& in = ctx.input(0).quant;
    const QuantParams& out = ctx.output(0).quant;
    QuantizedRelu r;
    r.input_zero_point = in.zero_point0();
    r.output_zero_point = out.zero_point0();
    r.rescale = quantize_multiplier(in.scale0() / out.scale0());  // a float ratio, as in TFLite
    // The bounds on the output's scale, rounded in float as TFLite does.
    constexpr int32_t lowest = std::numeric_limits<T>::min();
    constexpr int32_t highest = std::numeric_limits<T>::max();
    r.low = std::max(lowest, r.output_zero_point + static_cast<int32_t>(std::round(bounds.low / out.scale0())));
    r.high = std::isinf(bounds.high)
                 ? highest
                 : std::min(highest, r.output_zero_point + static_cast<int32_t>(std::round(bounds.high / out.scale0())));
    return r;
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_relu(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    const auto code = ctx.code();
    const Bounds bounds = bounds_of(code);
    const DType type = ctx.input(0).type;
    if (type == DType::kFloat32) {
        return make_kernel([bounds](const OpContext& c) -> Status {
            map_elements<float, float>(c, [&](float x) { return std::min(std::max(x, bounds.low), bounds.high); });
            return {};
        });
    }
    const bool int16_allowed = code == tflite::BuiltinOperator_RELU || code == tflite::BuiltinOperator_RELU6;
    if (type != DType::kInt8 && type != DType::kUInt8 && !(type == DType::kInt16 && int16_allowed))
        return ctx.unsupported(type_message("input", type));
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    if (type == DType::kInt8) return make_byte_table_kernel(tabulate<int8_t>(quantized_relu<int8_t>(ctx, bounds)));
    if (type == DType::kUInt8) return make_byte_table_kernel(tabulate<uint8_t>(quantized_relu<uint8_t>(ctx, bounds)));
    if (ctx.input(0).quant.zero_point0() != 0 || ctx.output(0).quant.zero_point0() != 0)
        return ctx.unsupported("int16 with a zero point other than 0");
    const QuantizedRelu relu = quantized_relu<int16_t>(ctx, bounds);
    return make_kernel([relu](const OpContext& c) -> Status {
        map_elements<int16_t, int16_t>(c, [&](int16_t v) { return static_cast<int16_t>(relu(v)); });
        return {};
    });
}

}  // namespace litelab::activation
