#include "runtime/kernels/fully_connected/int16_gemm.h"

namespace litelab {

void dot_rows_int16(const int16_t* a, const int16_t* w, int64_t count, int64_t stride, int32_t* out) {
    for (int64_t j = 0; j < count; ++j, w += stride) {
        // A fixed-length inner block lets the compiler vectorise it (pmaddwd / smlal) even at
        // -O2; the running sum wraps like the reference's int32 accumulator would.
        uint32_t sum = 0;
        for (int64_t k = 0; k < stride; k += kDepthBlock) {
            int32_t block = 0;
            for (int64_t i = 0; i < kDepthBlock; ++i)
                block += static_cast<int32_t>(a[k + i]) * static_cast<int32_t>(w[k + i]);
            sum += static_cast<uint32_t>(block);
        }
        out[j] = static_cast<int32_t>(sum);
    }
}

void dot_rows_int16_wide(const int16_t* a, const int16_t* w, int64_t count, int64_t stride, int64_t* out) {
    for (int64_t j = 0; j < count; ++j, w += stride) {
        int64_t sum = 0;
        for (int64_t k = 0; k < stride; k += kDepthBlock) {
            int32_t block = 0;
            for (int64_t i = 0; i < kDepthBlock; ++i)
                block += static_cast<int32_t>(a[k + i]) * static_cast<int32_t>(w[k + i]);
            sum += block;
        }
        out[j] = sum;
    }
}

}  // namespace litelab
