// ELU (alpha 1) and GELU (exact, or the tanh approximation). Float computes the functions;
// the 8-bit types use 256-entry tables (ELU: int8 only, as in TFLite).
#include <cmath>

#include "runtime/kernels/activation/activation_common.h"
#include "runtime/kernels/activation/byte_table.h"

namespace litelab::activation {

namespace {

float elu(float x) { return x < 0.0f ? std::expm1(x) : x; }

// 0.5 x (1 + erf(x / sqrt 2)), written with erfc to avoid cancellation for large negative x.
float gelu(float x) { return 0.5f * x * std::erfc(x * static_cast<float>(-0.70710678118654752440)); }

// 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
float gelu_approximate(float x) {
    constexpr auto kSqrt2OverPi = static_cast<float>(0.79788456080286535588);
    return 0.5f * x * (1.0f + std::tanh(kSqrt2OverPi * (x + 0.044715f * x * x * x)));
}

std::unique_ptr<OpKernel> float_kernel(float (*fn)(float)) {
    return make_kernel([fn](const OpContext& c) -> Status {
        map_elements<float, float>(c, fn);
        return {};
    });
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_elu(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    const DType type = ctx.input(0).type;
    if (type == DType::kFloat32) return float_kernel(elu);
    if (type != DType::kInt8) return ctx.unsupported(type_message("input", type));
    // LiteRT runs int8 ELU in XNNPACK, whose table rounds half to even. It shows: the positive
    // half is x itself, so ties are common (LiteRT and classic TFLite with XNNPACK agree).
    return prepare_byte_table(ctx, elu, TableRounding::kHalfToEven);
}

Result<std::unique_ptr<OpKernel>> prepare_gelu(PrepareContext& ctx) {
    LITELAB_TRY(prepare_unary(ctx));
    float (*fn)(float) = ctx.options_or_default<tflite::GeluOptionsT>().approximate ? gelu_approximate : gelu;
    const DType type = ctx.input(0).type;
    if (type == DType::kFloat32) return float_kernel(fn);
    if (type != DType::kInt8 && type != DType::kUInt8) return ctx.unsupported(type_message("input", type));
    return prepare_byte_table(ctx, fn);
}

}  // namespace litelab::activation
