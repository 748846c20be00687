// SHAPE: the input's dimensions as an INT32 or INT64 vector. It reads only the input's shape,
// so the compiler folds it even when the input's values are unknown.
#include "runtime/kernels/shape/shape_kernels.h"

namespace litelab::shape {

namespace {

template <class T>
Status write_dims(const OpContext& c) {
    T* out = c.output<T>(0);
    for (int32_t d : c.input_info(0).shape) *out++ = static_cast<T>(d);
    return {};
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_shape(PrepareContext& ctx) {
    TensorInfo& out = ctx.output(0);
    out.shape = {ctx.input(0).rank()};
    if (out.type == DType::kInt32) return make_kernel(write_dims<int32_t>);
    if (out.type == DType::kInt64) return make_kernel(write_dims<int64_t>);
    return ctx.unsupported("output of type " + std::string(dtype_name(out.type)));
}

}  // namespace litelab::shape
