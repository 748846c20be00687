// The integer core of the hybrid kernels: int8 activation rows (quantized per row) times int8
// weights, each dot product corrected for the row's offset and scaled back to float, added to
// what `out` already holds (the float bias, or zero), in TFLite's order of float operations.
#pragma once

#include <cstdint>

#include "runtime/kernels/fully_connected/hybrid_quantize.h"
#include "runtime/kernels/fully_connected/matrix_view.h"

namespace litelab {

struct HybridRows {
    const int8_t* data = nullptr;      // rows x depth, contiguous
    const float* scales = nullptr;     // per row; already times the weight scale when per-tensor
    const int32_t* offsets = nullptr;  // per row; null when the rows are symmetric
};

struct HybridWeights {
    MatrixView<int8_t> w;                   // cols x depth
    const int32_t* row_sums = nullptr;      // per weight row, needed with offsets
    const float* channel_scales = nullptr;  // per weight row when per-channel, else null
};

inline float hybrid_scale(const HybridRows& a, const HybridWeights& w, int64_t m, int64_t n) {
    float scale = a.scales[m];
    if (w.channel_scales) scale *= w.channel_scales[n];
    return scale;
}

inline float hybrid_output(float initial, int32_t dot, const HybridRows& a, const HybridWeights& w,
                           OffsetArithmetic arithmetic, int64_t m, int64_t n) {
    if (a.offsets) dot = remove_offset(dot, w.row_sums[n], a.offsets[m], arithmetic);
    return initial + static_cast<float>(dot) * hybrid_scale(a, w, m, n);
}

inline void hybrid_matmul_reference(const HybridRows& a, const HybridWeights& w, OffsetArithmetic arithmetic,
                                    const MatmulDims& d, float* out) {
    for (int64_t m = 0; m < d.rows; ++m) {
        const int8_t* row = a.data + m * d.depth;
        for (int64_t n = 0; n < d.cols; ++n) {
            int32_t dot = 0;
            for (int64_t k = 0; k < d.depth; ++k) dot += static_cast<int32_t>(row[k]) * static_cast<int32_t>(w.w.at(n, k));
            float& o = out[m * d.cols + n];
            o = hybrid_output(o, dot, a, w, arithmetic, m, n);
        }
    }
}

// Sum of each weight row (TFLite's ReductionSumVector), for taking row offsets out.
inline void weight_row_sums(MatrixView<int8_t> w, int64_t rows, int64_t depth, int32_t* sums) {
    for (int64_t n = 0; n < rows; ++n) {
        int32_t sum = 0;
        for (int64_t k = 0; k < depth; ++k) sum += w.at(n, k);
        sums[n] = sum;
    }
}

}  // namespace litelab
