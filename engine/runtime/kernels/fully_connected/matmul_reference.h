// The reference loops of FULLY_CONNECTED and BATCH_MATMUL, transcribing TensorFlow Lite's
// reference kernels (reference/fully_connected.h, reference/integer_ops/fully_connected.h,
// reference/batch_matmul.h): one dot product per output, accumulated in order. Each works on
// a range of output columns so the fast paths can reuse them on several threads (16x8).
#pragma once

#include <algorithm>
#include <cstdint>

#include "runtime/kernels/fully_connected/matrix_view.h"
#include "runtime/kernels/fully_connected/output_stage.h"
#include "runtime/quant/fixed_point.h"

namespace litelab {

struct ColumnRange {
    int64_t begin = 0;
    int64_t end = 0;
};

// out[m][n] = clamp(sum_k a[m][k] * w[n][k] + bias[n]); the bias is optional, the default range
// (BATCH_MATMUL) clamps nothing.
inline void float_matmul_reference(MatrixView<float> a, MatrixView<float> w, const float* bias, FloatRange range,
                                   const MatmulDims& d, ColumnRange cols, float* out) {
    for (int64_t m = 0; m < d.rows; ++m) {
        for (int64_t n = cols.begin; n < cols.end; ++n) {
            float total = 0.0f;
            for (int64_t k = 0; k < d.depth; ++k) total += a.at(m, k) * w.at(n, k);
            if (bias) total += bias[n];
            out[m * d.cols + n] = std::min(std::max(total, range.min), range.max);
        }
    }
}

// Offsets are the negated zero points of the activations (a) and the weights (w), as TFLite's
// input_offset and weights_offset. Acc is the accumulator type: int32, or int64 for 16-bit
// activations with a 64-bit bias.
struct IntegerOperands {
    int32_t a_offset = 0;
    int32_t w_offset = 0;
};

template <class Acc, class A, class W, class Bias, class Out>
void quantized_matmul_reference(MatrixView<A> a, MatrixView<W> w, IntegerOperands offsets, const Bias* bias,
                                const OutputStage& stage, const MatmulDims& d, ColumnRange cols, Out* out) {
    for (int64_t m = 0; m < d.rows; ++m) {
        for (int64_t n = cols.begin; n < cols.end; ++n) {
            Acc acc = 0;
            for (int64_t k = 0; k < d.depth; ++k)
                acc += (static_cast<Acc>(w.at(n, k)) + offsets.w_offset) * (static_cast<Acc>(a.at(m, k)) + offsets.a_offset);
            if (bias) acc += static_cast<Acc>(bias[n]);
            out[m * d.cols + n] = static_cast<Out>(stage.apply(acc, n));
        }
    }
}

// BATCH_MATMUL int8 x int8 -> int32: raw products, zero points ignored (as TFLite does).
inline void int32_matmul_reference(MatrixView<int8_t> a, MatrixView<int8_t> w, const MatmulDims& d,
                                   ColumnRange cols, int32_t* out) {
    for (int64_t m = 0; m < d.rows; ++m) {
        for (int64_t n = cols.begin; n < cols.end; ++n) {
            int32_t total = 0;
            for (int64_t k = 0; k < d.depth; ++k) total += static_cast<int32_t>(a.at(m, k)) * static_cast<int32_t>(w.at(n, k));
            out[m * d.cols + n] = total;
        }
    }
}

}  // namespace litelab
