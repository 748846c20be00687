// LOG_SOFTMAX over the last dimension (TFLite's activations.cc with reference/log_softmax.h):
// float32, and int8/uint8 whose output is fixed at scale 16/256 with the zero point at the top of
// the range (127, 255), so [-16, 0] is covered.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "runtime/kernels/softmax/softmax.h"
#include "runtime/kernels/softmax/softmax_math.h"
#include "runtime/kernels/softmax/softmax_rows.h"

namespace litelab::softmax {

namespace {

using FixedDiff = gemmlowp::FixedPoint<int32_t, kSoftmaxDiffIntegerBits>;
using FixedAccum = gemmlowp::FixedPoint<int32_t, kSoftmaxAccumIntegerBits>;

// The output is Q4.27 before the final shift: 4 integer bits for [-16, 0].
constexpr int kOutputIntegerBits = 4;

std::unique_ptr<OpKernel> float_log_softmax(const SoftmaxRows& rows) {
    return make_kernel([rows](const OpContext& c) -> Status {
        const float* in = c.input<float>(0);
        float* out = c.output<float>(0);
        for_each_row(rows, c.pool(), [&](int64_t r) {
            const float* x = in + r * rows.depth;
            float* y = out + r * rows.depth;
            const float max = *std::max_element(x, x + rows.depth);
            float sum = 0.0f;
            for (int32_t i = 0; i < rows.depth; ++i) sum += std::exp(x[i] - max);
            const float log_sum = std::log(sum);
            for (int32_t i = 0; i < rows.depth; ++i) y[i] = x[i] - max - log_sum;
        });
        return {};
    });
}

struct LogSoftmaxParams {
    QuantizedMultiplier scaling;  // (x - max) to Q5.26
    QuantizedMultiplier reverse;  // Q5.26 back to input units
    int32_t diff_min = 0;
    int32_t zero_point = 0;
};

template <class T>
std::unique_ptr<OpKernel> quantized_log_softmax(const SoftmaxRows& rows, LogSoftmaxParams p) {
    return make_kernel([rows, p](const OpContext& c) -> Status {
        const T* in = c.input<T>(0);
        T* out = c.output<T>(0);
        constexpr int32_t kMin = std::numeric_limits<T>::min();
        constexpr int32_t kMax = std::numeric_limits<T>::max();
        for_each_row(rows, c.pool(), [&](int64_t r) {
            const T* x = in + r * rows.depth;
            T* y = out + r * rows.depth;
            const int32_t max = *std::max_element(x, x + rows.depth);
            FixedAccum sum = FixedAccum::Zero();
            for (int32_t i = 0; i < rows.depth; ++i) {
                const int32_t diff = int32_t{x[i]} - max;
                if (diff >= p.diff_min) {
                    const int32_t diff_q5 = multiply_by_quantized_multiplier(diff, p.scaling);
                    sum = sum + gemmlowp::Rescale<kSoftmaxAccumIntegerBits>(
                                    gemmlowp::exp_on_negative_values(FixedDiff::FromRaw(diff_q5)));
                }
            }
            const int32_t log_sum_q5 = fixed_point_log_q12_to_q5(sum.raw());
            // Differences whose Q5.26 value minus log_sum would leave the Q5.26 range give the
            // smallest output; note > below where the sum used >=.
            const int32_t lowest_q5 = log_sum_q5 + std::numeric_limits<int32_t>::min();
            const int32_t adjusted_diff_min =
                std::max(p.diff_min - 1, multiply_by_quantized_multiplier(lowest_q5, p.reverse));
            for (int32_t i = 0; i < rows.depth; ++i) {
                const int32_t diff = int32_t{x[i]} - max;
                if (diff <= adjusted_diff_min) {
                    y[i] = static_cast<T>(kMin);
                    continue;
                }
                const int32_t diff_q5 = multiply_by_quantized_multiplier(diff, p.scaling);
                const int32_t v =
                    rounding_divide_by_pot(diff_q5 - log_sum_q5, 31 - kSoftmaxDiffIntegerBits - kOutputIntegerBits) +
                    p.zero_point;
                y[i] = static_cast<T>(std::clamp(v, kMin, kMax));
            }
        });
        return {};
    });
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_log_softmax(PrepareContext& ctx) {
    auto rows = prepare_rows(ctx, "LOG_SOFTMAX");
    if (!rows) return rows.error();
    const TensorInfo& in = ctx.input(0);
    const TensorInfo& out = ctx.output(0);
    if (in.type != out.type)
        return ctx.unsupported(std::string(dtype_name(in.type)) + " input with " + std::string(dtype_name(out.type)) +
                               " output");
    if (in.type == DType::kFloat32) return float_log_softmax(*rows);
    if (in.type != DType::kInt8 && in.type != DType::kUInt8)
        return ctx.unsupported("input type " + std::string(dtype_name(in.type)));
    if (in.quant.empty() || out.quant.empty())
        return ctx.invalid("quantized LOG_SOFTMAX needs quantization parameters");
    const int32_t zero_point = integer_type_range(out.type).max;
    if (out.quant.scale0() != 16.0f / 256 || out.quant.zero_point0() != zero_point)
        return ctx.unsupported("output quantization other than scale 16/256 and zero point " +
                               std::to_string(zero_point));
    LogSoftmaxParams p;
    p.scaling = softmax_input_scaling(1.0, in.quant.scale0());
    if (p.scaling.shift < 0) return ctx.unsupported("input scale below 2^-26");
    p.reverse = log_softmax_reverse_scaling(p.scaling);
    p.diff_min = softmax_diff_min(p.scaling.shift);
    p.zero_point = zero_point;
    if (in.type == DType::kInt8) return quantized_log_softmax<int8_t>(*rows, p);
    return quantized_log_softmax<uint8_t>(*rows, p);
}

}  // namespace litelab::softmax
