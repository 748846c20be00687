// Factories of the convolution operators (registered in register.cpp).
#pragma once

#include <memory>

#include "core/result.h"
#include "runtime/kernel.h"

namespace litelab::conv {

Result<std::unique_ptr<OpKernel>> prepare_conv_2d(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_depthwise_conv_2d(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_transpose_conv(PrepareContext& ctx);

}  // namespace litelab::conv
