// What the elementwise kernels share: checking operands, TFLite's activation ranges, and
// running a per-element function over (broadcast) tensors on the interpreter's threads.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "runtime/kernel.h"
#include "runtime/kernel_registry.h"
#include "runtime/kernels/elementwise/broadcast.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::elementwise {

// Output elements per thread chunk: below this, threads cost more than they save.
constexpr int64_t kMinChunk = 16384;

// Arity, matching types of both inputs and the output, and the broadcast; sets the output shape.
Result<BroadcastPlan> prepare_binary(PrepareContext& ctx);
// Arity and matching types of input and output; the output takes the input's shape.
Status prepare_unary(PrepareContext& ctx);

// The tensor's per-tensor scale and zero point, refused when it has none or is per-axis.
Status require_per_tensor(const PrepareContext& ctx, const TensorInfo& tensor, const char* role);
// Refuses fused activations that TFLite's kernels silently ignore (TANH, SIGN_BIT).
Status check_activation(const PrepareContext& ctx, tflite::ActivationFunctionType activation);

std::string type_message(const char* what, DType type);

// TFLite's CalculateActivationRange for unquantized integer outputs.
template <class T>
std::pair<T, T> integer_activation_range(tflite::ActivationFunctionType activation) {
    switch (activation) {
        case tflite::ActivationFunctionType_RELU: return {T{0}, std::numeric_limits<T>::max()};
        case tflite::ActivationFunctionType_RELU6: return {T{0}, T{6}};
        case tflite::ActivationFunctionType_RELU_N1_TO_1: return {T{-1}, T{1}};
        default: return {std::numeric_limits<T>::lowest(), std::numeric_limits<T>::max()};
    }
}

// TFLite's ActivationFunctionWithMinMax: max first, then min (a NaN stays NaN).
template <class T>
inline T clamp_activation(T x, T lo, T hi) {
    const T low_clamped = x < lo ? lo : x;
    return hi < low_clamped ? hi : low_clamped;
}

// Two's-complement wrapping arithmetic for integer tensors (no undefined behaviour on overflow).
template <class T>
inline T wrapping_add(T a, T b) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
}
template <class T>
inline T wrapping_sub(T a, T b) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(a) - static_cast<U>(b)));
}
template <class T>
inline T wrapping_mul(T a, T b) {
    // Widened first so that 16-bit operands do not promote to a signed int that overflows.
    using U = std::make_unsigned_t<T>;
    using Wide = std::common_type_t<U, unsigned int>;
    return static_cast<T>(static_cast<U>(static_cast<Wide>(static_cast<U>(a)) * static_cast<Wide>(static_cast<U>(b))));
}

// A kernel computing out = fn(a, b) over the broadcast of inputs 0 and 1.
template <class In, class Out, class Fn>
std::unique_ptr<OpKernel> binary_kernel(const BroadcastPlan& plan, Fn fn) {
    return make_kernel([plan, fn](const OpContext& c) -> Status {
        const In* a = c.input<In>(0);
        const In* b = c.input<In>(1);
        Out* out = c.output<Out>(0);
        c.pool().parallel_for(plan.elements, kMinChunk, [&](int64_t begin, int64_t end) {
            for_each_broadcast(plan, a, b, out, begin, end, fn);
        });
        return {};
    });
}

// A kernel computing out[i] = fn(in[i]).
template <class In, class Out, class Fn>
std::unique_ptr<OpKernel> unary_kernel(Fn fn) {
    return make_kernel([fn](const OpContext& c) -> Status {
        const In* in = c.input<In>(0);
        Out* out = c.output<Out>(0);
        c.pool().parallel_for(c.output_info(0).elements(), kMinChunk, [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) out[i] = fn(in[i]);
        });
        return {};
    });
}

// Per-file registration of the family's operators.
void register_add_sub_kernels(KernelRegistry& registry);
void register_mul_kernels(KernelRegistry& registry);
void register_div_kernels(KernelRegistry& registry);
void register_squared_difference_kernels(KernelRegistry& registry);
void register_min_max_kernels(KernelRegistry& registry);
void register_unary_math_kernels(KernelRegistry& registry);
void register_abs_neg_kernels(KernelRegistry& registry);

}  // namespace litelab::elementwise
