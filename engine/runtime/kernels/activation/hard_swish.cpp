// HARD_SWISH: x * relu6(x + 3) / 6. The 8-bit version is TFLite's 16-bit fixed-point
// arithmetic (reference_ops::HardSwish), tabulated over the 256 inputs.
#include <algorithm>
#include <limits>

#include "runtime/kernels/activation/activation_common.h"
#include "runtime/kernels/activation/byte_table.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::activation {

namespace {

struct Int16Multiplier {
    int16_t multiplier = 0;
    int exponent = 0;
};

// TFLite's QuantizeMultiplier, then the Q0.31 multiplier rounded to Q0.15.
Int16Multiplier int16_multiplier(float real) {
    const QuantizedMultiplier m = quantize_multiplier(real);
    constexpr int32_t kRound = 1 << 15;
    const int32_t reduced = m.multiplier >= std::numeric_limits<int32_t>::max() - kRound
                                ? std::numeric_limits<int16_t>::max()
                                : (m.multiplier + kRound) >> 16;
    return {static_cast<int16_t>(reduced), m.shift};
}

int16_t saturate_int16(int64_t v) {
    return static_cast<int16_t>(std::clamp<int64_t>(v, std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max()));
}

// Like gemmlowp's SaturatingRoundingDoublingHighMul, but truncating (ARM's SQDMULH): it
// cancels the rounding bias of the earlier multiplications.
int16_t saturating_doubling_high_mul(int16_t a, int16_t b) {
    if (a == b && a == std::numeric_limits<int16_t>::min()) return std::numeric_limits<int16_t>::max();
    return static_cast<int16_t>((int32_t{a} * int32_t{b}) / (1 << 15));
}

struct QuantizedHardSwish {
    int32_t input_zero_point = 0;
    int32_t output_zero_point = 0;
    Int16Multiplier output;   // from the input scale / 128 to the output scale
    Int16Multiplier reluish;  // from the input scale / 128 to 3.0 == 32768

    template <class T>
    int32_t apply(int32_t value) const {
        const auto x = static_cast<int16_t>(value - input_zero_point);
        // 7 bits of headroom: x is at most 255 in magnitude.
        const auto hires = static_cast<int16_t>(x * (1 << 7));
        const int16_t on_output_scale = gemmlowp::SaturatingRoundingDoublingHighMul(hires, output.multiplier);
        // relu6(x + 3) / 6 as a fraction in [0, 1]: first x / 3 in [-1, 1], saturating.
        int16_t r = hires;
        if (reluish.exponent > 0) r = saturate_int16(int64_t{r} * (int64_t{1} << (reluish.exponent - 1)));
        r = gemmlowp::SaturatingRoundingDoublingHighMul(r, reluish.multiplier);
        if (reluish.exponent > 0) r = saturate_int16(int64_t{r} * 2);
        if (reluish.exponent < 0) r = gemmlowp::RoundingDivideByPOT(r, -reluish.exponent);
        r = static_cast<int16_t>((int32_t{r} + (1 << 15)) >> 1);
        const int16_t product = saturating_doubling_high_mul(r, on_output_scale);
        const int32_t out = gemmlowp::RoundingDivideByPOT(product, -output.exponent) + output_zero_point;
        return std::clamp<int32_t>(out, std::numeric_limits<T>::min(), std::numeric_limits<T>::max());
    }
};

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_hard_swish(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    const DType type = ctx.input(0).type;
    if (type == DType::kFloat32) {
        return make_kernel([](const OpContext& c) -> Status {
            map_elements<float, float>(c, [](float x) { return x * std::min(6.0f, std::max(0.0f, x + 3.0f)) / 6.0f; });
            return {};
        });
    }
    if (type != DType::kInt8 && type != DType::kUInt8) return ctx.unsupported(type_message("input", type));
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    QuantizedHardSwish h;
    h.input_zero_point = ctx.input(0).quant.zero_point0();
    h.output_zero_point = ctx.output(0).quant.zero_point0();
    const float hires_input_scale = (1.0f / 128.0f) * ctx.input(0).quant.scale0();
    h.output = int16_multiplier(hires_input_scale / ctx.output(0).quant.scale0());
    h.reluish = int16_multiplier(hires_input_scale / (3.0f / 32768.0f));
    if (h.output.exponent > 0) return ctx.unsupported("output scale below input scale / 128");
    if (type == DType::kInt8)
        return make_byte_table_kernel(tabulate<int8_t>([&](int32_t v) { return h.apply<int8_t>(v); }));
    return make_byte_table_kernel(tabulate<uint8_t>([&](int32_t v) { return h.apply<uint8_t>(v); }));
}

}  // namespace litelab::activation
