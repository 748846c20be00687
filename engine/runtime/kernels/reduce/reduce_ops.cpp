// MEAN, SUM and REDUCE_MAX over constant axes (TFLite's reduce.cc; the arithmetic of
// reference/reduce.h). Quantized MEAN and rescaling SUM requantize one integer sum per output
// (see SumRequantization for the two roundings LiteRT uses); an 8-bit SUM whose output shares the
// input's quantization adds the raw values in the tensor type (wrapping), as TFLite does; int16
// SUM and every REDUCE_MAX need that shared quantization.
#include <algorithm>
#include <bit>
#include <limits>
#include <string>
#include <type_traits>

#include "runtime/kernels/reduce/reduce.h"
#include "runtime/kernels/reduce/reduce_plan.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::reduce {

namespace {

Result<ReducePlan> prepare_plan(PrepareContext& ctx) {
    if (ctx.num_inputs() != 2 || ctx.num_outputs() != 1 || !ctx.has_input(0) || !ctx.has_input(1))
        return ctx.invalid("a reduction needs an input, its axes and one output");
    if (ctx.input(1).type != DType::kInt32)
        return ctx.unsupported("axes of type " + std::string(dtype_name(ctx.input(1).type)));
    if (!ctx.is_constant(1)) return ctx.unsupported("axes that are not constant");
    if (ctx.input(0).type != ctx.output(0).type)
        return ctx.unsupported(std::string(dtype_name(ctx.input(0).type)) + " input with " +
                               std::string(dtype_name(ctx.output(0).type)) + " output");
    const auto options = ctx.options_or_default<tflite::ReducerOptionsT>();
    auto plan = plan_reduction(ctx.input(0).shape, ctx.constant<int32_t>(1), options.keep_dims);
    if (!plan) return ctx.invalid(plan.error().message);
    ctx.output(0).shape = plan->output_shape;
    return plan;
}

bool is_quantized_type(DType type) {
    return type == DType::kInt8 || type == DType::kUInt8 || type == DType::kInt16;
}

bool same_quantization(const TensorInfo& a, const TensorInfo& b) {
    return a.quant.scale0() == b.quant.scale0() && a.quant.zero_point0() == b.quant.zero_point0();
}

// Two's complement addition without signed-overflow UB: TFLite's integer sums wrap in practice.
template <class T>
T wrapping_add(T a, T b) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
}

// Folds into the output itself: float sums and maxima, integer sums in the tensor type.
template <class T, class Fold>
std::unique_ptr<OpKernel> fold_in_place(const ReducePlan& plan, T init, Fold fold) {
    return make_kernel([plan, init, fold](const OpContext& c) -> Status {
        T* out = c.output<T>(0);
        std::fill(out, out + plan.output_elements, init);
        reduce_into(plan, c.input<T>(0), out, fold);
        return {};
    });
}

// The integer MEAN of int32/int64 tensors: an int64 sum divided with truncation.
template <class T>
std::unique_ptr<OpKernel> integer_mean(PrepareContext& ctx, const ReducePlan& plan) {
    ctx.request_scratch(static_cast<size_t>(plan.output_elements) * sizeof(int64_t));
    return make_kernel([plan](const OpContext& c) -> Status {
        auto* sums = reinterpret_cast<int64_t*>(c.scratch().data());
        std::fill(sums, sums + plan.output_elements, int64_t{0});
        reduce_into(plan, c.input<T>(0), sums, [](int64_t a, T v) { return a + v; });
        T* out = c.output<T>(0);
        const int64_t n = plan.reduced_elements;
        for (int64_t i = 0; i < plan.output_elements; ++i) out[i] = n > 0 ? static_cast<T>(sums[i] / n) : T{0};
        return {};
    });
}

// How a centred integer sum (input zero point taken out) becomes an output value. LiteRT
// computes the two quantized families differently, and so do we:
//  - int8 and uint8 go to XNNPACK, which rounds sum * in_scale / (out_scale * n) once: the whole
//    ratio, 1/n included, is one multiplier for the single-rounding multiply.
//  - int16 runs TFLite's reference QuantizedMeanOrSum: the in/out ratio as a multiplier, 1/n
//    folded into it by shifting (floor(log2 n) bits, capped), then the double-rounding
//    MultiplyByQuantizedMultiplier of the default build. Single rounding disagrees with LiteRT
//    there on a quarter of the outputs.
struct SumRequantization {
    QuantizedMultiplier multiplier;
    bool double_rounding = false;

    int32_t apply(int32_t centred) const {
        return double_rounding
                   ? multiply_by_quantized_multiplier(centred, multiplier)
                   : multiply_by_quantized_multiplier_single_rounding(centred, multiplier.multiplier, multiplier.shift);
    }
};

SumRequantization sum_requantization(const PrepareContext& ctx, int64_t n, bool mean) {
    const double ratio =
        static_cast<double>(ctx.input(0).quant.scale0()) / static_cast<double>(ctx.output(0).quant.scale0());
    SumRequantization r;
    if (ctx.input(0).type != DType::kInt16) {
        r.multiplier = quantize_multiplier(mean && n > 0 ? ratio / static_cast<double>(n) : ratio);
        return r;
    }
    r.double_rounding = true;
    r.multiplier = quantize_multiplier(ratio);
    if (mean && n > 0) {
        // As many bits of shift as n has (floor(log2 n)), capped so the shifted multiplier stays
        // in 64 bits and the total shift stays >= -31.
        int bits = 63 - std::countl_zero(static_cast<uint64_t>(n));
        bits = std::min(bits, 32);
        bits = std::min(bits, 31 + r.multiplier.shift);
        r.multiplier.multiplier = static_cast<int32_t>((static_cast<int64_t>(r.multiplier.multiplier) << bits) / n);
        r.multiplier.shift -= bits;
    }
    return r;
}

// QuantizedMeanOrSum: an int32 sum of raw values, the input zero point taken out once per
// output, then one requantization.
template <class T>
std::unique_ptr<OpKernel> quantized_mean_or_sum(PrepareContext& ctx, const ReducePlan& plan, bool mean) {
    const int64_t n = plan.reduced_elements;
    const SumRequantization requantization = sum_requantization(ctx, n, mean);
    const int32_t input_zero_point = ctx.input(0).quant.zero_point0();
    const int32_t output_zero_point = ctx.output(0).quant.zero_point0();
    const ActivationRange range = integer_type_range(ctx.output(0).type);
    ctx.request_scratch(static_cast<size_t>(plan.output_elements) * sizeof(int32_t));
    return make_kernel(
        [plan, r = requantization, n, input_zero_point, output_zero_point, range](const OpContext& c) -> Status {
            auto* sums = reinterpret_cast<int32_t*>(c.scratch().data());
            std::fill(sums, sums + plan.output_elements, int32_t{0});
            reduce_into(plan, c.input<T>(0), sums, [](int32_t a, T v) { return a + v; });
            T* output = c.output<T>(0);
            for (int64_t i = 0; i < plan.output_elements; ++i) {
                if (n == 0) {
                    output[i] = T{0};
                    continue;
                }
                const auto centred = static_cast<int32_t>(sums[i] - int64_t{input_zero_point} * n);
                const int64_t q = r.apply(centred) + output_zero_point;
                output[i] = static_cast<T>(std::min<int64_t>(std::max<int64_t>(q, range.min), range.max));
            }
            return {};
        });
}

Status check_quantized(const PrepareContext& ctx) {
    const TensorInfo& in = ctx.input(0);
    const TensorInfo& out = ctx.output(0);
    if (in.quant.empty() || out.quant.empty()) return ctx.invalid("quantized reduction needs quantization parameters");
    if (in.type == DType::kInt16 && (in.quant.zero_point0() != 0 || out.quant.zero_point0() != 0))
        return ctx.unsupported("int16 with a zero point other than 0");
    return {};
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_mean(PrepareContext& ctx) {
    auto plan = prepare_plan(ctx);
    if (!plan) return plan.error();
    const DType type = ctx.input(0).type;
    switch (type) {
        case DType::kFloat32:
            return make_kernel([plan = *plan](const OpContext& c) -> Status {
                float* out = c.output<float>(0);
                std::fill(out, out + plan.output_elements, 0.0f);
                reduce_into(plan, c.input<float>(0), out, [](float a, float v) { return a + v; });
                const auto n = static_cast<float>(plan.reduced_elements);
                for (int64_t i = 0; i < plan.output_elements; ++i) out[i] /= n;
                return {};
            });
        case DType::kInt32:
            return integer_mean<int32_t>(ctx, *plan);
        case DType::kInt64:
            return integer_mean<int64_t>(ctx, *plan);
        default:
            break;
    }
    if (!is_quantized_type(type)) return ctx.unsupported("input type " + std::string(dtype_name(type)));
    LITELAB_TRY(check_quantized(ctx));
    if (type == DType::kInt8) return quantized_mean_or_sum<int8_t>(ctx, *plan, true);
    if (type == DType::kUInt8) return quantized_mean_or_sum<uint8_t>(ctx, *plan, true);
    return quantized_mean_or_sum<int16_t>(ctx, *plan, true);
}

Result<std::unique_ptr<OpKernel>> prepare_sum(PrepareContext& ctx) {
    auto plan = prepare_plan(ctx);
    if (!plan) return plan.error();
    const DType type = ctx.input(0).type;
    switch (type) {
        case DType::kFloat32:
            return fold_in_place<float>(*plan, 0.0f, [](float a, float v) { return a + v; });
        case DType::kInt32:
            return fold_in_place<int32_t>(*plan, 0, wrapping_add<int32_t>);
        case DType::kInt64:
            return fold_in_place<int64_t>(*plan, 0, wrapping_add<int64_t>);
        default:
            break;
    }
    if (!is_quantized_type(type)) return ctx.unsupported("input type " + std::string(dtype_name(type)));
    LITELAB_TRY(check_quantized(ctx));
    if (same_quantization(ctx.input(0), ctx.output(0))) {
        if (type == DType::kInt8) return fold_in_place<int8_t>(*plan, 0, wrapping_add<int8_t>);
        if (type == DType::kUInt8) return fold_in_place<uint8_t>(*plan, 0, wrapping_add<uint8_t>);
        return fold_in_place<int16_t>(*plan, 0, wrapping_add<int16_t>);
    }
    if (type == DType::kInt8) return quantized_mean_or_sum<int8_t>(ctx, *plan, false);
    if (type == DType::kUInt8) return quantized_mean_or_sum<uint8_t>(ctx, *plan, false);
    return ctx.unsupported("int16 SUM with an output quantization different from the input's");
}

Result<std::unique_ptr<OpKernel>> prepare_reduce_max(PrepareContext& ctx) {
    auto plan = prepare_plan(ctx);
    if (!plan) return plan.error();
    const DType type = ctx.input(0).type;
    auto max_of = [](auto a, auto v) { return v > a ? v : a; };
    if (is_quantized_type(type)) {
        LITELAB_TRY(check_quantized(ctx));
        if (!same_quantization(ctx.input(0), ctx.output(0)))
            return ctx.unsupported("output quantization different from the input's");
    }
    switch (type) {
        case DType::kFloat32:
            return fold_in_place<float>(*plan, std::numeric_limits<float>::lowest(), max_of);
        case DType::kInt32:
            return fold_in_place<int32_t>(*plan, std::numeric_limits<int32_t>::lowest(), max_of);
        case DType::kInt64:
            return fold_in_place<int64_t>(*plan, std::numeric_limits<int64_t>::lowest(), max_of);
        case DType::kInt8:
            return fold_in_place<int8_t>(*plan, std::numeric_limits<int8_t>::lowest(), max_of);
        case DType::kUInt8:
            return fold_in_place<uint8_t>(*plan, std::numeric_limits<uint8_t>::lowest(), max_of);
        case DType::kInt16:
            return fold_in_place<int16_t>(*plan, std::numeric_limits<int16_t>::lowest(), max_of);
        default:
            return ctx.unsupported("input type " + std::string(dtype_name(type)));
    }
}

}  // namespace litelab::reduce
