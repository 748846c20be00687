// Factories of the layout kernels (registered in register.cpp).
#pragma once

#include "runtime/kernel.h"

namespace litelab::layout {

Result<std::unique_ptr<OpKernel>> prepare_transpose(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_concatenation(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_pack(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_split(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_split_v(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_unpack(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_slice(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_strided_slice(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_gather(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_pad(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_mirror_pad(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_resize_bilinear(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_resize_nearest_neighbor(PrepareContext& ctx);

}  // namespace litelab::layout
