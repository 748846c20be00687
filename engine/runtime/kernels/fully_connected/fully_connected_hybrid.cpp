// Hybrid FULLY_CONNECTED (TFLite's EvalHybrid): float input and output, int8 weights per tensor
// or per channel. Each input row is quantized on the fly (symmetric, or asymmetric with
// asymmetric_quantize_inputs), multiplied in integers, scaled back and added to the float bias;
// the fused activation (any of TFLite's, tanh included) is applied in float.
#include <algorithm>

#include "runtime/kernels/fully_connected/fused_activation.h"
#include "runtime/kernels/fully_connected/float_activation.h"
#include "runtime/kernels/fully_connected/hybrid_gemm.h"
#include "runtime/kernels/fully_connected/matmul_kernels.h"
#include "runtime/kernels/fully_connected/scratch_plan.h"

namespace litelab {

namespace {

struct HybridFc {
    MatmulDims d;
    tflite::ActivationFunctionType activation = tflite::ActivationFunctionType_NONE;
    bool has_bias = false;
    bool asymmetric = false;
    bool fast = true;
    float weight_scale = 1.0f;          // per tensor
    std::vector<float> channel_scales;  // per channel (then weight_scale is unused)
    // Constant weights: their row sums (asymmetric inputs) and int16 rows (fast path).
    std::shared_ptr<const std::vector<int32_t>> row_sums;
    std::shared_ptr<const std::vector<int16_t>> packed_weights;
    size_t quantized_at = 0, scales_at = 0, offsets_at = 0, row_sums_at = 0, packed_input_at = 0,
           packed_weights_at = 0;
};

Status run_hybrid(const HybridFc& p, const OpContext& c) {
    const MatmulDims& d = p.d;
    const float* input = c.input<float>(0);
    const auto* weights = c.input<int8_t>(1);
    float* out = c.output<float>(0);
    const float* bias = p.has_bias ? c.input<float>(2) : nullptr;
    for (int64_t m = 0; m < d.rows; ++m) {
        if (bias) {
            std::copy(bias, bias + d.cols, out + m * d.cols);
        } else {
            std::fill(out + m * d.cols, out + (m + 1) * d.cols, 0.0f);
        }
    }
    // TFLite skips the product for an all-zero input (it would add nothing).
    const int64_t total = d.rows * d.depth;
    if (std::all_of(input, input + total, [](float v) { return v == 0.0f; })) {
        apply_float_activation(p.activation, out, d.rows * d.cols);
        return {};
    }

    auto* quantized = scratch_at<int8_t>(c, p.quantized_at);
    auto* scales = scratch_at<float>(c, p.scales_at);
    auto* offsets = scratch_at<int32_t>(c, p.offsets_at);
    quantize_rows(input, d.rows, d.depth, p.asymmetric, p.channel_scales.empty() ? &p.weight_scale : nullptr,
                  quantized, scales, offsets);
    const auto weight_view = MatrixView<int8_t>::row_major(weights, d.depth);
    HybridWeights w{weight_view, nullptr, p.channel_scales.empty() ? nullptr : p.channel_scales.data()};
    if (p.asymmetric) {
        if (p.row_sums) {
            w.row_sums = p.row_sums->data();
        } else {
            auto* sums = scratch_at<int32_t>(c, p.row_sums_at);
            weight_row_sums(weight_view, d.cols, d.depth, sums);
            w.row_sums = sums;
        }
    }
    const HybridRows a{quantized, scales, p.asymmetric ? offsets : nullptr};

    if (!p.fast) {
        hybrid_matmul_reference(a, w, OffsetArithmetic::kInteger, d, out);
    } else {
        auto* packed_input = scratch_at<int16_t>(c, p.packed_input_at);
        pack_rows_int16(MatrixView<int8_t>::row_major(quantized, d.depth), d.rows, d.depth, 0, packed_input);
        const int16_t* packed_weights = p.packed_weights ? p.packed_weights->data() : nullptr;
        if (!packed_weights) {
            auto* packed = scratch_at<int16_t>(c, p.packed_weights_at);
            pack_rows_int16(weight_view, d.cols, d.depth, 0, packed);
            packed_weights = packed;
        }
        for_each_tile(c.pool(), 1, d, kHybridTile, [&](const Tile& t) {
            hybrid_tile(packed_input, packed_weights, a, w, OffsetArithmetic::kInteger, d, t, out);
        });
    }
    apply_float_activation(p.activation, out, d.rows * d.cols);
    return {};
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_fully_connected_hybrid(PrepareContext& ctx, const FullyConnectedSetup& s) {
    const TensorInfo& weights = ctx.input(1);
    if (weights.type != DType::kInt8) return ctx.unsupported("hybrid FLOAT32 input with UINT8 weights");
    if (ctx.output(0).type != DType::kFloat32)
        return ctx.unsupported("FLOAT32 input with " + std::string(dtype_name(ctx.output(0).type)) + " output");
    if (s.has_bias && ctx.input(2).type != DType::kFloat32)
        return ctx.unsupported("a " + std::string(dtype_name(ctx.input(2).type)) + " bias in a hybrid kernel");
    if (!is_hybrid_activation(s.activation))
        return ctx.unsupported("fused activation " + activation_name(s.activation));
    LITELAB_TRY(check_quantization(ctx, weights, "weights", 0));

    HybridFc p;
    p.d = s.d;
    p.activation = s.activation;
    p.has_bias = s.has_bias;
    p.asymmetric = s.asymmetric_quantize_inputs;
    p.fast = s.fast;
    p.weight_scale = weights.quant.scale0();
    p.channel_scales = channel_scales(weights);

    const MatmulDims& d = p.d;
    const auto constant = ctx.constant<int8_t>(1);
    const auto view = MatrixView<int8_t>::row_major(constant.data(), d.depth);
    ScratchPlan plan;
    p.quantized_at = plan.add(static_cast<size_t>(d.rows * d.depth));
    p.scales_at = plan.add(static_cast<size_t>(d.rows) * sizeof(float));
    p.offsets_at = plan.add(static_cast<size_t>(d.rows) * sizeof(int32_t));
    if (p.asymmetric) {
        if (!constant.empty()) {
            auto sums = std::make_shared<std::vector<int32_t>>(static_cast<size_t>(d.cols));
            weight_row_sums(view, d.cols, d.depth, sums->data());
            p.row_sums = std::move(sums);
        } else {
            p.row_sums_at = plan.add(static_cast<size_t>(d.cols) * sizeof(int32_t));
        }
    }
    if (p.fast) {
        const int64_t stride = padded_depth(d.depth);
        p.packed_input_at = plan.add(static_cast<size_t>(d.rows * stride) * sizeof(int16_t));
        if (!constant.empty()) {
            auto packed = std::make_shared<std::vector<int16_t>>(static_cast<size_t>(d.cols * stride));
            pack_rows_int16(view, d.cols, d.depth, 0, packed->data());
            p.packed_weights = std::move(packed);
        } else {
            p.packed_weights_at = plan.add(static_cast<size_t>(d.cols * stride) * sizeof(int16_t));
        }
    }
    ctx.request_scratch(plan.bytes());
    return make_kernel([p](const OpContext& c) { return run_hybrid(p, c); });
}

}  // namespace litelab
