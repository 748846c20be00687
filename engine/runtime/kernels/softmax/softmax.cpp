// SOFTMAX over the last dimension (TFLite's activations.cc with reference/softmax.h): float32;
// int8 -> int8 and uint8 -> uint8 with gemmlowp's fixed-point exp and reciprocal; int8/uint8 ->
// int16 with LiteRT's float exp table; int16 -> int16 with the exp and 1/(1+x) lookup tables.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "runtime/kernels/softmax/int16_lut.h"
#include "runtime/kernels/softmax/softmax.h"
#include "runtime/kernels/softmax/softmax_math.h"
#include "runtime/kernels/softmax/softmax_rows.h"

namespace litelab::softmax {

namespace {

using FixedDiff = gemmlowp::FixedPoint<int32_t, kSoftmaxDiffIntegerBits>;
using FixedAccum = gemmlowp::FixedPoint<int32_t, kSoftmaxAccumIntegerBits>;
using Fixed0 = gemmlowp::FixedPoint<int32_t, 0>;

std::unique_ptr<OpKernel> float_softmax(const SoftmaxRows& rows, float beta) {
    return make_kernel([rows, beta](const OpContext& c) -> Status {
        const float* in = c.input<float>(0);
        float* out = c.output<float>(0);
        for_each_row(rows, c.pool(), [&](int64_t r) {
            const float* x = in + r * rows.depth;
            float* y = out + r * rows.depth;
            const float max = *std::max_element(x, x + rows.depth);
            float sum = 0.0f;
            for (int32_t i = 0; i < rows.depth; ++i) {
                y[i] = std::exp((x[i] - max) * beta);
                sum += y[i];
            }
            for (int32_t i = 0; i < rows.depth; ++i) y[i] /= sum;
        });
        return {};
    });
}

// exp(beta * scale * (x - max)) in Q0.31, for differences within reach.
inline Fixed0 exp_of_difference(int32_t diff, QuantizedMultiplier scaling) {
    const int32_t rescaled = multiply_by_quantized_multiplier_greater_than_one(diff, scaling.multiplier, scaling.shift);
    return gemmlowp::exp_on_negative_values(FixedDiff::FromRaw(rescaled));
}

// 8-bit to 8-bit: reference/softmax.h's fixed-point kernel.
template <class In, class Out>
std::unique_ptr<OpKernel> quantized_softmax(const SoftmaxRows& rows, QuantizedMultiplier scaling, int32_t diff_min) {
    return make_kernel([rows, scaling, diff_min](const OpContext& c) -> Status {
        const In* in = c.input<In>(0);
        Out* out = c.output<Out>(0);
        constexpr int32_t kOutMin = std::numeric_limits<Out>::min();
        constexpr int32_t kOutMax = std::numeric_limits<Out>::max();
        for_each_row(rows, c.pool(), [&](int64_t r) {
            const In* x = in + r * rows.depth;
            Out* y = out + r * rows.depth;
            const int32_t max = *std::max_element(x, x + rows.depth);
            FixedAccum sum = FixedAccum::Zero();
            for (int32_t i = 0; i < rows.depth; ++i) {
                const int32_t diff = int32_t{x[i]} - max;
                if (diff >= diff_min)
                    sum = sum + gemmlowp::Rescale<kSoftmaxAccumIntegerBits>(exp_of_difference(diff, scaling));
            }
            int num_bits_over_unit = 0;
            const Fixed0 reciprocal =
                Fixed0::FromRaw(fixed_point_reciprocal(sum.raw(), kSoftmaxAccumIntegerBits, &num_bits_over_unit));
            const int exponent = num_bits_over_unit + 31 - static_cast<int>(sizeof(Out) * 8);
            for (int32_t i = 0; i < rows.depth; ++i) {
                const int32_t diff = int32_t{x[i]} - max;
                if (diff < diff_min) {
                    y[i] = static_cast<Out>(kOutMin);
                    continue;
                }
                const int32_t unsaturated =
                    rounding_divide_by_pot((reciprocal * exp_of_difference(diff, scaling)).raw(), exponent);
                y[i] = static_cast<Out>(std::clamp(unsaturated + kOutMin, kOutMin, kOutMax));
            }
        });
        return {};
    });
}

// 8-bit input, int16 output: LiteRT's optimized kernel (PopulateSoftmaxLookupTable and the
// quantized optimized_ops::Softmax), which LiteRT and classic TFLite run. exp(beta * scale * (x -
// max)) comes from a float table over the 256 possible differences, the row's sum in float, each
// probability rounded once. The fixed-point reference differs from it by one step of 1/65536 on a
// few percent of values near a rounding tie; at 8-bit outputs the two agree.
template <class In>
std::unique_ptr<OpKernel> table_softmax_to_int16(const SoftmaxRows& rows, float input_scale, float beta,
                                                 float output_scale, int32_t output_zero_point) {
    auto table = std::make_shared<std::array<float, 256>>();
    const float step = -input_scale * beta;
    for (int32_t d = 0; d <= 255; ++d) (*table)[static_cast<size_t>(255 - d)] = std::exp(step * static_cast<float>(d));
    return make_kernel([rows, table, output_scale, output_zero_point](const OpContext& c) -> Status {
        const In* in = c.input<In>(0);
        int16_t* out = c.output<int16_t>(0);
        for_each_row(rows, c.pool(), [&](int64_t r) {
            const In* x = in + r * rows.depth;
            int16_t* y = out + r * rows.depth;
            const int32_t max = *std::max_element(x, x + rows.depth);
            // exp of (x - max) sits at table[255 + x - max].
            const float* shifted = table->data() + (255 - max);
            float sum = 0.0f;
            for (int32_t i = 0; i < rows.depth; ++i) sum += shifted[x[i]];
            const float inverse = 1.0f / (sum * output_scale);
            for (int32_t i = 0; i < rows.depth; ++i) {
                const int32_t q = static_cast<int32_t>(std::round(shifted[x[i]] * inverse)) + output_zero_point;
                y[i] = static_cast<int16_t>(std::clamp(q, -32768, 32767));
            }
        });
        return {};
    });
}

// SoftmaxInt16: exp from a table over [-10, 0], the sum's reciprocal from a 1/(1+x) table.
std::unique_ptr<OpKernel> int16_softmax(const SoftmaxRows& rows, QuantizedMultiplier scaling) {
    constexpr double kRange = 65535.0;
    auto tables = std::make_shared<const std::array<Int16Lut, 2>>(std::array<Int16Lut, 2>{
        make_int16_lut(10.0 / kRange, 32767, 2.0 / kRange, 0, [](double v) { return std::exp(v); }),
        make_int16_lut(1.0 / kRange, -32768, 2.0 / kRange, 0, [](double v) { return 1.0 / (1.0 + v); })});
    return make_kernel([rows, scaling, tables](const OpContext& c) -> Status {
        const Int16Lut& exp_lut = (*tables)[0];
        const Int16Lut& reciprocal_lut = (*tables)[1];
        const int16_t* in = c.input<int16_t>(0);
        int16_t* out = c.output<int16_t>(0);
        for_each_row(rows, c.pool(), [&](int64_t r) {
            const int16_t* x = in + r * rows.depth;
            int16_t* y = out + r * rows.depth;
            const int32_t max = *std::max_element(x, x + rows.depth);
            int32_t sum = 0;  // Q16.15
            for (int32_t i = 0; i < rows.depth; ++i) {
                // (x - max) scaled so that [-65535, 0] covers [-10, 0], then centred on the table.
                const int32_t scaled = multiply_by_quantized_multiplier(int32_t{x[i]} - max, scaling) + 32767;
                y[i] = int16_lut_lookup(static_cast<int16_t>(std::clamp(scaled, -32768, 32767)), exp_lut);
                sum += y[i];
            }
            const int headroom_plus_one = std::countl_zero(static_cast<uint32_t>(sum));
            const auto shifted_sum =
                static_cast<int32_t>(((int64_t{sum} << (headroom_plus_one - 1)) + (1 << 13)) >> 14);
            // The table computes 1/(1+x) for x in [0, 1), centred on [-32768, 32767].
            const int32_t centred = shifted_sum - ((1 << 15) + (1 << 16));
            const int32_t reciprocal =
                int16_lut_lookup(static_cast<int16_t>(std::clamp(centred, -32768, 32767)), reciprocal_lut);
            const int right_shift = 31 - headroom_plus_one;
            const int64_t round = int64_t{1} << (right_shift - 1);
            for (int32_t i = 0; i < rows.depth; ++i) {
                const auto v = static_cast<int32_t>((int64_t{y[i]} * reciprocal + round) >> right_shift);
                y[i] = static_cast<int16_t>(std::clamp(v, 0, 32767));
            }
        });
        return {};
    });
}

bool near(float value, double target) {
    return std::abs(value - target) <= 0.001 * target;
}

Result<std::unique_ptr<OpKernel>> prepare_quantized_softmax(PrepareContext& ctx, float beta, const SoftmaxRows& rows) {
    const TensorInfo& in = ctx.input(0);
    const TensorInfo& out = ctx.output(0);
    if (in.quant.empty() || out.quant.empty()) return ctx.invalid("quantized SOFTMAX needs quantization parameters");
    const std::string combination =
        std::string(dtype_name(in.type)) + " input with " + std::string(dtype_name(out.type)) + " output";
    if (in.type == DType::kInt16) {
        if (out.type != DType::kInt16) return ctx.unsupported(combination);
        if (in.quant.zero_point0() != 0 || out.quant.zero_point0() != 0 || !near(out.quant.scale0(), 1.0 / 32768))
            return ctx.unsupported("int16 quantization other than zero point 0 and output scale 1/32768");
        // [-65535, 0] of the rescaled difference covers [-10, 0] of the exponent.
        const QuantizedMultiplier scaling =
            quantize_multiplier(static_cast<double>(in.quant.scale0()) * beta / (10.0 / 65535.0));
        return int16_softmax(rows, scaling);
    }
    const bool eight_bit_out = out.type == in.type;
    if (!eight_bit_out && out.type != DType::kInt16) return ctx.unsupported(combination);
    const int32_t out_min = integer_type_range(out.type).min;
    const double out_scale = eight_bit_out ? 1.0 / 256 : 1.0 / 65536;
    if (out.quant.zero_point0() != out_min || !near(out.quant.scale0(), out_scale))
        return ctx.unsupported("output quantization other than scale 1/" +
                               std::string(eight_bit_out ? "256" : "65536") + " and zero point " +
                               std::to_string(out_min));
    if (!eight_bit_out) {
        if (in.type == DType::kInt8)
            return table_softmax_to_int16<int8_t>(rows, in.quant.scale0(), beta, out.quant.scale0(), out_min);
        return table_softmax_to_int16<uint8_t>(rows, in.quant.scale0(), beta, out.quant.scale0(), out_min);
    }
    const QuantizedMultiplier scaling = softmax_input_scaling(beta, in.quant.scale0());
    if (scaling.shift < 0) return ctx.unsupported("beta times input scale below 2^-26");
    const int32_t diff_min = softmax_diff_min(scaling.shift);
    if (in.type == DType::kInt8) return quantized_softmax<int8_t, int8_t>(rows, scaling, diff_min);
    return quantized_softmax<uint8_t, uint8_t>(rows, scaling, diff_min);
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_softmax(PrepareContext& ctx) {
    auto rows = prepare_rows(ctx, "SOFTMAX");
    if (!rows) return rows.error();
    const float beta = ctx.options_or_default<tflite::SoftmaxOptionsT>().beta;
    switch (ctx.input(0).type) {
        case DType::kFloat32:
            if (ctx.output(0).type != DType::kFloat32) return ctx.unsupported("float32 input with another output type");
            return float_softmax(*rows, beta);
        case DType::kInt8:
        case DType::kUInt8:
        case DType::kInt16:
            return prepare_quantized_softmax(ctx, beta, *rows);
        default:
            return ctx.unsupported("input type " + std::string(dtype_name(ctx.input(0).type)));
    }
}

}  // namespace litelab::softmax
