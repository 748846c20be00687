// Factories of the 2-D pooling operators (NHWC): MAX_POOL_2D and AVERAGE_POOL_2D for float32,
// int8, uint8 and int16; L2_POOL_2D for float32.
#pragma once

#include "runtime/kernel.h"

namespace litelab::pooling {

Result<std::unique_ptr<OpKernel>> prepare_max_pool_2d(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_average_pool_2d(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_l2_pool_2d(PrepareContext& ctx);

}  // namespace litelab::pooling
