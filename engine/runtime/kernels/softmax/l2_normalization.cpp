// L2_NORMALIZATION over the last dimension (TFLite's l2norm.cc with reference/l2normalization.h
// and reference/integer_ops/l2normalization.h): float32 divides by max(norm, 1e-6); int8 and
// uint8 scale by a fixed-point 1/sqrt of the integer sum of squares, into an output fixed at
// scale 1/128 (zero point 0 for int8, 128 for uint8).
#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>

#include "runtime/kernels/softmax/softmax.h"
#include "runtime/kernels/softmax/softmax_rows.h"
#include "runtime/quant/inverse_sqrt.h"

namespace litelab::softmax {

namespace {

std::unique_ptr<OpKernel> float_l2_normalization(const SoftmaxRows& rows) {
    return make_kernel([rows](const OpContext& c) -> Status {
        constexpr float kEpsilon = 1e-6f;
        const float* in = c.input<float>(0);
        float* out = c.output<float>(0);
        for_each_row(rows, c.pool(), [&](int64_t r) {
            const float* x = in + r * rows.depth;
            float* y = out + r * rows.depth;
            float squares = 0.0f;
            for (int32_t i = 0; i < rows.depth; ++i) squares += x[i] * x[i];
            const float norm = std::max(std::sqrt(squares), kEpsilon);
            for (int32_t i = 0; i < rows.depth; ++i) y[i] = x[i] / norm;
        });
        return {};
    });
}

// The two integer variants differ in how they apply the multiplier: uint8 scales 128 * diff by
// a right shift only, int8 folds the output's 2^7 into the shift (as their reference kernels do).
template <class T>
std::unique_ptr<OpKernel> quantized_l2_normalization(const SoftmaxRows& rows, int32_t input_zero_point) {
    return make_kernel([rows, input_zero_point](const OpContext& c) -> Status {
        const T* in = c.input<T>(0);
        T* out = c.output<T>(0);
        for_each_row(rows, c.pool(), [&](int64_t r) {
            const T* x = in + r * rows.depth;
            T* y = out + r * rows.depth;
            int32_t squares = 0;
            for (int32_t i = 0; i < rows.depth; ++i) {
                const int32_t d = int32_t{x[i]} - input_zero_point;
                squares += d * d;
            }
            const QuantizedMultiplier inv_norm = inverse_sqrt_multiplier(squares);
            for (int32_t i = 0; i < rows.depth; ++i) {
                const int32_t d = int32_t{x[i]} - input_zero_point;
                if constexpr (std::is_same_v<T, uint8_t>) {
                    const int32_t scaled = multiply_by_quantized_multiplier_smaller_than_one_exp(
                        128 * d, inv_norm.multiplier, inv_norm.shift);
                    y[i] = static_cast<uint8_t>(std::clamp(128 + scaled, 0, 255));
                } else {
                    const int32_t scaled = multiply_by_quantized_multiplier(d, inv_norm.multiplier, inv_norm.shift + 7);
                    y[i] = static_cast<int8_t>(std::clamp(scaled, -128, 127));
                }
            }
        });
        return {};
    });
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_l2_normalization(PrepareContext& ctx) {
    auto rows = prepare_rows(ctx, "L2_NORMALIZATION");
    if (!rows) return rows.error();
    const auto activation = ctx.options_or_default<tflite::L2NormOptionsT>().fused_activation_function;
    if (activation != tflite::ActivationFunctionType_NONE)
        return ctx.unsupported("fused activation " + std::string(tflite::EnumNameActivationFunctionType(activation)));
    const TensorInfo& in = ctx.input(0);
    const TensorInfo& out = ctx.output(0);
    if (in.type != out.type)
        return ctx.unsupported(std::string(dtype_name(in.type)) + " input with " + std::string(dtype_name(out.type)) +
                               " output");
    if (in.type == DType::kFloat32) return float_l2_normalization(*rows);
    if (in.type != DType::kInt8 && in.type != DType::kUInt8)
        return ctx.unsupported("input type " + std::string(dtype_name(in.type)));
    if (in.quant.empty() || out.quant.empty())
        return ctx.invalid("quantized L2_NORMALIZATION needs quantization parameters");
    const int32_t zero_point = in.type == DType::kUInt8 ? 128 : 0;
    if (out.quant.scale0() != 1.0f / 128 || out.quant.zero_point0() != zero_point)
        return ctx.unsupported("output quantization other than scale 1/128 and zero point " +
                               std::to_string(zero_point));
    if (in.type == DType::kInt8) return quantized_l2_normalization<int8_t>(*rows, in.quant.zero_point0());
    return quantized_l2_normalization<uint8_t>(*rows, in.quant.zero_point0());
}

}  // namespace litelab::softmax
