// QUANTIZE: float to int8/uint8/int16 (per tensor or per channel), and requantization of an
// integer tensor to another scale, zero point or type (TFLite's AffineQuantize, Requantize).
//
// int8 -> int8 and uint8 -> uint8: LiteRT hands these to XNNPACK (its default CPU delegate)
// when the scale ratio is within [2^-8, 2^7), and XNNPACK rescales with an 8-bit fixed-point
// multiplier instead of TFLite's 31-bit one (about one output in ten differs by 1). We compute
// what XNNPACK computes there, TFLite's arithmetic everywhere else.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

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

// XNNPACK's qs8/qu8 convert: a multiplier with 8 fractional bits (rounded half to even) and
// one rounding shift.
struct XnnpackRequantize {
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
    int32_t multiplier = 0;
    ActivationRange range;

    int32_t operator()(int32_t value) const {
        const int32_t out = output_zero_point + (((value - input_zero_point) * multiplier + 0x80) >> 8);
        return std::clamp(out, range.min, range.max);
    }
};

// The XNNPACK version when LiteRT's delegate would take the operator.
std::optional<XnnpackRequantize> xnnpack_requantize(const TensorInfo& input, const TensorInfo& output) {
    if (input.type != output.type || (input.type != DType::kInt8 && input.type != DType::kUInt8)) return std::nullopt;
    const float ratio = input.quant.scale0() / output.quant.scale0();
    if (ratio < 0x1p-8f || ratio >= 0x1p+7f) return std::nullopt;
    XnnpackRequantize r;
    r.input_zero_point = input.quant.zero_point0();
    r.output_zero_point = output.quant.zero_point0();
    r.multiplier = static_cast<int32_t>(std::lrint(256.0f * ratio));
    r.range = integer_type_range(output.type);
    return r;
}

// A requantization of 8-bit inputs: their 256 possible values tabulated (the same integers).
template <class In, class Out, class Fn>
std::unique_ptr<OpKernel> tabulated_kernel(const Fn& fn) {
    std::array<Out, 256> table{};
    for (int32_t v = std::numeric_limits<In>::min(); v <= std::numeric_limits<In>::max(); ++v)
        table[static_cast<uint8_t>(static_cast<In>(v))] = static_cast<Out>(fn(v));
    return make_kernel([table](const OpContext& c) -> Status {
        map_elements<In, Out>(c, [&](In v) { return table[static_cast<uint8_t>(v)]; });
        return {};
    });
}

template <class In, class Out>
std::unique_ptr<OpKernel> requantize_kernel(const Requantize& r) {
    if constexpr (sizeof(In) == 1) {
        return tabulated_kernel<In, Out>(r);
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
    if (const auto x = xnnpack_requantize(input, output)) {
        if (input.type == DType::kInt8) return tabulated_kernel<int8_t, int8_t>(*x);
        return tabulated_kernel<uint8_t, uint8_t>(*x);
    }
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
