// CAST between the numeric types TFLite casts: float32/16/64, int64/32/16/8, uint32/16/8,
// bool and complex64 (the real part), with C++'s conversions as TFLite's static_cast does.
// Where C++ leaves a conversion undefined (a float beyond the integer range, NaN) we saturate
// and map NaN to 0 rather than depend on the hardware.
#include <cmath>
#include <complex>
#include <limits>
#include <type_traits>

#include "runtime/kernels/quantize/half_float.h"
#include "runtime/kernels/quantize/quantize_common.h"

namespace litelab::quantize {

namespace {

struct Half {
    uint16_t bits;
};
using Complex = std::complex<float>;

template <class T>
struct Tag {
    using type = T;
};

// Calls fn(Tag<C++ type>) for a castable tensor type; false for the others.
template <class Fn>
bool visit(DType type, Fn&& fn) {
    switch (type) {
        case DType::kFloat32: fn(Tag<float>{}); return true;
        case DType::kFloat16: fn(Tag<Half>{}); return true;
        case DType::kFloat64: fn(Tag<double>{}); return true;
        case DType::kInt64: fn(Tag<int64_t>{}); return true;
        case DType::kInt32: fn(Tag<int32_t>{}); return true;
        case DType::kUInt32: fn(Tag<uint32_t>{}); return true;
        case DType::kInt16: fn(Tag<int16_t>{}); return true;
        case DType::kUInt16: fn(Tag<uint16_t>{}); return true;
        case DType::kInt8: fn(Tag<int8_t>{}); return true;
        case DType::kUInt8: fn(Tag<uint8_t>{}); return true;
        case DType::kBool: fn(Tag<bool>{}); return true;
        case DType::kComplex64: fn(Tag<Complex>{}); return true;
        default: return false;
    }
}

template <class To, class From>
To convert(From v) {
    if constexpr (std::is_same_v<From, Half>) {
        return convert<To>(half_to_float(v.bits));
    } else if constexpr (std::is_same_v<From, Complex>) {
        if constexpr (std::is_same_v<To, Complex>) return v;
        else return convert<To>(v.real());
    } else if constexpr (std::is_same_v<To, Half>) {
        return Half{float_to_half(convert<float>(v))};
    } else if constexpr (std::is_same_v<To, Complex>) {
        return Complex(convert<float>(v), 0.0f);
    } else if constexpr (std::is_same_v<To, bool>) {
        return v != From{0};
    } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
        if (std::isnan(v)) return To{0};
        // The bounds as From: the top one rounds up to a power of two, which is out of range.
        constexpr auto low = static_cast<From>(std::numeric_limits<To>::min());
        constexpr auto high = static_cast<From>(std::numeric_limits<To>::max());
        if (v <= low) return std::numeric_limits<To>::min();
        if (v >= high) return std::numeric_limits<To>::max();
        return static_cast<To>(v);
    } else {
        return static_cast<To>(v);
    }
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_cast(PrepareContext& ctx) {
    LITELAB_TRY(prepare_one_to_one(ctx));
    const DType from = ctx.input(0).type;
    const DType to = ctx.output(0).type;
    std::unique_ptr<OpKernel> kernel;
    const bool known = visit(from, [&](auto in_tag) {
        visit(to, [&](auto out_tag) {
            using In = typename decltype(in_tag)::type;
            using Out = typename decltype(out_tag)::type;
            kernel = make_kernel([](const OpContext& c) -> Status {
                map_elements<In, Out>(c, [](In v) { return convert<Out>(v); });
                return {};
            });
        });
    });
    if (!known || !kernel) return ctx.unsupported(pair_message(from, to));
    return kernel;
}

}  // namespace litelab::quantize
