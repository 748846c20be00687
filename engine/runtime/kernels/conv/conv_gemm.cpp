#include "runtime/kernels/conv/conv_gemm.h"

#include <Eigen/Core>

#if defined(__x86_64__)
#include <immintrin.h>
#define LITELAB_X86_DISPATCH 1
#endif

namespace litelab::conv {

void gemm_nt(const float* a, int64_t rows, int64_t depth, const float* b, int64_t cols, float* c) {
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::Map<const RowMajor> lhs(a, rows, depth);
    const Eigen::Map<const RowMajor> rhs(b, cols, depth);
    Eigen::Map<RowMajor> out(c, rows, cols);
    out.noalias() = lhs * rhs.transpose();
}

namespace {

#if defined(__SSE2__)

inline int32_t horizontal_sum(__m128i v) {
    v = _mm_add_epi32(v, _mm_shuffle_epi32(v, _MM_SHUFFLE(1, 0, 3, 2)));
    v = _mm_add_epi32(v, _mm_shuffle_epi32(v, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(v);
}

inline __m128i load(const int16_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(static_cast<const void*>(p))); }

// `pixels` (1 or 2) rows of a against 4 filters: 8 accumulators of 4 lanes each stay in
// registers, each step multiplies 8 depth values pairwise.
template <int kPixels>
void block(const int16_t* a, int64_t depth, const int16_t* b, int32_t sums[kPixels][kInt16Filters]) {
    __m128i acc[kPixels][kInt16Filters];
    for (auto& row : acc)
        for (auto& v : row) v = _mm_setzero_si128();
    for (int64_t k = 0; k < depth; k += kInt16Depth) {
        const __m128i f0 = load(b + k), f1 = load(b + depth + k), f2 = load(b + 2 * depth + k),
                      f3 = load(b + 3 * depth + k);
        for (int p = 0; p < kPixels; ++p) {
            const __m128i x = load(a + p * depth + k);
            acc[p][0] = _mm_add_epi32(acc[p][0], _mm_madd_epi16(x, f0));
            acc[p][1] = _mm_add_epi32(acc[p][1], _mm_madd_epi16(x, f1));
            acc[p][2] = _mm_add_epi32(acc[p][2], _mm_madd_epi16(x, f2));
            acc[p][3] = _mm_add_epi32(acc[p][3], _mm_madd_epi16(x, f3));
        }
    }
    for (int p = 0; p < kPixels; ++p)
        for (int f = 0; f < kInt16Filters; ++f) sums[p][f] = horizontal_sum(acc[p][f]);
}

#else

template <int kPixels>
void block(const int16_t* a, int64_t depth, const int16_t* b, int32_t sums[kPixels][kInt16Filters]) {
    for (int p = 0; p < kPixels; ++p)
        for (int f = 0; f < kInt16Filters; ++f) {
            int32_t sum = 0;
            for (int64_t k = 0; k < depth; ++k) sum += int32_t{a[p * depth + k]} * b[f * depth + k];
            sums[p][f] = sum;
        }
}

#endif

template <int kPixels>
void block_row(const int16_t* a, int64_t depth, const int16_t* b, int64_t cols, int32_t* c) {
    for (int64_t f0 = 0; f0 < cols; f0 += kInt16Filters) {
        int32_t sums[kPixels][kInt16Filters];
        block<kPixels>(a, depth, b + f0 * depth, sums);
        const int64_t n = cols - f0 < kInt16Filters ? cols - f0 : kInt16Filters;
        for (int p = 0; p < kPixels; ++p)
            for (int64_t f = 0; f < n; ++f) c[p * cols + f0 + f] = sums[p][f];
    }
}


#if defined(LITELAB_X86_DISPATCH)

// The same blocks 16 depth values at a time in 256-bit registers. Compiled for AVX2 whatever the
// build's flags, and only called when the processor reports AVX2.
__attribute__((target("avx2"))) inline __m256i load_wide(const int16_t* p) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(static_cast<const void*>(p)));
}

template <int kPixels>
__attribute__((target("avx2"))) void block_avx2(const int16_t* a, int64_t depth, const int16_t* b,
                                                int32_t sums[kPixels][kInt16Filters]) {
    __m256i acc[kPixels][kInt16Filters];
    for (auto& row : acc)
        for (auto& v : row) v = _mm256_setzero_si256();
    for (int64_t k = 0; k < depth; k += 16) {
        const __m256i f0 = load_wide(b + k), f1 = load_wide(b + depth + k), f2 = load_wide(b + 2 * depth + k),
                      f3 = load_wide(b + 3 * depth + k);
        for (int p = 0; p < kPixels; ++p) {
            const __m256i x = load_wide(a + p * depth + k);
            acc[p][0] = _mm256_add_epi32(acc[p][0], _mm256_madd_epi16(x, f0));
            acc[p][1] = _mm256_add_epi32(acc[p][1], _mm256_madd_epi16(x, f1));
            acc[p][2] = _mm256_add_epi32(acc[p][2], _mm256_madd_epi16(x, f2));
            acc[p][3] = _mm256_add_epi32(acc[p][3], _mm256_madd_epi16(x, f3));
        }
    }
    // The four filters' sums of a pixel in one vector: pairwise horizontal adds, then the halves.
    for (int p = 0; p < kPixels; ++p) {
        const __m256i pairs = _mm256_hadd_epi32(_mm256_hadd_epi32(acc[p][0], acc[p][1]),
                                                _mm256_hadd_epi32(acc[p][2], acc[p][3]));
        const __m128i four = _mm_add_epi32(_mm256_castsi256_si128(pairs), _mm256_extracti128_si256(pairs, 1));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(static_cast<void*>(sums[p])), four);
    }
}

template <int kPixels>
__attribute__((target("avx2"))) void block_row_avx2(const int16_t* a, int64_t depth, const int16_t* b, int64_t cols,
                                                    int32_t* c) {
    for (int64_t f0 = 0; f0 < cols; f0 += kInt16Filters) {
        int32_t sums[kPixels][kInt16Filters];
        block_avx2<kPixels>(a, depth, b + f0 * depth, sums);
        const int64_t n = cols - f0 < kInt16Filters ? cols - f0 : kInt16Filters;
        for (int p = 0; p < kPixels; ++p)
            for (int64_t f = 0; f < n; ++f) c[p * cols + f0 + f] = sums[p][f];
    }
}

__attribute__((target("avx2"))) void gemm_nt_avx2(const int16_t* a, int64_t rows, int64_t depth, const int16_t* b,
                                                  int64_t cols, int32_t* c) {
    int64_t r = 0;
    for (; r + 2 <= rows; r += 2) block_row_avx2<2>(a + r * depth, depth, b, cols, c + r * cols);
    if (r < rows) block_row_avx2<1>(a + r * depth, depth, b, cols, c + r * cols);
}

bool has_avx2() {
    static const bool available = __builtin_cpu_supports("avx2");
    return available;
}

#endif  // LITELAB_X86_DISPATCH

}  // namespace

void gemm_nt(const int16_t* a, int64_t rows, int64_t depth, const int16_t* b, int64_t cols, int32_t* c) {
#if defined(LITELAB_X86_DISPATCH)
    if (has_avx2()) return gemm_nt_avx2(a, rows, depth, b, cols, c);
#endif
    int64_t r = 0;
    for (; r + 2 <= rows; r += 2) block_row<2>(a + r * depth, depth, b, cols, c + r * cols);
    if (r < rows) block_row<1>(a + r * depth, depth, b, cols, c + r * cols);
}

const char* int16_gemm_path() {
#if defined(LITELAB_X86_DISPATCH)
    if (has_avx2()) return "avx2";
#endif
#if defined(__SSE2__)
    return "sse2";
#else
    return "scalar";
#endif
}

}  // namespace litelab::conv
