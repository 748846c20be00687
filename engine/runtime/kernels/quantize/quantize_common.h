// Shared by QUANTIZE, DEQUANTIZE and CAST: the factories register.cpp adds, the checks they
// make and their elementwise loop.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "runtime/kernel.h"

namespace litelab::quantize {

Result<std::unique_ptr<OpKernel>> prepare_quantize(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_dequantize(PrepareContext& ctx);
Result<std::unique_ptr<OpKernel>> prepare_cast(PrepareContext& ctx);

// One input and one output; the output takes the input's shape.
Status prepare_one_to_one(PrepareContext& ctx);

// Quantization parameters with positive scales; per channel only when `per_channel_ok`, and
// then one scale and zero point for each index of the quantized dimension.
Status require_quantized(const PrepareContext& ctx, const TensorInfo& tensor, const char* role, bool per_channel_ok);

std::string pair_message(DType from, DType to);

inline constexpr int64_t kMinChunk = 16384;

// Calls fn(begin, end) over contiguous chunks of the flat input 0.
template <class Fn>
void for_each_range(const OpContext& c, const Fn& fn) {
    c.pool().parallel_for(c.input_info(0).elements(), kMinChunk, fn);
}

template <class In, class Out, class Fn>
void map_elements(const OpContext& c, const Fn& fn) {
    const In* in = c.input<In>(0);
    Out* out = c.output<Out>(0);
    for_each_range(c, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) out[i] = fn(in[i]);
    });
}

// Per-channel parameters: element i belongs to channel (i / inner) % channels.
struct ChannelLayout {
    int64_t inner = 1;
    int64_t channels = 1;
    int64_t channel_of(int64_t i) const { return (i / inner) % channels; }
};
ChannelLayout channel_layout(const TensorInfo& tensor);

}  // namespace litelab::quantize
