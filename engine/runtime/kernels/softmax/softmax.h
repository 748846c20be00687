// Factories of the normalisations along the last dimension: SOFTMAX (float32; int8 -> int8 or
// int16; uint8 -> uint8 or int16; int16 -> int16), LOG_SOFTMAX (float32, int8, uint8) and
// L2_NORMALIZATION (float32, int8, uint8).
#pragma once

#include "runtime/kernel.h"

namespace litelab::softmax {

Result<std::unique_ptr<OpKernel>> prepare_softmax(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_log_softmax(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_l2_normalization(PrepareContext& ctx);

}  // namespace litelab::softmax
