// FULLY_CONNECTED on quantized activations: int8 (weights per tensor or per channel), legacy
// uint8, and 16x8 (int16 activations, int8 weights, int64 or int32 bias, scaled in double as
// LiteRT does). The reference loop is TFLite's reference FullyConnected /
// FullyConnectedPerChannel; the fast path packs both operands into int16 rows and runs blocked
// dot products on the thread pool.
#include <type_traits>

#include "runtime/kernels/fully_connected/fused_activation.h"
#include "runtime/kernels/fully_connected/int16_gemm.h"
#include "runtime/kernels/fully_connected/matmul_kernels.h"
#include "runtime/kernels/fully_connected/matmul_reference.h"
#include "runtime/kernels/fully_connected/scratch_plan.h"
#include "runtime/kernels/fully_connected/tiles.h"

namespace litelab {

namespace {

constexpr int64_t kIntTileRows = 32;

struct IntegerFc {
    MatmulDims d;
    IntegerOperands offsets;
    OutputStage stage;
    bool has_bias = false;
    bool fast = true;
    // Fast path: weights packed once when constant, else packed per run into scratch.
    std::shared_ptr<const std::vector<int16_t>> packed_weights;
    size_t packed_input_at = 0;
    size_t packed_weights_at = 0;
};

template <class In, class W, class Acc, class Bias>
Status run_reference(const IntegerFc& p, const OpContext& c) {
    const Bias* bias = p.has_bias ? c.input<Bias>(2) : nullptr;
    quantized_matmul_reference<Acc>(MatrixView<In>::row_major(c.input<In>(0), p.d.depth),
                                    MatrixView<W>::row_major(c.input<W>(1), p.d.depth), p.offsets, bias, p.stage, p.d,
                                    {0, p.d.cols}, c.output<In>(0));
    return {};
}

// Both operands packed into int16 rows with the zero points folded in; 8-bit activations sum
// in 32 bits, 16-bit ones (16x8) in 64 bits, then take the accumulator's type as the reference.
template <class In, class W, class Acc, class Bias>
Status run_packed(const IntegerFc& p, const OpContext& c) {
    const MatmulDims& d = p.d;
    const int64_t stride = padded_depth(d.depth);
    int16_t* input = scratch_at<int16_t>(c, p.packed_input_at);
    pack_rows_int16(MatrixView<In>::row_major(c.input<In>(0), d.depth), d.rows, d.depth, p.offsets.a_offset, input);
    const int16_t* weights = p.packed_weights ? p.packed_weights->data() : nullptr;
    if (!weights) {
        int16_t* packed = scratch_at<int16_t>(c, p.packed_weights_at);
        pack_rows_int16(MatrixView<W>::row_major(c.input<W>(1), d.depth), d.cols, d.depth, p.offsets.w_offset, packed);
        weights = packed;
    }
    const Bias* bias = p.has_bias ? c.input<Bias>(2) : nullptr;
    In* out = c.output<In>(0);
    for_each_tile(c.pool(), 1, d, {kIntTileRows, kIntTileCols}, [&](const Tile& t) {
        using Sum = std::conditional_t<sizeof(In) == 1, int32_t, int64_t>;
        Sum acc[kIntTileCols];
        for (int64_t m = t.row_begin; m < t.row_end; ++m) {
            if constexpr (sizeof(In) == 1) {
                dot_rows_int16(input + m * stride, weights + t.col_begin * stride, t.cols(), stride, acc);
            } else {
                dot_rows_int16_wide(input + m * stride, weights + t.col_begin * stride, t.cols(), stride, acc);
            }
            for (int64_t n = t.col_begin; n < t.col_end; ++n) {
                auto total = static_cast<Acc>(acc[n - t.col_begin]);
                if (bias) total += static_cast<Acc>(bias[n]);
                out[m * d.cols + n] = static_cast<In>(p.stage.apply(total, n));
            }
        }
    });
    return {};
}

template <class In, class W, class Acc, class Bias>
std::unique_ptr<OpKernel> make_integer_kernel(PrepareContext& ctx, IntegerFc p) {
    if (!p.fast) return make_kernel([p](const OpContext& c) { return run_reference<In, W, Acc, Bias>(p, c); });
    const int64_t stride = padded_depth(p.d.depth);
    ScratchPlan plan;
    p.packed_input_at = plan.add(static_cast<size_t>(p.d.rows * stride) * sizeof(int16_t));
    const auto constant = ctx.constant<W>(1);
    if (!constant.empty()) {
        auto packed = std::make_shared<std::vector<int16_t>>(static_cast<size_t>(p.d.cols * stride));
        pack_rows_int16(MatrixView<W>::row_major(constant.data(), p.d.depth), p.d.cols, p.d.depth, p.offsets.w_offset,
                        packed->data());
        p.packed_weights = std::move(packed);
    } else {
        p.packed_weights_at = plan.add(static_cast<size_t>(p.d.cols * stride) * sizeof(int16_t));
    }
    ctx.request_scratch(plan.bytes());
    return make_kernel([p](const OpContext& c) { return run_packed<In, W, Acc, Bias>(p, c); });
}

std::string type_triple(const PrepareContext& ctx) {
    return std::string(dtype_name(ctx.input(0).type)) + " input, " + std::string(dtype_name(ctx.input(1).type)) +
           " weights and " + std::string(dtype_name(ctx.output(0).type)) + " output";
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_fully_connected_integer(PrepareContext& ctx, const FullyConnectedSetup& s) {
    const TensorInfo& input = ctx.input(0);
    const TensorInfo& weights = ctx.input(1);
    const TensorInfo& output = ctx.output(0);
    const DType in = input.type;
    const bool int8 = in == DType::kInt8 && weights.type == DType::kInt8 && output.type == DType::kInt8;
    const bool uint8 = in == DType::kUInt8 && weights.type == DType::kUInt8 && output.type == DType::kUInt8;
    const bool wide = in == DType::kInt16 && weights.type == DType::kInt8 && output.type == DType::kInt16;
    if (!int8 && !uint8 && !wide) return ctx.unsupported(type_triple(ctx));
    if (!is_clamping_activation(s.activation))
        return ctx.unsupported("fused activation " + activation_name(s.activation));

    LITELAB_TRY(check_quantization(ctx, input, "input", -1));
    LITELAB_TRY(check_quantization(ctx, weights, "weights", uint8 ? -1 : 0));
    LITELAB_TRY(check_quantization(ctx, output, "output", -1));
    const DType bias_type = s.has_bias ? ctx.input(2).type : (wide ? DType::kInt64 : DType::kInt32);
    if (bias_type != DType::kInt32 && !(wide && bias_type == DType::kInt64))
        return ctx.unsupported("a " + std::string(dtype_name(bias_type)) + " bias with " + type_triple(ctx));
    if (wide && (input.quant.zero_point0() != 0 || output.quant.zero_point0() != 0))
        return ctx.invalid("INT16 input and output need zero points of 0");

    IntegerFc p;
    p.d = s.d;
    p.has_bias = s.has_bias;
    p.fast = s.fast;
    p.offsets.a_offset = -input.quant.zero_point0();
    // Per-channel weights are symmetric by the quantization spec: TFLite ignores their zero points.
    p.offsets.w_offset = weights.quant.per_axis() ? 0 : -weights.quant.zero_point0();
    const float input_scale = input.quant.scale0();
    const float output_scale = output.quant.scale0();
    if (wide) {
        // LiteRT scales 16x8 accumulators in double (see output_stage.h).
        for (float scale : weights.quant.scale)
            p.stage.real_multipliers.push_back(real_multiplier(input_scale, scale, output_scale));
    } else if (weights.quant.per_axis()) {
        for (float scale : weights.quant.scale)
            p.stage.multipliers.push_back(per_channel_multiplier(input_scale, scale, output_scale));
    } else {
        p.stage.multipliers.push_back(per_tensor_multiplier(input_scale, weights.quant.scale0(), output_scale));
    }
    p.stage.output_offset = output.quant.zero_point0();
    p.stage.range = quantized_activation_range(s.activation, output.type, output.quant);

    if (int8) return make_integer_kernel<int8_t, int8_t, int32_t, int32_t>(ctx, std::move(p));
    if (uint8) return make_integer_kernel<uint8_t, uint8_t, int32_t, int32_t>(ctx, std::move(p));
    if (bias_type == DType::kInt32) return make_integer_kernel<int16_t, int8_t, int32_t, int32_t>(ctx, std::move(p));
    return make_integer_kernel<int16_t, int8_t, int64_t, int64_t>(ctx, std::move(p));
}

}  // namespace litelab
