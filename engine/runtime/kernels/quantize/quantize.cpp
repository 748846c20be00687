// QUANTIZE: float to int8/uint8/int16 (per tensor or per channel), and requantization of an
// integer tensor to another scale, zero point or type (TFLite's AffineQuantize, Requantize).
#include <algorithm>
#include <array>
#include <limits>
#include <vector>

#include "runtime/kernels/quantize/quantize_common.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::quantize {

namespace {

template <class T>
std::unique_ptr<OpKernel> float_to_int(const TensorInfo& output) {
    const ActivationRange range = integer_type_range(output.type);
    if (!output.quant.per_axis()) {
        const float scale = output.quant.scale0();
        const int32_t zero_point = output.quant.zero_point0();
        return make_kernel([=](const OpContext& c) -> Status {
            map_elements<float, T>(c, [&](float x) { return static_cast<T>(quantize_value(x, scale, zero_point, range)); });
            return {};
        });
    }
    const ChannelLayout layout = channel_layout(output);
    return make_kernel([=, scales = output.quant.scale, zero_points = output.quant.zero_point](const OpContext& c) -> Status {
        const float* in = c.input<float>(0);
        T* out = c.output<T>(0);
        for_each_range(c, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) {
                const auto k = static_cast<size_t>(layout.channel_of(i));
                out[i] = static_cast<T>(quantize_value(in[i], scales[k], zero_points[k], range));
            }
        });
        return {};
    });
}

struct Requantize {
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
    QuantizedMultiplier rescale;
    ActivationRange range;

    int32_t operator()(int32_t value) const {
        const int32_t out = multiply_by_quantized_multiplier(value - input_zero_point, rescale) + output_zero_point;
        return std::clamp(out, range.min, range.max);
    }
};

template <class In, class Out>
std::unique_ptr<OpKernel> requantize_kernel(const Requantize& r) {
    if constexpr (sizeof(In) == 1) {
        // 256 possible inputs: tabulate them (the same integers).
        std::array<Out, 256> table{};
        for (int32_t v = std::numeric_limits<In>::min(); v <= std::numeric_limits<In>::max(); ++v)
            table[static_cast<uint8_t>(static_cast<In>(v))] = static_cast<Out>(r(v));
        return make_kernel([table](const OpContext& c) -> Status {
            map_elements<In, Out>(c, [&](In v) { return table[static_cast<uint8_t>(v)]; });
            return {};
        });
    } else {
        return make_kernel([r](const OpContext& c) -> Status {
            map_elements<In, Out>(c, [&](In v) { return static_cast<Out>(r(static_cast<int32_t>(v))); });
            return {};
        });
    }
}

template <class In>
Result<std::unique_ptr<OpKernel>> requantize_from(const PrepareContext& ctx, const Requantize& r) {
    switch (ctx.output(0).type) {
        case DType::kInt8: return requantize_kernel<In, int8_t>(r);
        case DType::kUInt8: return requantize_kernel<In, uint8_t>(r);
        case DType::kInt16: return requantize_kernel<In, int16_t>(r);
        case DType::kInt32: return requantize_kernel<In, int32_t>(r);
        default: return ctx.unsupported(pair_message(ctx.input(0).type, ctx.output(0).type));
    }
}

// The pairs TFLite requantizes.
bool requantizable(DType from, DType to) {
    switch (from) {
        case DType::kInt8:
        case DType::kUInt8: return to == DType::kInt8 || to == DType::kUInt8;
        case DType::kInt16: return to == DType::kInt8 || to == DType::kInt16 || to == DType::kInt32;
        case DType::kInt32: return to == DType::kInt8 || to == DType::kInt16;
        default: return false;
    }
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_quantize(PrepareContext& ctx) {
    LITELAB_TRY(prepare_one_to_one(ctx));
    const TensorInfo& input = ctx.input(0);
    const TensorInfo& output = ctx.output(0);
    if (input.type == DType::kFloat32) {
        if (output.type != DType::kInt8 && output.type != DType::kUInt8 && output.type != DType::kInt16)
            return ctx.unsupported(pair_message(input.type, output.type));
        LITELAB_TRY(require_quantized(ctx, output, "output", true));
        if (output.type == DType::kInt8) return float_to_int<int8_t>(output);
        if (output.type == DType::kUInt8) return float_to_int<uint8_t>(output);
        return float_to_int<int16_t>(output);
    }
    if (!requantizable(input.type, output.type)) return ctx.unsupported(pair_message(input.type, output.type));
    LITELAB_TRY(require_quantized(ctx, input, "input", false));
    LITELAB_TRY(require_quantized(ctx, output, "output", false));
    if (input.type == DType::kInt16 && output.type == DType::kInt16 &&
        (input.quant.zero_point0() != 0 || output.quant.zero_point0() != 0))
        return ctx.unsupported("int16 with a zero point other than 0");
    Requantize r;
    r.input_zero_point = input.quant.zero_point0();
    r.output_zero_point = output.quant.zero_point0();
    r.rescale = quantize_multiplier(static_cast<double>(input.quant.scale0()) / static_cast<double>(output.quant.scale0()));
    r.range = integer_type_range(output.type);
    switch (input.type) {
        case DType::kInt8: return requantize_from<int8_t>(ctx, r);
        case DType::kUInt8: return requantize_from<uint8_t>(ctx, r);
        case DType::kInt16: return requantize_from<int16_t>(ctx, r);
        default: return requantize_from<int32_t>(ctx, r);
    }
}

}  // namespace litelab::quantize
