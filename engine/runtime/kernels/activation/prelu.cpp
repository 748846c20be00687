// PRELU: x for x >= 0, alpha * x below, with alpha a tensor broadcast against the input
// (usually one slope per channel). The output has the input's shape.
#include <algorithm>
#include <limits>
#include <vector>

#include "model/graph.h"
#include "runtime/kernels/activation/activation_common.h"
#include "runtime/quant/fixed_point.h"

namespace litelab::activation {

namespace {

// Where each row (the flat input split by its last dimension) finds its slopes: alpha's
// strides in the input's dimensions, 0 where alpha is broadcast.
struct AlphaLayout {
    std::vector<int64_t> dims;     // the input's dimensions
    std::vector<int64_t> strides;  // alpha's stride for each of them
    int64_t inner = 1;             // the last dimension
    int64_t inner_stride = 0;

    int64_t row_offset(int64_t row) const {
        int64_t offset = 0;
        for (size_t d = dims.size() - 1; d-- > 0;) {
            offset += (row % dims[d]) * strides[d];
            row /= dims[d];
        }
        return offset;
    }
};

Result<AlphaLayout> alpha_layout(const PrepareContext& ctx) {
    const auto& in = ctx.input(0).shape;
    const auto& alpha = ctx.input(1).shape;
    if (alpha.size() > in.size() || in.empty())
        return ctx.unsupported("alpha of shape " + format_dims(alpha) + " for an input of shape " + format_dims(in));
    AlphaLayout layout;
    layout.dims.assign(in.begin(), in.end());
    layout.strides.assign(in.size(), 0);
    int64_t stride = 1;
    for (size_t k = 0; k < alpha.size(); ++k) {
        const size_t a = alpha.size() - 1 - k;
        const size_t d = in.size() - 1 - k;
        if (alpha[a] != in[d] && alpha[a] != 1)
            return ctx.invalid("alpha of shape " + format_dims(alpha) + " does not broadcast to the input's " +
                               format_dims(in));
        if (alpha[a] != 1) layout.strides[d] = stride;
        stride *= alpha[a];
    }
    layout.inner = layout.dims.back();
    layout.inner_stride = layout.strides.back();
    return layout;
}

template <class T, class Fn>
void run_rows(const OpContext& c, const AlphaLayout& layout, const Fn& fn) {
    const T* in = c.input<T>(0);
    const T* alpha = c.input<T>(1);
    T* out = c.output<T>(0);
    const int64_t inner = layout.inner;
    if (inner == 0) return;
    const int64_t rows = c.input_info(0).elements() / inner;
    c.pool().parallel_for(rows, std::max<int64_t>(1, kMinChunk / inner), [&](int64_t begin, int64_t end) {
        for (int64_t row = begin; row < end; ++row) {
            const T* a = alpha + layout.row_offset(row);
            const int64_t base = row * inner;
            for (int64_t i = 0; i < inner; ++i) out[base + i] = fn(in[base + i], a[i * layout.inner_stride]);
        }
    });
}

template <class T>
struct QuantizedPrelu {
    int32_t input_zero_point = 0;
    int32_t alpha_zero_point = 0;
    int32_t output_zero_point = 0;
    QuantizedMultiplier positive;
    QuantizedMultiplier negative;

    T operator()(T value, T slope) const {
        const int32_t x = static_cast<int32_t>(value) - input_zero_point;
        const int32_t scaled =
            x >= 0 ? multiply_by_quantized_multiplier(x, positive)
                   : multiply_by_quantized_multiplier(x * (static_cast<int32_t>(slope) - alpha_zero_point), negative);
        return static_cast<T>(std::clamp<int32_t>(scaled + output_zero_point, std::numeric_limits<T>::min(),
                                                  std::numeric_limits<T>::max()));
    }
};

template <class T>
std::unique_ptr<OpKernel> quantized_prelu_kernel(const PrepareContext& ctx, AlphaLayout layout) {
    const QuantParams& in = ctx.input(0).quant;
    const QuantParams& alpha = ctx.input(1).quant;
    const QuantParams& out = ctx.output(0).quant;
    QuantizedPrelu<T> p;
    p.input_zero_point = in.zero_point0();
    p.alpha_zero_point = alpha.zero_point0();
    p.output_zero_point = out.zero_point0();
    // Float ratios, as TFLite computes them.
    p.positive = quantize_multiplier(in.scale0() / out.scale0());
    p.negative = quantize_multiplier(in.scale0() * alpha.scale0() / out.scale0());
    return make_kernel([p, layout = std::move(layout)](const OpContext& c) -> Status {
        run_rows<T>(c, layout, p);
        return {};
    });
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_prelu(PrepareContext& ctx) {
    if (ctx.num_inputs() != 2 || !ctx.has_input(0) || !ctx.has_input(1) || ctx.num_outputs() != 1)
        return ctx.invalid("needs an input, an alpha and one output");
    const DType type = ctx.input(0).type;
    if (ctx.input(1).type != type) return ctx.invalid("alpha type differs from the input's");
    if (ctx.output(0).type != type) return ctx.invalid("output type differs from the input's");
    if (type != DType::kFloat32 && type != DType::kInt8 && type != DType::kUInt8)
        return ctx.unsupported(type_message("input", type));
    auto layout = alpha_layout(ctx);
    if (!layout) return layout.error();
    ctx.output(0).shape = ctx.input(0).shape;
    if (type == DType::kFloat32) {
        return make_kernel([layout = std::move(*layout)](const OpContext& c) -> Status {
            run_rows<float>(c, layout, [](float x, float a) { return x >= 0.0f ? x : x * a; });
            return {};
        });
    }
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(0), "input"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.input(1), "alpha"));
    LITELAB_TRY(require_per_tensor(ctx, ctx.output(0), "output"));
    if (type == DType::kInt8) return quantized_prelu_kernel<int8_t>(ctx, std::move(*layout));
    return quantized_prelu_kernel<uint8_t>(ctx, std::move(*layout));
}

}  // namespace litelab::activation
