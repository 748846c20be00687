// CONV_3D (float32): input [N, D, H, W, Cin], filter [kd, kh, kw, Cin, Cout], optional bias
// [Cout], SAME or VALID padding, dilations, fused activation. Direct loops over the output,
// split between threads by output rows.
#include <limits>

#include "runtime/kernels/conv/conv_shape.h"
#include "runtime/kernels/conv3d/conv3d_geometry.h"

namespace litelab::conv3d {

Result<ActivationClamp> activation_clamp(const PrepareContext& ctx, tflite::ActivationFunctionType activation) {
    const float inf = std::numeric_limits<float>::infinity();
    switch (activation) {
        case tflite::ActivationFunctionType_NONE:
            return ActivationClamp{-inf, inf};
        case tflite::ActivationFunctionType_RELU:
            return ActivationClamp{0.0f, inf};
        case tflite::ActivationFunctionType_RELU6:
            return ActivationClamp{0.0f, 6.0f};
        case tflite::ActivationFunctionType_RELU_N1_TO_1:
            return ActivationClamp{-1.0f, 1.0f};
        default:
            return ctx.unsupported("fused activation " +
                                   std::string(tflite::EnumNameActivationFunctionType(activation)));
    }
}

Result<std::unique_ptr<OpKernel>> prepare_conv_3d(PrepareContext& ctx) {
    if (ctx.num_inputs() < 2) return ctx.invalid("CONV_3D needs an input and a filter");
    const TensorInfo& input = ctx.input(0);
    const TensorInfo& filter = ctx.input(1);
    if (input.type != DType::kFloat32 || filter.type != DType::kFloat32 || ctx.output(0).type != DType::kFloat32) {
        return ctx.unsupported("types other than FLOAT32");
    }
    if (input.rank() != 5 || filter.rank() != 5) return ctx.invalid("input and filter must be 5-D");
    if (filter.dim(3) != input.dim(4)) return ctx.unsupported("grouped CONV_3D (filter input channels differ)");
    const auto o = ctx.options_or_default<tflite::Conv3DOptionsT>();
    Conv3dGeometry g;
    g.batches = input.dim(0);
    g.in_c = input.dim(4);
    g.out_c = filter.dim(4);
    const std::array<int, 3> strides{o.stride_d, o.stride_h, o.stride_w};
    const std::array<int, 3> dilations{o.dilation_d_factor, o.dilation_h_factor, o.dilation_w_factor};
    for (size_t i = 0; i < 3; ++i) {
        auto size = conv::padded_size(o.padding, input.dim(static_cast<int>(i) + 1), filter.dim(static_cast<int>(i)),
                                      strides[i], dilations[i]);
        if (!size) return ctx.invalid(size.error().message);
        g.in[i] = input.dim(static_cast<int>(i) + 1);
        g.filter[i] = filter.dim(static_cast<int>(i));
        g.stride[i] = strides[i];
        g.dilation[i] = dilations[i];
        g.out[i] = size->out;
        g.pad[i] = size->pad;
    }
    const bool has_bias = ctx.has_input(2);
    if (has_bias && (ctx.input(2).type != DType::kFloat32 || ctx.input(2).elements() != g.out_c)) {
        return ctx.invalid("bias must hold " + std::to_string(g.out_c) + " FLOAT32 values");
    }
    auto clamp = activation_clamp(ctx, o.fused_activation_function);
    if (!clamp) return clamp.error();
    ctx.output(0).shape = {static_cast<int32_t>(g.batches), static_cast<int32_t>(g.out[0]),
                           static_cast<int32_t>(g.out[1]), static_cast<int32_t>(g.out[2]),
                           static_cast<int32_t>(g.out_c)};
    const ActivationClamp range = *clamp;
    return make_kernel([g, has_bias, range](const OpContext& c) -> Status {
        const float* in = c.input<float>(0);
        const float* w = c.input<float>(1);
        const float* bias = has_bias ? c.input<float>(2) : nullptr;
        float* out = c.output<float>(0);
        const int64_t rows = g.batches * g.out[0] * g.out[1];  // one (n, od, oh) row of [Wo, Cout] each
        c.pool().parallel_for(rows, 1, [&](int64_t begin, int64_t end) {
            for (int64_t row = begin; row < end; ++row) {
                const int64_t oh = row % g.out[1], od = (row / g.out[1]) % g.out[0], n = row / (g.out[1] * g.out[0]);
                for (int64_t ow = 0; ow < g.out[2]; ++ow) {
                    float* acc = out + ((row * g.out[2]) + ow) * g.out_c;
                    for (int64_t co = 0; co < g.out_c; ++co) acc[co] = bias ? bias[co] : 0.0f;
                    for (int64_t kd = 0; kd < g.filter[0]; ++kd) {
                        const int64_t id = od * g.stride[0] - g.pad[0] + kd * g.dilation[0];
                        if (id < 0 || id >= g.in[0]) continue;
                        for (int64_t kh = 0; kh < g.filter[1]; ++kh) {
                            const int64_t ih = oh * g.stride[1] - g.pad[1] + kh * g.dilation[1];
                            if (ih < 0 || ih >= g.in[1]) continue;
                            for (int64_t kw = 0; kw < g.filter[2]; ++kw) {
                                const int64_t iw = ow * g.stride[2] - g.pad[2] + kw * g.dilation[2];
                                if (iw < 0 || iw >= g.in[2]) continue;
                                const float* x = in + (((n * g.in[0] + id) * g.in[1] + ih) * g.in[2] + iw) * g.in_c;
                                const float* wk = w + ((kd * g.filter[1] + kh) * g.filter[2] + kw) * g.in_c * g.out_c;
                                for (int64_t ci = 0; ci < g.in_c; ++ci) {
                                    const float xv = x[ci];
                                    const float* wr = wk + ci * g.out_c;
                                    for (int64_t co = 0; co < g.out_c; ++co) acc[co] += xv * wr[co];
                                }
                            }
                        }
                    }
                    for (int64_t co = 0; co < g.out_c; ++co) acc[co] = std::min(std::max(acc[co], range.lo), range.hi);
                }
            }
        });
        return {};
    });
}

}  // namespace litelab::conv3d
