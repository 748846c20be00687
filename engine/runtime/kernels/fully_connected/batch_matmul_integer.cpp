// BATCH_MATMUL on quantized operands, as TFLite's batch_matmul.cc: int8 x int8 -> int8
// (requantized, no activation) or -> int32 (raw sums, zero points ignored), int16 x int16 and
// int16 x int8 -> int16 (64-bit sums, zero points 0). The fast path packs both operands into
// int16 rows (a constant RHS once, at compile time); int16 x int16 runs the reference loop on
// tiles.
#include <type_traits>

#include "runtime/kernels/fully_connected/batch_matmul_setup.h"
#include "runtime/kernels/fully_connected/int16_gemm.h"
#include "runtime/kernels/fully_connected/matmul_kernels.h"
#include "runtime/kernels/fully_connected/matmul_reference.h"
#include "runtime/kernels/fully_connected/scratch_plan.h"
#include "runtime/kernels/fully_connected/tiles.h"

namespace litelab {

namespace {

constexpr TileSize kPackedTile{32, kIntTileCols};
constexpr TileSize kWideTile{32, 16};

struct IntegerBmm {
    BatchMatmulSetup s;
    IntegerOperands offsets;
    OutputStage stage;
    std::shared_ptr<const std::vector<int16_t>> packed_rhs;
    size_t packed_lhs_at = 0;
    size_t packed_rhs_at = 0;
};

template <class Out, class Acc>
Out finish(const IntegerBmm& p, Acc acc, int64_t n) {
    if constexpr (std::is_same_v<Out, int32_t>) {
        return acc;
    } else {
        return static_cast<Out>(p.stage.apply(acc, n));
    }
}

template <class L, class R, class Acc, class Out>
Status run_reference(const IntegerBmm& p, const OpContext& c) {
    const BatchMatmulSetup& s = p.s;
    const L* lhs = c.input<L>(0);
    const R* rhs = c.input<R>(1);
    Out* out = c.output<Out>(0);
    for (int64_t b = 0; b < s.batches(); ++b) {
        const auto lhs_view = s.lhs(lhs, s.lhs_of[static_cast<size_t>(b)]);
        const auto rhs_view = s.rhs(rhs, s.rhs_of[static_cast<size_t>(b)]);
        Out* out_b = out + b * s.d.rows * s.d.cols;
        if constexpr (std::is_same_v<Out, int32_t>) {
            int32_matmul_reference(lhs_view, rhs_view, s.d, {0, s.d.cols}, out_b);
        } else {
            quantized_matmul_reference<Acc>(lhs_view, rhs_view, p.offsets, static_cast<const int32_t*>(nullptr), p.stage,
                                            s.d, {0, s.d.cols}, out_b);
        }
    }
    return {};
}

template <class L, class R, class Acc, class Out>
Status run_wide(const IntegerBmm& p, const OpContext& c) {
    const BatchMatmulSetup& s = p.s;
    const L* lhs = c.input<L>(0);
    const R* rhs = c.input<R>(1);
    Out* out = c.output<Out>(0);
    for_each_tile(c.pool(), s.batches(), s.d, kWideTile, [&](const Tile& t) {
        const auto b = static_cast<size_t>(t.batch);
        MatmulDims part = s.d;
        part.rows = t.rows();
        quantized_matmul_reference<Acc>(s.lhs(lhs, s.lhs_of[b]).from_row(t.row_begin), s.rhs(rhs, s.rhs_of[b]),
                                        p.offsets, static_cast<const int32_t*>(nullptr), p.stage, part,
                                        {t.col_begin, t.col_end},
                                        out + t.batch * s.d.rows * s.d.cols + t.row_begin * s.d.cols);
    });
    return {};
}

// int8 x int8 (32-bit sums) and int16 x int8 (64-bit sums) on int16 rows.
template <class L, class R, class Acc, class Out>
Status run_packed(const IntegerBmm& p, const OpContext& c) {
    const BatchMatmulSetup& s = p.s;
    const int64_t stride = padded_depth(s.d.depth);
    const int64_t lhs_size = s.d.rows * stride;
    const int64_t rhs_size = s.d.cols * stride;
    auto* lhs = scratch_at<int16_t>(c, p.packed_lhs_at);
    for (int64_t i = 0; i < s.lhs_matrices; ++i)
        pack_rows_int16(s.lhs(c.input<L>(0), i), s.d.rows, s.d.depth, p.offsets.a_offset, lhs + i * lhs_size);
    const int16_t* rhs = p.packed_rhs ? p.packed_rhs->data() : nullptr;
    if (!rhs) {
        auto* packed = scratch_at<int16_t>(c, p.packed_rhs_at);
        for (int64_t j = 0; j < s.rhs_matrices; ++j)
            pack_rows_int16(s.rhs(c.input<R>(1), j), s.d.cols, s.d.depth, p.offsets.w_offset, packed + j * rhs_size);
        rhs = packed;
    }
    Out* out = c.output<Out>(0);
    for_each_tile(c.pool(), s.batches(), s.d, kPackedTile, [&](const Tile& t) {
        const auto b = static_cast<size_t>(t.batch);
        const int16_t* a = lhs + s.lhs_of[b] * lhs_size;
        const int16_t* w = rhs + s.rhs_of[b] * rhs_size;
        Out* out_b = out + t.batch * s.d.rows * s.d.cols;
        std::conditional_t<sizeof(L) == 1, int32_t, int64_t> acc[kIntTileCols];
        for (int64_t m = t.row_begin; m < t.row_end; ++m) {
            if constexpr (sizeof(L) == 1) {
                dot_rows_int16(a + m * stride, w + t.col_begin * stride, t.cols(), stride, acc);
            } else {
                dot_rows_int16_wide(a + m * stride, w + t.col_begin * stride, t.cols(), stride, acc);
            }
            for (int64_t n = t.col_begin; n < t.col_end; ++n)
                out_b[m * s.d.cols + n] = finish<Out>(p, static_cast<Acc>(acc[n - t.col_begin]), n);
        }
    });
    return {};
}

template <class L, class R, class Acc, class Out>
std::unique_ptr<OpKernel> make_bmm_kernel(PrepareContext& ctx, IntegerBmm p) {
    if (!p.s.fast) return make_kernel([p](const OpContext& c) { return run_reference<L, R, Acc, Out>(p, c); });
    // int16 x int16 products overflow the 16-bit multiply-adds: reference loops on tiles.
    if constexpr (sizeof(R) == 2) {
        return make_kernel([p](const OpContext& c) { return run_wide<L, R, Acc, Out>(p, c); });
    } else {
        const BatchMatmulSetup& s = p.s;
        const int64_t stride = padded_depth(s.d.depth);
        ScratchPlan plan;
        p.packed_lhs_at = plan.add(static_cast<size_t>(s.lhs_matrices * s.d.rows * stride) * sizeof(int16_t));
        const auto constant = ctx.constant<R>(1);
        if (!constant.empty()) {
            auto packed = std::make_shared<std::vector<int16_t>>(static_cast<size_t>(s.rhs_matrices * s.d.cols * stride));
            for (int64_t j = 0; j < s.rhs_matrices; ++j)
                pack_rows_int16(s.rhs(constant.data(), j), s.d.cols, s.d.depth, p.offsets.w_offset,
                                packed->data() + j * s.d.cols * stride);
            p.packed_rhs = std::move(packed);
        } else {
            p.packed_rhs_at = plan.add(static_cast<size_t>(s.rhs_matrices * s.d.cols * stride) * sizeof(int16_t));
        }
        ctx.request_scratch(plan.bytes());
        return make_kernel([p](const OpContext& c) { return run_packed<L, R, Acc, Out>(p, c); });
    }
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_batch_matmul_integer(PrepareContext& ctx, const BatchMatmulSetup& s) {
    const TensorInfo& lhs = ctx.input(0);
    const TensorInfo& rhs = ctx.input(1);
    const TensorInfo& out = ctx.output(0);
    const std::string types = std::string(dtype_name(lhs.type)) + " LHS, " + std::string(dtype_name(rhs.type)) +
                              " RHS and " + std::string(dtype_name(out.type)) + " output";
    const bool int8 = lhs.type == DType::kInt8 && rhs.type == DType::kInt8 && out.type == DType::kInt8;
    const bool int32 = lhs.type == DType::kInt8 && rhs.type == DType::kInt8 && out.type == DType::kInt32;
    const bool int16 = lhs.type == DType::kInt16 && (rhs.type == DType::kInt16 || rhs.type == DType::kInt8) &&
                       out.type == DType::kInt16;
    if (!int8 && !int32 && !int16) return ctx.unsupported(types);

    IntegerBmm p;
    p.s = s;
    if (!int32) {
        LITELAB_TRY(check_quantization(ctx, lhs, "LHS", -1));
        LITELAB_TRY(check_quantization(ctx, rhs, "RHS", -1));
        LITELAB_TRY(check_quantization(ctx, out, "output", -1));
        if (int16 && (lhs.quant.zero_point0() != 0 || rhs.quant.zero_point0() != 0 || out.quant.zero_point0() != 0))
            return ctx.invalid("INT16 operands and output need zero points of 0");
        p.offsets = {-lhs.quant.zero_point0(), -rhs.quant.zero_point0()};
        p.stage.multipliers = {per_tensor_multiplier(lhs.quant.scale0(), rhs.quant.scale0(), out.quant.scale0())};
        p.stage.output_offset = out.quant.zero_point0();
        p.stage.range = integer_type_range(out.type);
    }
    if (int8) return make_bmm_kernel<int8_t, int8_t, int32_t, int8_t>(ctx, std::move(p));
    if (int32) return make_bmm_kernel<int8_t, int8_t, int32_t, int32_t>(ctx, std::move(p));
    if (rhs.type == DType::kInt16) return make_bmm_kernel<int16_t, int16_t, int64_t, int16_t>(ctx, std::move(p));
    return make_bmm_kernel<int16_t, int8_t, int64_t, int16_t>(ctx, std::move(p));
}

}  // namespace litelab
