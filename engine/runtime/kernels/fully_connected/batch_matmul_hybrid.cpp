// Hybrid BATCH_MATMUL (TFLite's batch_matmul.cc EvalHybrid): float LHS, int8 RHS (constant or
// not) quantized per tensor or per output column. Every LHS row is quantized on the fly
// (symmetric, or asymmetric with asymmetric_quantize_inputs); the offsets come out of the
// integer sums in float, as TFLite's reference does. Where TFLite's reference indexes the
// scales of LHS operands with more than one batch dimension inconsistently, each row here
// keeps its own scale.
#include <algorithm>

#include "runtime/kernels/fully_connected/batch_matmul_setup.h"
#include "runtime/kernels/fully_connected/hybrid_gemm.h"
#include "runtime/kernels/fully_connected/matmul_kernels.h"
#include "runtime/kernels/fully_connected/scratch_plan.h"

namespace litelab {

namespace {

struct HybridBmm {
    BatchMatmulSetup s;
    float weight_scale = 1.0f;
    std::vector<float> channel_scales;
    std::shared_ptr<const std::vector<int32_t>> row_sums;  // constant RHS, asymmetric
    std::shared_ptr<const std::vector<int16_t>> packed_rhs;  // constant RHS, fast path
    size_t rows_at = 0, quantized_at = 0, scales_at = 0, offsets_at = 0, row_sums_at = 0, packed_lhs_at = 0,
           packed_rhs_at = 0;
};

// The RHS matrix `j` as weights rows (columns of the product), with their sums when needed.
HybridWeights weights_of(const HybridBmm& p, const int8_t* rhs, const int32_t* row_sums, int64_t j) {
    return {p.s.rhs(rhs, j), row_sums ? row_sums + j * p.s.d.cols : nullptr,
            p.channel_scales.empty() ? nullptr : p.channel_scales.data()};
}

Status run_hybrid(const HybridBmm& p, const OpContext& c) {
    const BatchMatmulSetup& s = p.s;
    const MatmulDims& d = s.d;
    const bool asymmetric = s.asymmetric_quantize_inputs;
    const float* lhs = c.input<float>(0);
    const auto* rhs = c.input<int8_t>(1);
    float* out = c.output<float>(0);

    // LHS rows, contiguous: read transposed operands into scratch first, as TFLite does.
    const int64_t lhs_rows = s.lhs_matrices * d.rows;
    const float* rows = lhs;
    if (s.adj_x) {
        auto* copy = scratch_at<float>(c, p.rows_at);
        for (int64_t i = 0; i < s.lhs_matrices; ++i) {
            const auto view = s.lhs(lhs, i);
            for (int64_t m = 0; m < d.rows; ++m)
                for (int64_t k = 0; k < d.depth; ++k) copy[(i * d.rows + m) * d.depth + k] = view.at(m, k);
        }
        rows = copy;
    }
    auto* quantized = scratch_at<int8_t>(c, p.quantized_at);
    auto* scales = scratch_at<float>(c, p.scales_at);
    auto* offsets = scratch_at<int32_t>(c, p.offsets_at);
    quantize_rows(rows, lhs_rows, d.depth, asymmetric, p.channel_scales.empty() ? &p.weight_scale : nullptr, quantized,
                  scales, offsets);
    const int32_t* row_sums = nullptr;
    if (asymmetric) {
        if (p.row_sums) {
            row_sums = p.row_sums->data();
        } else {
            auto* sums = scratch_at<int32_t>(c, p.row_sums_at);
            for (int64_t j = 0; j < s.rhs_matrices; ++j) weight_row_sums(s.rhs(rhs, j), d.cols, d.depth, sums + j * d.cols);
            row_sums = sums;
        }
    }
    auto rows_of = [&](int64_t i) {
        return HybridRows{quantized + i * d.rows * d.depth, scales + i * d.rows,
                          asymmetric ? offsets + i * d.rows : nullptr};
    };
    std::fill(out, out + s.batches() * d.rows * d.cols, 0.0f);

    if (!s.fast) {
        for (int64_t b = 0; b < s.batches(); ++b)
            hybrid_matmul_reference(rows_of(s.lhs_of[static_cast<size_t>(b)]),
                                    weights_of(p, rhs, row_sums, s.rhs_of[static_cast<size_t>(b)]),
                                    OffsetArithmetic::kFloat, d, out + b * d.rows * d.cols);
        return {};
    }
    const int64_t stride = padded_depth(d.depth);
    auto* packed_lhs = scratch_at<int16_t>(c, p.packed_lhs_at);
    pack_rows_int16(MatrixView<int8_t>::row_major(quantized, d.depth), lhs_rows, d.depth, 0, packed_lhs);
    const int16_t* packed_rhs = p.packed_rhs ? p.packed_rhs->data() : nullptr;
    if (!packed_rhs) {
        auto* packed = scratch_at<int16_t>(c, p.packed_rhs_at);
        for (int64_t j = 0; j < s.rhs_matrices; ++j)
            pack_rows_int16(s.rhs(rhs, j), d.cols, d.depth, 0, packed + j * d.cols * stride);
        packed_rhs = packed;
    }
    for_each_tile(c.pool(), s.batches(), d, kHybridTile, [&](const Tile& t) {
        const int64_t i = s.lhs_of[static_cast<size_t>(t.batch)];
        const int64_t j = s.rhs_of[static_cast<size_t>(t.batch)];
        hybrid_tile(packed_lhs + i * d.rows * stride, packed_rhs + j * d.cols * stride, rows_of(i),
                    weights_of(p, rhs, row_sums, j), OffsetArithmetic::kFloat, d, t, out + t.batch * d.rows * d.cols);
    });
    return {};
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_batch_matmul_hybrid(PrepareContext& ctx, const BatchMatmulSetup& s) {
    const TensorInfo& rhs = ctx.input(1);
    if (ctx.output(0).type != DType::kFloat32)
        return ctx.unsupported("hybrid BATCH_MATMUL with " + std::string(dtype_name(ctx.output(0).type)) + " output");
    // Per-channel scales belong to the output columns: the RHS's last dimension, or the one
    // before it when the RHS is stored transposed (adj_y).
    LITELAB_TRY(check_quantization(ctx, rhs, "RHS", s.adj_y ? rhs.rank() - 2 : rhs.rank() - 1));

    HybridBmm p;
    p.s = s;
    p.weight_scale = rhs.quant.scale0();
    p.channel_scales = channel_scales(rhs);
    const MatmulDims& d = s.d;
    const int64_t lhs_rows = s.lhs_matrices * d.rows;
    const auto constant = ctx.constant<int8_t>(1);
    ScratchPlan plan;
    if (s.adj_x) p.rows_at = plan.add(static_cast<size_t>(lhs_rows * d.depth) * sizeof(float));
    p.quantized_at = plan.add(static_cast<size_t>(lhs_rows * d.depth));
    p.scales_at = plan.add(static_cast<size_t>(lhs_rows) * sizeof(float));
    p.offsets_at = plan.add(static_cast<size_t>(lhs_rows) * sizeof(int32_t));
    if (s.asymmetric_quantize_inputs) {
        if (!constant.empty()) {
            auto sums = std::make_shared<std::vector<int32_t>>(static_cast<size_t>(s.rhs_matrices * d.cols));
            for (int64_t j = 0; j < s.rhs_matrices; ++j)
                weight_row_sums(s.rhs(constant.data(), j), d.cols, d.depth, sums->data() + j * d.cols);
            p.row_sums = std::move(sums);
        } else {
            p.row_sums_at = plan.add(static_cast<size_t>(s.rhs_matrices * d.cols) * sizeof(int32_t));
        }
    }
    if (s.fast) {
        const int64_t stride = padded_depth(d.depth);
        p.packed_lhs_at = plan.add(static_cast<size_t>(lhs_rows * stride) * sizeof(int16_t));
        if (!constant.empty()) {
            auto packed = std::make_shared<std::vector<int16_t>>(static_cast<size_t>(s.rhs_matrices * d.cols * stride));
            for (int64_t j = 0; j < s.rhs_matrices; ++j)
                pack_rows_int16(s.rhs(constant.data(), j), d.cols, d.depth, 0, packed->data() + j * d.cols * stride);
            p.packed_rhs = std::move(packed);
        } else {
            p.packed_rhs_at = plan.add(static_cast<size_t>(s.rhs_matrices * d.cols * stride) * sizeof(int16_t));
        }
    }
    ctx.request_scratch(plan.bytes());
    return make_kernel([p](const OpContext& c) { return run_hybrid(p, c); });
}

}  // namespace litelab
