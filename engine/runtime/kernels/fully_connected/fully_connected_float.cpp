// FULLY_CONNECTED in float: the reference loop, or Eigen GEMM tiles plus bias and clamp.
#include <algorithm>

#include "runtime/kernels/fully_connected/fused_activation.h"
#include "runtime/kernels/fully_connected/float_gemm.h"
#include "runtime/kernels/fully_connected/matmul_kernels.h"
#include "runtime/kernels/fully_connected/matmul_reference.h"
#include "runtime/quant/fixed_point.h"

namespace litelab {

Result<std::unique_ptr<OpKernel>> prepare_fully_connected_float(PrepareContext& ctx, const FullyConnectedSetup& s) {
    if (ctx.output(0).type != DType::kFloat32)
        return ctx.unsupported("FLOAT32 input with " + std::string(dtype_name(ctx.output(0).type)) + " output");
    if (s.has_bias && ctx.input(2).type != DType::kFloat32)
        return ctx.unsupported("a " + std::string(dtype_name(ctx.input(2).type)) + " bias with FLOAT32 weights");
    if (!is_clamping_activation(s.activation))
        return ctx.unsupported("fused activation " + activation_name(s.activation));

    const MatmulDims d = s.d;
    const FloatRange range = float_activation_range(s.activation);
    const bool has_bias = s.has_bias;
    if (!s.fast) {
        return make_kernel([d, range, has_bias](const OpContext& c) -> Status {
            const float* bias = has_bias ? c.input<float>(2) : nullptr;
            float_matmul_reference(MatrixView<float>::row_major(c.input<float>(0), d.depth),
                                   MatrixView<float>::row_major(c.input<float>(1), d.depth), bias, range, d,
                                   {0, d.cols}, c.output<float>(0));
            return {};
        });
    }
    return make_kernel([d, range, has_bias](const OpContext& c) -> Status {
        const FloatOperands operands{c.input<float>(0), false, c.input<float>(1), false};
        const float* bias = has_bias ? c.input<float>(2) : nullptr;
        float* out = c.output<float>(0);
        for_each_tile(c.pool(), 1, d, kFloatTile, [&](const Tile& tile) {
            float_gemm_tile(operands, d, tile, out);
            for (int64_t m = tile.row_begin; m < tile.row_end; ++m) {
                float* row = out + m * d.cols;
                for (int64_t n = tile.col_begin; n < tile.col_end; ++n) {
                    const float total = bias ? row[n] + bias[n] : row[n];
                    row[n] = std::min(std::max(total, range.min), range.max);
                }
            }
        });
        return {};
    });
}

}  // namespace litelab
