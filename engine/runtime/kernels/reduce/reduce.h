// Factories of the reduction operators: MEAN, SUM and REDUCE_MAX over constant axes (float32,
// int32, int64, and quantized int8, uint8, int16), ARG_MAX and ARG_MIN (float32, int8, uint8,
// int32 inputs; int32 or int64 indices).
#pragma once

#include "runtime/kernel.h"

namespace litelab::reduce {

Result<std::unique_ptr<OpKernel>> prepare_mean(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_sum(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_reduce_max(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_arg_max(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_arg_min(PrepareContext& ctx);

}  // namespace litelab::reduce
