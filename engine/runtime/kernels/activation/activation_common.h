// Shared by the activation kernels: the factories register.cpp adds, the checks every factory
// makes, and the one elementwise loop they all run.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "runtime/kernel.h"

namespace litelab::activation {

Result<std::unique_ptr<OpKernel>> prepare_relu(PrepareContext& ctx);          // RELU, RELU6, RELU_N1_TO_1, RELU_0_TO_1
Result<std::unique_ptr<OpKernel>> prepare_leaky_relu(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_prelu(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_logistic(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_tanh(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_hard_swish(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_elu(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_gelu(PrepareContext& ctx);

// One input and one output of the same type; the output takes the input's shape.
Status prepare_unary(PrepareContext& ctx);

// A per-tensor affine quantization with a positive scale, as every quantized activation needs.
Status require_per_tensor(const PrepareContext& ctx, const TensorInfo& tensor, const char* role);

// "input type INT32" for the factories' refusals.
std::string type_message(const char* role, DType type);

// Below this many elements a chunk is not worth a thread.
inline constexpr int64_t kMinChunk = 16384;

// Runs fn(in, out, count) over contiguous chunks of the flat input 0 and output 0.
template <class In, class Out, class Fn>
void for_each_chunk(const OpContext& c, const Fn& fn) {
    const In* in = c.input<In>(0);
    Out* out = c.output<Out>(0);
    c.pool().parallel_for(c.input_info(0).elements(), kMinChunk,
                          [&](int64_t begin, int64_t end) { fn(in + begin, out + begin, end - begin); });
}

// The same for a function of one element.
template <class In, class Out, class Fn>
void map_elements(const OpContext& c, const Fn& fn) {
    for_each_chunk<In, Out>(c, [&](const In* in, Out* out, int64_t n) {
        for (int64_t i = 0; i < n; ++i) out[i] = fn(in[i]);
    });
}

}  // namespace litelab::activation
