// BATCH_MATMUL: shapes and broadcasting (TFLite's Prepare), the choice of kernel by type, and
// the float kernel (the reference loop, or Eigen GEMM tiles reading transposed operands in place).
#include <algorithm>

#include "runtime/kernels/fully_connected/batch_matmul_setup.h"
#include "runtime/kernels/fully_connected/float_gemm.h"
#include "runtime/kernels/fully_connected/matmul_kernels.h"
#include "runtime/kernels/fully_connected/matmul_path.h"
#include "runtime/kernels/fully_connected/matmul_reference.h"

namespace litelab {

namespace {

// Shapes both operands to the output's rank (leading 1s), checks that the batch dimensions
// broadcast and the depths agree, sets the output shape and maps each output matrix to its
// operands' matrices.
Result<BatchMatmulSetup> plan(PrepareContext& ctx, const tflite::BatchMatMulOptionsT& options) {
    const TensorInfo& lhs = ctx.input(0);
    const TensorInfo& rhs = ctx.input(1);
    for (const TensorInfo* t : {&lhs, &rhs})
        if (t->rank() < 2 || t->rank() > 5)
            return ctx.unsupported("operands of rank " + std::to_string(t->rank()) + " (2 to 5 are supported)");
    const int rank = std::max(lhs.rank(), rhs.rank());
    auto extended = [rank](const TensorInfo& t) {
        std::vector<int64_t> dims(static_cast<size_t>(rank - t.rank()), 1);
        dims.insert(dims.end(), t.shape.begin(), t.shape.end());
        return dims;
    };
    const std::vector<int64_t> l = extended(lhs);
    const std::vector<int64_t> r = extended(rhs);
    const auto last = static_cast<size_t>(rank - 1);

    BatchMatmulSetup s;
    s.adj_x = options.adj_x;
    s.adj_y = options.adj_y;
    s.asymmetric_quantize_inputs = options.asymmetric_quantize_inputs;
    s.fast = matmul_path() == MatmulPath::kFast;
    s.d.rows = s.adj_x ? l[last] : l[last - 1];
    s.d.depth = s.adj_x ? l[last - 1] : l[last];
    s.d.cols = s.adj_y ? r[last - 1] : r[last];
    const int64_t rhs_depth = s.adj_y ? r[last] : r[last - 1];
    if (rhs_depth != s.d.depth)
        return ctx.invalid("the LHS has depth " + std::to_string(s.d.depth) + ", the RHS " + std::to_string(rhs_depth));

    std::vector<int32_t> out_shape;
    for (size_t i = 0; i + 2 < static_cast<size_t>(rank); ++i) {
        if (l[i] != r[i] && l[i] != 1 && r[i] != 1)
            return ctx.invalid("batch dimensions " + std::to_string(l[i]) + " and " + std::to_string(r[i]) +
                               " do not broadcast");
        out_shape.push_back(static_cast<int32_t>(l[i] == 1 ? r[i] : l[i]));
    }
    out_shape.push_back(static_cast<int32_t>(s.d.rows));
    out_shape.push_back(static_cast<int32_t>(s.d.cols));
    ctx.output(0).shape = out_shape;

    // Row-major walk over the output's batch indices; a broadcast (size 1) dimension stays put.
    const size_t batch_rank = static_cast<size_t>(rank - 2);
    int64_t outputs = 1;
    for (size_t i = 0; i < batch_rank; ++i) outputs *= out_shape[i];
    s.lhs_matrices = 1;
    s.rhs_matrices = 1;
    for (size_t i = 0; i < batch_rank; ++i) {
        s.lhs_matrices *= l[i];
        s.rhs_matrices *= r[i];
    }
    std::vector<int64_t> index(batch_rank, 0);
    for (int64_t o = 0; o < outputs; ++o) {
        int64_t li = 0;
        int64_t ri = 0;
        for (size_t i = 0; i < batch_rank; ++i) {
            li = li * l[i] + (l[i] == 1 ? 0 : index[i]);
            ri = ri * r[i] + (r[i] == 1 ? 0 : index[i]);
        }
        s.lhs_of.push_back(li);
        s.rhs_of.push_back(ri);
        for (size_t i = batch_rank; i-- > 0;) {
            if (++index[i] < out_shape[i]) break;
            index[i] = 0;
        }
    }
    return s;
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_batch_matmul_float(PrepareContext& ctx, const BatchMatmulSetup& s) {
    if (ctx.input(1).type != DType::kFloat32 || ctx.output(0).type != DType::kFloat32)
        return ctx.unsupported("FLOAT32 LHS with " + std::string(dtype_name(ctx.input(1).type)) + " RHS and " +
                               std::string(dtype_name(ctx.output(0).type)) + " output");
    if (!s.fast) {
        return make_kernel([s](const OpContext& c) -> Status {
            const float* lhs = c.input<float>(0);
            const float* rhs = c.input<float>(1);
            float* out = c.output<float>(0);
            for (int64_t b = 0; b < s.batches(); ++b)
                float_matmul_reference(s.lhs(lhs, s.lhs_of[static_cast<size_t>(b)]),
                                       s.rhs(rhs, s.rhs_of[static_cast<size_t>(b)]), nullptr, FloatRange{}, s.d,
                                       {0, s.d.cols}, out + b * s.d.rows * s.d.cols);
            return {};
        });
    }
    return make_kernel([s](const OpContext& c) -> Status {
        const float* lhs = c.input<float>(0);
        const float* rhs = c.input<float>(1);
        float* out = c.output<float>(0);
        for_each_tile(c.pool(), s.batches(), s.d, kFloatTile, [&](const Tile& t) {
            const auto b = static_cast<size_t>(t.batch);
            const FloatOperands operands{lhs + s.lhs_of[b] * s.d.rows * s.d.depth, s.adj_x,
                                         rhs + s.rhs_of[b] * s.d.depth * s.d.cols, !s.adj_y};
            float_gemm_tile(operands, s.d, t, out + t.batch * s.d.rows * s.d.cols);
        });
        return {};
    });
}

Result<std::unique_ptr<OpKernel>> prepare_batch_matmul(PrepareContext& ctx) {
    if (ctx.num_inputs() != 2 || ctx.num_outputs() != 1)
        return ctx.invalid("BATCH_MATMUL needs two inputs and one output");
    auto setup = plan(ctx, ctx.options_or_default<tflite::BatchMatMulOptionsT>());
    if (!setup) return setup.error();
    const DType lhs = ctx.input(0).type;
    const DType rhs = ctx.input(1).type;
    if (lhs == DType::kFloat32 && rhs == DType::kInt8) return prepare_batch_matmul_hybrid(ctx, *setup);
    if (lhs == DType::kFloat32) return prepare_batch_matmul_float(ctx, *setup);
    return prepare_batch_matmul_integer(ctx, *setup);
}

}  // namespace litelab
