// LOGISTIC and TANH. Float: the functions themselves. int8/uint8: TFLite's 256-entry tables
// (what its builtin kernels run). int16: for power-of-two input scales gemmlowp's 16-bit
// fixed-point functions (TFLite's optimized kernels), otherwise the interpolated sigmoid table.
#include <cmath>

#include "runtime/kernels/activation/activation_common.h"
#include "runtime/kernels/activation/byte_table.h"
#include "runtime/kernels/activation/int16_sigmoid_table.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::activation {

namespace {

float logistic(float x) {
    // TFLite's cut-offs: beyond them the float result is 1 or exp(x) to the last bit.
    if (x > 16.619047164916992188f) return 1.0f;
    if (x < -9.0f) return std::exp(x);
    return 1.0f / (1.0f + std::exp(-x));
}

// The plain formula TFLite tabulates for 8-bit tensors (no cut-offs; the same integers).
float logistic_for_table(float x) { return 1.0f / (1.0f + std::exp(-x)); }

float tanh_float(float x) { return std::tanh(x); }

// TFLite's CheckedLog2: whether a scale is (within 1e-3 in the exponent) a power of two.
bool checked_log2(float x, int* log2) {
    const float exponent = std::log(x) * (1.0f / std::log(2.0f));
    const float rounded = std::round(exponent);
    *log2 = static_cast<int>(rounded);
    return std::abs(exponent - rounded) < 1e-3f;
}

enum class Function { kLogistic, kTanh };

// The 16-bit kernel: gemmlowp for power-of-two input scales (the left shift TFLite allows: 0
// for logistic, 0 or 1 for tanh), the table otherwise.
Result<std::unique_ptr<OpKernel>> prepare_int16(PrepareContext& ctx, Function function) {
    const QuantParams& in = ctx.input(0).quant;
    const QuantParams& out = ctx.output(0).quant;
    if (in.zero_point0() != 0 || out.zero_point0() != 0) return ctx.unsupported("int16 with a zero point other than 0");
    int output_log2 = 0;
    if (!checked_log2(out.scale0(), &output_log2) || output_log2 != -15)
        return ctx.unsupported("int16 output scale other than 1/32768");
    if (function == Function::kLogistic && out.scale0() != 1.0f / 32768.0f)
        return ctx.unsupported("int16 output scale other than 1/32768");

    int input_log2 = 0;
    const bool power_of_two = checked_log2(in.scale0(), &input_log2);
    const int left_shift = 12 + input_log2;  // to 3 integer bits
    const bool shift_ok = function == Function::kLogistic ? left_shift == 0 : left_shift == 0 || left_shift == 1;
    if (power_of_two && shift_ok) {
        using F3 = gemmlowp::FixedPoint<int16_t, 3>;
        if (function == Function::kLogistic) {
            return make_kernel([](const OpContext& c) -> Status {
                map_elements<int16_t, int16_t>(c, [](int16_t v) { return gemmlowp::logistic(F3::FromRaw(v)).raw(); });
                return {};
            });
        }
        return make_kernel([left_shift](const OpContext& c) -> Status {
            if (left_shift == 0) {
                map_elements<int16_t, int16_t>(c, [](int16_t v) { return gemmlowp::tanh(F3::FromRaw(v)).raw(); });
            } else {
                map_elements<int16_t, int16_t>(c, [](int16_t v) {
                    return gemmlowp::tanh(gemmlowp::SaturatingRoundingMultiplyByPOT<1>(F3::FromRaw(v))).raw();
                });
            }
            return {};
        });
    }
    // Rescale to where 3 * 4096 units are 1.0 (the table spans +-10.7), with as many
    // fractional bits as fit a 15-bit multiplier.
    double multiplier = static_cast<double>(in.scale0()) * 4096.0 * 3.0;
    Int16TableScale scale;
    while (multiplier <= 32767.0 / 2.0 && scale.shift <= 30) {
        ++scale.shift;
        multiplier *= 2.0;
    }
    scale.multiplier = static_cast<int32_t>(multiplier);
    if (function == Function::kLogistic) {
        return make_kernel([scale](const OpContext& c) -> Status {
            map_elements<int16_t, int16_t>(c, [&](int16_t v) { return int16_table_logistic(v, scale); });
            return {};
        });
    }
    return make_kernel([scale](const OpContext& c) -> Status {
        map_elements<int16_t, int16_t>(c, [&](int16_t v) { return int16_table_tanh(v, scale); });
        return {};
    });
}

Result<std::unique_ptr<OpKernel>> prepare(PrepareContext& ctx, Function function) {
    LITELAB_TRY(prepare_unary(ctx));
    const DType type = ctx.input(0).type;
    float (*fn)(float) = function == Function::kLogistic ? logistic : tanh_float;
    if (type == DType::kFloat32) {
        return make_kernel([fn](const OpContext& c) -> Status {
            map_elements<float, float>(c, fn);
            return {};
        });
    }
    if (type != DType::kInt8 && type != DType::kUInt8 && type != DType::kInt16)
        return ctx.unsupported(type_message("input", type));
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    if (type == DType::kInt16) return prepare_int16(ctx, function);
    // TFLite fixes the 8-bit logistic output to [0, 1) on 256 steps.
    if (function == Function::kLogistic && ctx.output(0).quant.scale0() != 1.0f / 256.0f)
        return ctx.unsupported("8-bit output scale other than 1/256");
    return prepare_byte_table(ctx, function == Function::kLogistic ? logistic_for_table : tanh_float);
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_logistic(PrepareContext& ctx) { return prepare(ctx, Function::kLogistic); }
Result<std::unique_ptr<OpKernel>> prepare_tanh(PrepareContext& ctx) { return prepare(ctx, Function::kTanh); }

}  // namespace litelab::activation
