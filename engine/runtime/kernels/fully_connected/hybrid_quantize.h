// Hybrid (dynamic-range) kernels quantize each float activation row to int8 on the fly, as
// TensorFlow Lite's tensor_utils::SymmetricQuantizeFloats / AsymmetricQuantizeFloats do, then
// multiply with the int8 weights and scale the integer dot products back to float
// (MatrixBatchVectorMultiplyAccumulate with scaling factors, per-channel scales and offsets).
#pragma once

#include <cstdint>

namespace litelab {

struct RowQuantization {
    float scale = 1.0f;  // real value of one quantized step
    int32_t offset = 0;  // the row's zero point (0 when symmetric)
};

// Symmetric: range [-max|x|, max|x|] onto [-127, 127]; an all-zero row gets scale 1.
RowQuantization symmetric_quantize_row(const float* values, int64_t size, int8_t* quantized);
// Asymmetric: [min(x, 0), max(x, 0)] onto [-128, 127] with a nudged zero point.
RowQuantization asymmetric_quantize_row(const float* values, int64_t size, int8_t* quantized);

// Quantizes `rows` contiguous float rows (TFLite's BatchQuantizeFloats); a per-tensor weight
// scale, when given, is folded into each row's scale as the hybrid kernels do before multiplying.
void quantize_rows(const float* input, int64_t rows, int64_t depth, bool asymmetric, const float* weight_scale,
                   int8_t* quantized, float* scales, int32_t* offsets);

// How a row's offset is taken out of the dot product: FULLY_CONNECTED subtracts
// row_sum * offset in int32; BATCH_MATMUL's reference computes it in float and truncates.
enum class OffsetArithmetic { kInteger, kFloat };

inline int32_t remove_offset(int32_t dot, int32_t weight_row_sum, int32_t offset, OffsetArithmetic arithmetic) {
    if (arithmetic == OffsetArithmetic::kInteger) {
        return static_cast<int32_t>(static_cast<uint32_t>(dot) -
                                    static_cast<uint32_t>(weight_row_sum) * static_cast<uint32_t>(offset));
    }
    return static_cast<int32_t>(static_cast<float>(dot) -
                                static_cast<float>(weight_row_sum) * static_cast<float>(offset));
}

}  // namespace litelab
