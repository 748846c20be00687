// Comparisons (LESS, GREATER, EQUAL, ...) and logical operators: what WHILE conditions and IF
// predicates are made of. Inputs broadcast NumPy-style; the output is BOOL. Quantized inputs
// compare their real values: TFLite rescales both sides to a common 8-bit-shifted scale with
// fixed-point multipliers, which we follow.
#include <algorithm>
#include <functional>

#include "runtime/kernel_registry.h"
#include "runtime/quant/fixed_point.h"

namespace litelab {

namespace {

// Output shape and, per output element, the flat index into each input.
struct Broadcast {
    std::vector<int32_t> shape;
    std::vector<int64_t> a_strides, b_strides, out_dims;
};

Result<Broadcast> broadcast(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
    const size_t rank = std::max(a.size(), b.size());
    Broadcast r;
    r.shape.resize(rank);
    r.a_strides.assign(rank, 0);
    r.b_strides.assign(rank, 0);
    auto dim = [rank](const std::vector<int32_t>& s, size_t d) {
        const size_t offset = rank - s.size();
        return d < offset ? 1 : s[d - offset];
    };
    for (size_t d = 0; d < rank; ++d) {
        const int32_t x = dim(a, d), y = dim(b, d);
        if (x != y && x != 1 && y != 1)
            return make_error(ErrorCode::kInvalid, "shapes cannot be broadcast together");
        r.shape[d] = std::max(x, y);
    }
    int64_t sa = 1, sb = 1;
    for (size_t d = rank; d-- > 0;) {
        if (dim(a, d) != 1) r.a_strides[d] = sa;
        if (dim(b, d) != 1) r.b_strides[d] = sb;
        sa *= dim(a, d);
        sb *= dim(b, d);
    }
    r.out_dims.assign(r.shape.begin(), r.shape.end());
    return r;
}

// Visits every output element with the matching input offsets.
template <class Fn>
void for_each_broadcast(const Broadcast& b, Fn fn) {
    const size_t rank = b.out_dims.size();
    int64_t total = 1;
    for (int64_t d : b.out_dims) total *= d;
    std::vector<int64_t> index(rank, 0);
    int64_t ia = 0, ib = 0;
    for (int64_t o = 0; o < total; ++o) {
        fn(o, ia, ib);
        for (size_t d = rank; d-- > 0;) {
            ++index[d];
            ia += b.a_strides[d];
            ib += b.b_strides[d];
            if (index[d] < b.out_dims[d]) break;
            ia -= b.a_strides[d] * index[d];
            ib -= b.b_strides[d] * index[d];
            index[d] = 0;
        }
    }
}

template <class T, class Cmp>
std::unique_ptr<OpKernel> plain_kernel(Broadcast b, Cmp cmp) {
    return make_kernel([b = std::move(b), cmp](const OpContext& c) -> Status {
        const T* x = c.input<T>(0);
        const T* y = c.input<T>(1);
        bool* out = c.output<bool>(0);
        for_each_broadcast(b, [&](int64_t o, int64_t i, int64_t j) { out[o] = cmp(x[i], y[j]); });
        return {};
    });
}

// TFLite's quantized comparison: (q - zero_point) << 8, each side multiplied by its own scale
// as a fixed-point multiplier (QuantizeMultiplierSmallerThanOneExp), then compared as integers.
template <class T, class Cmp>
std::unique_ptr<OpKernel> quantized_kernel(Broadcast b, const QuantParams& qa, const QuantParams& qb, Cmp cmp) {
    constexpr int kLeftShift = 8;
    const QuantizedMultiplier ma = quantize_multiplier(qa.scale0());
    const QuantizedMultiplier mb = quantize_multiplier(qb.scale0());
    const int32_t za = qa.zero_point0(), zb = qb.zero_point0();
    return make_kernel([=, b = std::move(b)](const OpContext& c) -> Status {
        const T* x = c.input<T>(0);
        const T* y = c.input<T>(1);
        bool* out = c.output<bool>(0);
        for_each_broadcast(b, [&](int64_t o, int64_t i, int64_t j) {
            const int32_t sx = multiply_by_quantized_multiplier_smaller_than_one_exp(
                (static_cast<int32_t>(x[i]) - za) * (1 << kLeftShift), ma.multiplier, ma.shift);
            const int32_t sy = multiply_by_quantized_multiplier_smaller_than_one_exp(
                (static_cast<int32_t>(y[j]) - zb) * (1 << kLeftShift), mb.multiplier, mb.shift);
            out[o] = cmp(sx, sy);
        });
        return {};
    });
}

template <template <class> class Cmp>
Result<std::unique_ptr<OpKernel>> prepare_compare(PrepareContext& ctx) {
    if (ctx.num_inputs() != 2 || ctx.num_outputs() != 1) return ctx.invalid("needs two inputs and one output");
    const TensorInfo& a = ctx.input(0);
    const TensorInfo& b = ctx.input(1);
    if (a.type != b.type) return ctx.invalid("inputs of different types");
    if (ctx.output(0).type != DType::kBool) return ctx.unsupported("output type " + std::string(dtype_name(ctx.output(0).type)));
    auto shape = broadcast(a.shape, b.shape);
    if (!shape) return ctx.invalid(shape.error().message);
    ctx.output(0).shape = shape->shape;
    switch (a.type) {
        case DType::kFloat32: return plain_kernel<float>(std::move(*shape), Cmp<float>{});
        case DType::kInt32: return plain_kernel<int32_t>(std::move(*shape), Cmp<int32_t>{});
        case DType::kInt64: return plain_kernel<int64_t>(std::move(*shape), Cmp<int64_t>{});
        case DType::kBool: return plain_kernel<bool>(std::move(*shape), Cmp<bool>{});
        case DType::kInt8:
            return quantized_kernel<int8_t>(std::move(*shape), a.quant, b.quant, Cmp<int32_t>{});
        case DType::kUInt8:
            return quantized_kernel<uint8_t>(std::move(*shape), a.quant, b.quant, Cmp<int32_t>{});
        default:
            return ctx.unsupported("input type " + std::string(dtype_name(a.type)));
    }
}

template <class Fn>
std::unique_ptr<OpKernel> logical_kernel(Broadcast b, Fn fn) {
    return plain_kernel<bool>(std::move(b), fn);
}

Result<std::unique_ptr<OpKernel>> prepare_logical(PrepareContext& ctx, bool is_and) {
    if (ctx.num_inputs() != 2 || ctx.input(0).type != DType::kBool || ctx.input(1).type != DType::kBool)
        return ctx.unsupported("logical operators take two BOOL inputs");
    auto shape = broadcast(ctx.input(0).shape, ctx.input(1).shape);
    if (!shape) return ctx.invalid(shape.error().message);
    ctx.output(0).shape = shape->shape;
    if (is_and) return logical_kernel(std::move(*shape), std::logical_and<bool>{});
    return logical_kernel(std::move(*shape), std::logical_or<bool>{});
}

Result<std::unique_ptr<OpKernel>> prepare_logical_not(PrepareContext& ctx) {
    if (ctx.num_inputs() != 1 || ctx.input(0).type != DType::kBool) return ctx.unsupported("LOGICAL_NOT takes one BOOL input");
    ctx.output(0).shape = ctx.input(0).shape;
    return make_kernel([](const OpContext& c) -> Status {
        const bool* in = c.input<bool>(0);
        bool* out = c.output<bool>(0);
        const int64_t n = c.output_info(0).elements();
        for (int64_t i = 0; i < n; ++i) out[i] = !in[i];
        return {};
    });
}

}  // namespace

void register_compare_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_LESS, prepare_compare<std::less>);
    registry.add(tflite::BuiltinOperator_LESS_EQUAL, prepare_compare<std::less_equal>);
    registry.add(tflite::BuiltinOperator_GREATER, prepare_compare<std::greater>);
    registry.add(tflite::BuiltinOperator_GREATER_EQUAL, prepare_compare<std::greater_equal>);
    registry.add(tflite::BuiltinOperator_EQUAL, prepare_compare<std::equal_to>);
    registry.add(tflite::BuiltinOperator_NOT_EQUAL, prepare_compare<std::not_equal_to>);
    registry.add(tflite::BuiltinOperator_LOGICAL_AND, [](PrepareContext& ctx) { return prepare_logical(ctx, true); });
    registry.add(tflite::BuiltinOperator_LOGICAL_OR, [](PrepareContext& ctx) { return prepare_logical(ctx, false); });
    registry.add(tflite::BuiltinOperator_LOGICAL_NOT, prepare_logical_not);
}

}  // namespace litelab
