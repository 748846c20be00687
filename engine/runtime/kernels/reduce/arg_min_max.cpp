// ARG_MAX and ARG_MIN along one constant axis (TFLite's arg_min_max.cc and
// reference/arg_min_max.h): the first index holding the extreme value wins, since only a strictly
// greater (smaller) value replaces the current one. The index type is the output's, int32 or int64.
#include <string>
#include <vector>

#include "runtime/kernels/reduce/reduce.h"

namespace litelab::reduce {

namespace {

struct ArgShape {
    int64_t outer = 1;  // elements before the axis
    int64_t axis = 1;   // the axis' extent
    int64_t inner = 1;  // elements after the axis
};

template <class T, class Index, bool kMax>
std::unique_ptr<OpKernel> arg_kernel(ArgShape s) {
    return make_kernel([s](const OpContext& c) -> Status {
        const T* in = c.input<T>(0);
        Index* out = c.output<Index>(0);
        for (int64_t o = 0; o < s.outer; ++o) {
            for (int64_t i = 0; i < s.inner; ++i) {
                const T* column = in + o * s.axis * s.inner + i;
                T best = column[0];
                Index best_index = 0;
                for (int64_t k = 1; k < s.axis; ++k) {
                    const T v = column[k * s.inner];
                    if (kMax ? v > best : v < best) {
                        best = v;
                        best_index = static_cast<Index>(k);
                    }
                }
                out[o * s.inner + i] = best_index;
            }
        }
        return {};
    });
}

template <class T, bool kMax>
std::unique_ptr<OpKernel> arg_kernel_for_index(DType index_type, ArgShape s) {
    if (index_type == DType::kInt32) return arg_kernel<T, int32_t, kMax>(s);
    return arg_kernel<T, int64_t, kMax>(s);
}

template <bool kMax>
Result<std::unique_ptr<OpKernel>> prepare_arg(PrepareContext& ctx) {
    if (ctx.num_inputs() != 2 || ctx.num_outputs() != 1 || !ctx.has_input(0) || !ctx.has_input(1))
        return ctx.invalid("ARG_MAX/ARG_MIN needs an input, an axis and one output");
    const TensorInfo& in = ctx.input(0);
    const TensorInfo& axis_info = ctx.input(1);
    const DType index_type = ctx.output(0).type;
    if (index_type != DType::kInt32 && index_type != DType::kInt64)
        return ctx.unsupported("output type " + std::string(dtype_name(index_type)));
    // The options name the index type too (ArgMaxOptions / ArgMinOptions); they must agree.
    const tflite::TensorType wanted = kMax ? ctx.options_or_default<tflite::ArgMaxOptionsT>().output_type
                                           : ctx.options_or_default<tflite::ArgMinOptionsT>().output_type;
    const bool has_options =
        kMax ? ctx.options<tflite::ArgMaxOptionsT>() != nullptr : ctx.options<tflite::ArgMinOptionsT>() != nullptr;
    if (has_options && static_cast<int>(wanted) != static_cast<int>(index_type))
        return ctx.invalid("the options ask for " + std::string(tflite::EnumNameTensorType(wanted)) +
                           " indices, the output is " + std::string(dtype_name(index_type)));
    if (axis_info.type != DType::kInt32 && axis_info.type != DType::kInt64)
        return ctx.unsupported("axis of type " + std::string(dtype_name(axis_info.type)));
    if (!ctx.is_constant(1)) return ctx.unsupported("an axis that is not constant");
    if (axis_info.elements() != 1) return ctx.invalid("the axis must be a single value");
    if (in.rank() == 0) return ctx.invalid("ARG_MAX/ARG_MIN of a scalar");
    int64_t axis = axis_info.type == DType::kInt32 ? ctx.constant<int32_t>(1)[0] : ctx.constant<int64_t>(1)[0];
    if (axis < -in.rank() || axis >= in.rank())
        return ctx.invalid("axis " + std::to_string(axis) + " out of range for rank " + std::to_string(in.rank()));
    if (axis < 0) axis += in.rank();

    ArgShape s;
    std::vector<int32_t> out_shape;
    for (int d = 0; d < in.rank(); ++d) {
        if (d < axis) s.outer *= in.dim(d);
        if (d > axis) s.inner *= in.dim(d);
        if (d != axis) out_shape.push_back(in.dim(d));
    }
    s.axis = in.dim(static_cast<int>(axis));
    if (s.axis == 0) return ctx.invalid("ARG_MAX/ARG_MIN along an empty axis");
    ctx.output(0).shape = out_shape;

    switch (in.type) {
        case DType::kFloat32:
            return arg_kernel_for_index<float, kMax>(index_type, s);
        case DType::kInt8:
            return arg_kernel_for_index<int8_t, kMax>(index_type, s);
        case DType::kUInt8:
            return arg_kernel_for_index<uint8_t, kMax>(index_type, s);
        case DType::kInt32:
            return arg_kernel_for_index<int32_t, kMax>(index_type, s);
        default:
            return ctx.unsupported("input type " + std::string(dtype_name(in.type)));
    }
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_arg_max(PrepareContext& ctx) {
    return prepare_arg<true>(ctx);
}
Result<std::unique_ptr<OpKernel>> prepare_arg_min(PrepareContext& ctx) {
    return prepare_arg<false>(ctx);
}

}  // namespace litelab::reduce
