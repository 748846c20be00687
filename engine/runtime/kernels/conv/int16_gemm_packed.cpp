#include "runtime/kernels/conv/int16_gemm_packed.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#define LITELAB_X86_DISPATCH 1
#endif

namespace litelab::conv {

namespace {

// Stores 8 sums of one pixel: all of them, or the first `n` for the last, partial group.
inline void store_group(const int32_t (&sums)[8], int32_t* c, int64_t n) {
    std::memcpy(c, sums, static_cast<size_t>(n) * sizeof(int32_t));
}

inline int32_t pair_at(const int16_t* row, int64_t k) {
    int32_t pair;
    std::memcpy(&pair, row + k, sizeof pair);
    return pair;
}

#if defined(LITELAB_X86_DISPATCH)

// kPixels pixels x kGroups groups of 8 channels, in registers for the whole depth.
template <int kPixels, int kGroups>
__attribute__((target("avx2"))) void tile_avx2(const int16_t* a, int64_t depth, const int16_t* b, int64_t group_stride,
                                               int32_t* c, int64_t ldc, int64_t last_cols) {
    __m256i acc[kPixels][kGroups];
    for (auto& row : acc)
        for (auto& v : row) v = _mm256_setzero_si256();
    for (int64_t k = 0; k < depth; k += 2) {
        __m256i w[kGroups];
        for (int g = 0; g < kGroups; ++g)
            w[g] = _mm256_loadu_si256(
                reinterpret_cast<const __m256i*>(static_cast<const void*>(b + g * group_stride + k * 8)));
        for (int p = 0; p < kPixels; ++p) {
            const __m256i x = _mm256_set1_epi32(pair_at(a + p * depth, k));
            for (int g = 0; g < kGroups; ++g) acc[p][g] = _mm256_add_epi32(acc[p][g], _mm256_madd_epi16(x, w[g]));
        }
    }
    for (int p = 0; p < kPixels; ++p)
        for (int g = 0; g < kGroups; ++g) {
            int32_t* out = c + p * ldc + g * 8;
            if (g == kGroups - 1 && last_cols < 8) {
                alignas(32) int32_t sums[8];
                _mm256_store_si256(reinterpret_cast<__m256i*>(static_cast<void*>(sums)), acc[p][g]);
                store_group(sums, out, last_cols);
            } else {
                _mm256_storeu_si256(reinterpret_cast<__m256i*>(static_cast<void*>(out)), acc[p][g]);
            }
        }
}

template <int kPixels>
__attribute__((target("avx2"))) void pixels_avx2(const int16_t* a, const PackedInt16Filters& b, int32_t* c) {
    const int64_t group_stride = b.depth * 8;
    const int64_t groups = (b.cols + 7) / 8;
    int64_t g = 0;
    for (; g + 2 <= groups; g += 2) {
        const int64_t last = std::min<int64_t>(8, b.cols - (g + 1) * 8);
        tile_avx2<kPixels, 2>(a, b.depth, b.values.data() + g * group_stride, group_stride, c + g * 8, b.cols, last);
    }
    if (g < groups)
        tile_avx2<kPixels, 1>(a, b.depth, b.values.data() + g * group_stride, group_stride, c + g * 8, b.cols,
                              b.cols - g * 8);
}

__attribute__((target("avx2"))) void gemm_avx2(const int16_t* a, int64_t rows, const PackedInt16Filters& b,
                                               int32_t* c) {
    int64_t r = 0;
    for (; r + 4 <= rows; r += 4) pixels_avx2<4>(a + r * b.depth, b, c + r * b.cols);
    switch (rows - r) {
        case 3:
            pixels_avx2<3>(a + r * b.depth, b, c + r * b.cols);
            break;
        case 2:
            pixels_avx2<2>(a + r * b.depth, b, c + r * b.cols);
            break;
        case 1:
            pixels_avx2<1>(a + r * b.depth, b, c + r * b.cols);
            break;
        default:
            break;
    }
}

bool has_avx2() {
    static const bool available = __builtin_cpu_supports("avx2");
    return available;
}

// SSE2: one group of 8 channels is two registers of 4.
template <int kPixels>
void tile_sse2(const int16_t* a, int64_t depth, const int16_t* b, int32_t* c, int64_t ldc, int64_t cols) {
    __m128i acc[kPixels][2];
    for (auto& row : acc)
        for (auto& v : row) v = _mm_setzero_si128();
    for (int64_t k = 0; k < depth; k += 2) {
        const __m128i w0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(static_cast<const void*>(b + k * 8)));
        const __m128i w1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(static_cast<const void*>(b + k * 8 + 8)));
        for (int p = 0; p < kPixels; ++p) {
            const __m128i x = _mm_set1_epi32(pair_at(a + p * depth, k));
            acc[p][0] = _mm_add_epi32(acc[p][0], _mm_madd_epi16(x, w0));
            acc[p][1] = _mm_add_epi32(acc[p][1], _mm_madd_epi16(x, w1));
        }
    }
    for (int p = 0; p < kPixels; ++p) {
        int32_t sums[8];
        _mm_storeu_si128(reinterpret_cast<__m128i*>(static_cast<void*>(sums)), acc[p][0]);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(static_cast<void*>(sums + 4)), acc[p][1]);
        store_group(sums, c + p * ldc, cols);
    }
}

template <int kPixels>
void pixels_sse2(const int16_t* a, const PackedInt16Filters& b, int32_t* c) {
    const int64_t group_stride = b.depth * 8;
    for (int64_t g = 0; g * 8 < b.cols; ++g)
        tile_sse2<kPixels>(a, b.depth, b.values.data() + g * group_stride, c + g * 8, b.cols,
                           std::min<int64_t>(8, b.cols - g * 8));
}

void gemm_portable(const int16_t* a, int64_t rows, const PackedInt16Filters& b, int32_t* c) {
    int64_t r = 0;
    for (; r + 4 <= rows; r += 4) pixels_sse2<4>(a + r * b.depth, b, c + r * b.cols);
    for (; r < rows; ++r) pixels_sse2<1>(a + r * b.depth, b, c + r * b.cols);
}

#else

void gemm_portable(const int16_t* a, int64_t rows, const PackedInt16Filters& b, int32_t* c) {
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t oc = 0; oc < b.cols; ++oc) {
            const int16_t* w = b.values.data() + (oc / 8) * b.depth * 8 + (oc % 8) * 2;
            int32_t sum = 0;
            for (int64_t k = 0; k < b.depth; k += 2)
                sum += int32_t{a[r * b.depth + k]} * w[k * 8] + int32_t{a[r * b.depth + k + 1]} * w[k * 8 + 1];
            c[r * b.cols + oc] = sum;
        }
}

#endif

}  // namespace

void gemm_nt(const int16_t* a, int64_t rows, const PackedInt16Filters& b, int32_t* c, Int16GemmPath path) {
#if defined(LITELAB_X86_DISPATCH)
    if (path == Int16GemmPath::kBest && has_avx2()) return gemm_avx2(a, rows, b, c);
#else
    (void)path;
#endif
    gemm_portable(a, rows, b, c);
}

const char* int16_gemm_path() {
#if defined(LITELAB_X86_DISPATCH)
    return has_avx2() ? "avx2" : "sse2";
#else
    return "scalar";
#endif
}

}  // namespace litelab::conv
