// Vector arithmetic shared by the recurrent kernels (LSTM, SVDF). It computes what TFLite's
// portable tensor_utils compute, in the same order where the order decides a float result:
// gate activations, layer normalisation, float and hybrid matrix-vector products, and the
// per-row quantisation of float activations that hybrid kernels multiply with int8 weights.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

#include "tflite/schema/tflite_generated.h"

namespace litelab::recurrent {

// The activations a gate or a fused activation can ask for (TFLite's TfLiteFusedActivation
// subset that ApplyActivationToVector handles).
enum class Activation { kNone, kRelu, kReluN1To1, kRelu6, kTanh, kSigmoid };

// False when the schema's activation has no counterpart here (SIGN_BIT).
inline bool activation_from_schema(tflite::ActivationFunctionType type, Activation& out) {
    switch (type) {
        case tflite::ActivationFunctionType_NONE:
            out = Activation::kNone;
            return true;
        case tflite::ActivationFunctionType_RELU:
            out = Activation::kRelu;
            return true;
        case tflite::ActivationFunctionType_RELU_N1_TO_1:
            out = Activation::kReluN1To1;
            return true;
        case tflite::ActivationFunctionType_RELU6:
            out = Activation::kRelu6;
            return true;
        case tflite::ActivationFunctionType_TANH:
            out = Activation::kTanh;
            return true;
        default:
            return false;
    }
}

inline float activate(Activation activation, float x) {
    switch (activation) {
        case Activation::kNone:
            return x;
        case Activation::kRelu:
            return std::max(0.0f, x);
        case Activation::kReluN1To1:
            return std::max(-1.0f, std::min(1.0f, x));
        case Activation::kRelu6:
            return std::max(0.0f, std::min(6.0f, x));
        case Activation::kTanh:
            return std::tanh(x);
        case Activation::kSigmoid:
            return 1.0f / (1.0f + std::exp(-x));
    }
    return x;
}

inline void apply_activation(Activation activation, const float* in, size_t n, float* out) {
    for (size_t i = 0; i < n; ++i) out[i] = activate(activation, in[i]);
}

inline bool is_zero_vector(const float* values, size_t n) {
    return std::all_of(values, values + n, [](float v) { return v == 0.0f; });
}

// result[b][r] += matrix[r] . vectors[b]: each dot product is summed on its own, then added.
inline void matmul_accumulate(const float* matrix, int rows, int cols, const float* vectors, int n_batch,
                              float* result) {
    for (int b = 0; b < n_batch; ++b) {
        const float* vector = vectors + static_cast<ptrdiff_t>(b) * cols;
        for (int r = 0; r < rows; ++r) {
            const float* row = matrix + static_cast<ptrdiff_t>(r) * cols;
            float dot = 0.0f;
            for (int c = 0; c < cols; ++c) dot += row[c] * vector[c];
            *result++ += dot;
        }
    }
}

// How one row of float values was quantised to int8 for a hybrid product.
struct RowQuantization {
    float scale = 1.0f;
    int32_t zero_point = 0;
};

// TFLite's SymmetricQuantizeFloats (asymmetric = false: [-127, 127], zero point 0) and
// AsymmetricQuantizeFloats (the range widened to include 0, the zero point nudged in double).
inline RowQuantization quantize_row(const float* values, int n, bool asymmetric, int8_t* out) {
    const auto [min_it, max_it] = std::minmax_element(values, values + n);
    RowQuantization q;
    if (!asymmetric) {
        const float range = std::max(std::abs(*min_it), std::abs(*max_it));
        if (range == 0.0f) {
            std::fill(out, out + n, int8_t{0});
            return q;
        }
        q.scale = range / 127.0f;
        const float inverse = 127.0f / range;
        for (int i = 0; i < n; ++i) {
            const auto v = static_cast<int32_t>(std::round(values[i] * inverse));
            out[i] = static_cast<int8_t>(std::clamp(v, -127, 127));
        }
        return q;
    }
    const double rmin = std::fmin(0.0, static_cast<double>(*min_it));
    const double rmax = std::fmax(0.0, static_cast<double>(*max_it));
    if (rmin == rmax) {
        std::fill(out, out + n, int8_t{0});
        return q;
    }
    constexpr double kQMin = -128.0;
    constexpr double kQMax = 127.0;
    const double scale = (rmax - rmin) / (kQMax - kQMin);
    const double zero_from_min = kQMin - rmin / scale;
    const double zero_from_max = kQMax - rmax / scale;
    const double error_from_min = std::abs(kQMin) + std::abs(rmin / scale);
    const double error_from_max = std::abs(kQMax) + std::abs(rmax / scale);
    const double zero_point = error_from_min < error_from_max ? zero_from_min : zero_from_max;
    if (zero_point <= kQMin)
        q.zero_point = -128;
    else if (zero_point >= kQMax)
        q.zero_point = 127;
    else
        q.zero_point = static_cast<int32_t>(std::round(zero_point));
    q.scale = static_cast<float>(scale);
    // Inverted in double like TFLite, which rounds once more to float.
    const auto inverse = static_cast<float>(1.0 / static_cast<double>(q.scale));
    for (int i = 0; i < n; ++i) {
        const auto v = static_cast<int32_t>(std::round(static_cast<float>(q.zero_point) + values[i] * inverse));
        out[i] = static_cast<int8_t>(std::clamp(v, -128, 127));
    }
    return q;
}

// Quantises n_batch rows of `cols` values each (TFLite's BatchQuantizeFloats).
inline void quantize_rows(const float* values, int n_batch, int cols, bool asymmetric, int8_t* out,
                          RowQuantization* rows) {
    for (int b = 0; b < n_batch; ++b) {
        const ptrdiff_t offset = static_cast<ptrdiff_t>(b) * cols;
        rows[b] = quantize_row(values + offset, cols, asymmetric, out + offset);
    }
}

// Hybrid product: result[b][r] += (matrix[r] . q[b] - zero_point_b * sum(matrix[r])) *
// (scale_b * weight_scale), the integer dot product exact, scaled once in float.
inline void hybrid_matmul_accumulate(const int8_t* matrix, float weight_scale, int rows, int cols,
                                     const int8_t* vectors, const RowQuantization* quantization, int n_batch,
                                     float* result) {
    for (int b = 0; b < n_batch; ++b) {
        const int8_t* vector = vectors + static_cast<ptrdiff_t>(b) * cols;
        const float scale = quantization[b].scale * weight_scale;
        const int32_t zero_point = quantization[b].zero_point;
        for (int r = 0; r < rows; ++r) {
            const int8_t* row = matrix + static_cast<ptrdiff_t>(r) * cols;
            int32_t dot = 0;
            int32_t row_sum = 0;
            for (int c = 0; c < cols; ++c) {
                dot += int32_t{row[c]} * int32_t{vector[c]};
                row_sum += row[c];
            }
            dot -= row_sum * zero_point;
            *result++ += static_cast<float>(dot) * scale;
        }
    }
}

// Layer normalisation of each row to mean 0 and variance 1 (TFLite's MeanStddevNormalization).
inline void mean_stddev_normalize(float* values, int cols, int n_batch) {
    for (int b = 0; b < n_batch; ++b, values += cols) {
        float sum = 0.0f;
        for (int i = 0; i < cols; ++i) sum += values[i];
        const float mean = sum / static_cast<float>(cols);
        float sum_diff_sq = 0.0f;
        for (int i = 0; i < cols; ++i) {
            const float diff = values[i] - mean;
            sum_diff_sq += diff * diff;
        }
        const float variance = sum_diff_sq / static_cast<float>(cols);
        const float stddev_inv = 1.0f / std::sqrt(variance + 1e-8f);
        for (int i = 0; i < cols; ++i) values[i] = (values[i] - mean) * stddev_inv;
    }
}

// Offsets of a kernel's scratch buffers inside the one block PrepareContext::request_scratch
// reserves, each 16-byte aligned.
class ScratchLayout {
public:
    template <class T>
    size_t add(size_t count) {
        const size_t offset = (bytes_ + 15) / 16 * 16;
        bytes_ = offset + count * sizeof(T);
        return offset;
    }
    size_t bytes() const { return bytes_; }

private:
    size_t bytes_ = 0;
};

template <class T>
T* scratch_at(std::span<uint8_t> scratch, size_t offset) {
    return reinterpret_cast<T*>(scratch.data() + offset);
}

}  // namespace litelab::recurrent
