// TFLite's GetInvSqrtQuantizedMultiplierExp: 1/sqrt(x) of an int32 as a fixed-point multiplier
// and a left shift (reverse_shift -1, as RSQRT and L2_NORMALIZATION use it), computed with
// gemmlowp's fixed-point Newton-Raphson exactly as TFLite does.
#pragma once

#include <cstdint>

#include "runtime/quant/fixed_point.h"

namespace litelab {

QuantizedMultiplier inverse_sqrt_multiplier(int32_t x);

}  // namespace litelab
