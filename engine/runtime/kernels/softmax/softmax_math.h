// Fixed-point pieces of TFLite's integer SOFTMAX and LOG_SOFTMAX that gemmlowp
// does not provide (TFLite keeps them in kernels/internal/common.h and quantization_util.cc):
// the reciprocal of a sum of exponentials, log(x) for x >= 1, and the input scalings that turn
// (x - max) into the Q5.26 values exp_on_negative_values expects.
#pragma once

#include <cstdint>

#include <gemmlowp/fixedpoint/fixedpoint.h>

#include "runtime/quant/fixed_point.h"

namespace litelab::softmax {

// The input representation for exp(): Q5.26 (TFLite's kScaledDiffIntegerBits).
inline constexpr int kSoftmaxDiffIntegerBits = 5;
// Sums of exponentials accumulate in Q12.19 (kAccumulationIntegerBits).
inline constexpr int kSoftmaxAccumIntegerBits = 12;

// Multiplies (x - max) into Q5.26: PreprocessSoftmaxScaling(beta, scale, 5). The left shift is >= 0.
QuantizedMultiplier softmax_input_scaling(double beta, double input_scale);

// LOG_SOFTMAX also needs the inverse scaling (PreprocessLogSoftmaxScalingExp): a multiplier < 1
// and its (non-positive) shift.
QuantizedMultiplier log_softmax_reverse_scaling(QuantizedMultiplier input_scaling);

// The most negative (x - max) whose rescaled value still fits (CalculateInputRadius, negated):
// smaller differences contribute nothing.
int32_t softmax_diff_min(int input_left_shift);

// 1/x for a positive Q12.19 sum as a Q0.31 value times 2^-num_bits_over_unit (GetReciprocal).
int32_t fixed_point_reciprocal(int32_t x, int x_integer_digits, int* num_bits_over_unit);

// log(x) for a Q5.26 x >= 1, as Q5.26 (log_x_for_x_greater_than_or_equal_to_1<5>(Q12.19 x),
// with both the input's and the output's integer bits as TFLite instantiates them).
int32_t fixed_point_log_q12_to_q5(int32_t sum_of_exps_q12);

}  // namespace litelab::softmax
