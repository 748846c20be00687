// Factories of the shape kernels (registered in register.cpp).
#pragma once

#include "runtime/kernel.h"

namespace litelab::shape {

Result<std::unique_ptr<OpKernel>> prepare_reshape(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_squeeze(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_expand_dims(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_shape(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_fill(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_zeros_like(PrepareContext& ctx);

}  // namespace litelab::shape
