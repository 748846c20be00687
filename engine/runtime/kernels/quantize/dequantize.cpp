// DEQUANTIZE: int8/uint8/int16 (per tensor or per channel) to float32, and float16 to float32
// (float16 weights, which the compiler folds into constants).
#include "runtime/kernels/quantize/half_float.h"
#include "runtime/kernels/quantize/quantize_common.h"

namespace litelab::quantize {

namespace {

template <class T>
std::unique_ptr<OpKernel> int_to_float(const TensorInfo& input) {
    if (!input.quant.per_axis()) {
        const float scale = input.quant.scale0();
        const int32_t zero_point = input.quant.zero_point0();
        return make_kernel([=](const OpContext& c) -> Status {
            // (v - zero_point) is exact in float; one rounding, as TFLite's double product then float.
            map_elements<T, float>(c, [&](T v) { return static_cast<float>(static_cast<int32_t>(v) - zero_point) * scale; });
            return {};
        });
    }
    const ChannelLayout layout = channel_layout(input);
    return make_kernel([=, scales = input.quant.scale, zero_points = input.quant.zero_point](const OpContext& c) -> Status {
        const T* in = c.input<T>(0);
        float* out = c.output<float>(0);
        for_each_range(c, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) {
                const auto k = static_cast<size_t>(layout.channel_of(i));
                out[i] = static_cast<float>(static_cast<int32_t>(in[i]) - zero_points[k]) * scales[k];
            }
        });
        return {};
    });
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_dequantize(PrepareContext& ctx) {
    LITELAB_TRY(prepare_one_to_one(ctx));
    const TensorInfo& input = ctx.input(0);
    if (ctx.output(0).type != DType::kFloat32) return ctx.unsupported(pair_message(input.type, ctx.output(0).type));
    switch (input.type) {
        case DType::kFloat16:
            return make_kernel([](const OpContext& c) -> Status {
                map_elements<uint16_t, float>(c, half_to_float);
                return {};
            });
        case DType::kInt8:
        case DType::kUInt8:
        case DType::kInt16: break;
        default: return ctx.unsupported(pair_message(input.type, DType::kFloat32));
    }
    LITELAB_TRY(require_quantized(ctx, input, "input", true));
    if (input.type == DType::kInt8) return int_to_float<int8_t>(input);
    if (input.type == DType::kUInt8) return int_to_float<uint8_t>(input);
    return int_to_float<int16_t>(input);
}

}  // namespace litelab::quantize
