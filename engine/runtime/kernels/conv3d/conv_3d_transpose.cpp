// CONV_3D_TRANSPOSE (float32): output shape from a constant int32 [5] input, filter [kd, kh,
// kw, Cout, Cin], input [N, D, H, W, Cin], optional bias [Cout]. Each output element gathers
// the input elements whose windows cover it (so threads split the output, never a reduction).
#include <algorithm>

#include "runtime/kernels/conv3d/conv3d_geometry.h"

namespace litelab::conv3d {

Result<std::unique_ptr<OpKernel>> prepare_conv_3d_transpose(PrepareContext& ctx) {
    if (ctx.num_inputs() < 3) return ctx.invalid("CONV_3D_TRANSPOSE needs an output shape, a filter and an input");
    const auto shape = ctx.constant<int32_t>(0);
    if (ctx.input(0).type != DType::kInt32 || shape.size() != 5)
        return ctx.unsupported("an output shape that is not a constant INT32 [5]");
    const TensorInfo& filter = ctx.input(1);
    const TensorInfo& input = ctx.input(2);
    if (input.type != DType::kFloat32 || filter.type != DType::kFloat32 || ctx.output(0).type != DType::kFloat32) {
        return ctx.unsupported("types other than FLOAT32");
    }
    if (input.rank() != 5 || filter.rank() != 5) return ctx.invalid("input and filter must be 5-D");
    if (filter.dim(4) != input.dim(4) || filter.dim(3) != shape[4] || shape[0] != input.dim(0)) {
        return ctx.invalid("filter, input and output shape do not agree");
    }
    const auto o = ctx.options_or_default<tflite::Conv3DOptionsT>();
    Conv3dGeometry g;
    g.batches = input.dim(0);
    g.in_c = input.dim(4);
    g.out_c = shape[4];
    const std::array<int, 3> strides{o.stride_d, o.stride_h, o.stride_w};
    const std::array<int, 3> dilations{o.dilation_d_factor, o.dilation_h_factor, o.dilation_w_factor};
    for (size_t i = 0; i < 3; ++i) {
        if (strides[i] < 1 || dilations[i] < 1 || shape[i + 1] < 1)
            return ctx.invalid("strides, dilations and sizes must be positive");
        g.in[i] = input.dim(static_cast<int>(i) + 1);
        g.out[i] = shape[i + 1];
        g.filter[i] = filter.dim(static_cast<int>(i));
        g.stride[i] = strides[i];
        g.dilation[i] = dilations[i];
        const int64_t effective = (g.filter[i] - 1) * g.dilation[i] + 1;
        // The padding of the forward convolution from the output back to the input.
        g.pad[i] = o.padding == tflite::Padding_SAME
                       ? std::max<int64_t>((g.in[i] - 1) * g.stride[i] + effective - g.out[i], 0) / 2
                       : 0;
    }
    const bool has_bias = ctx.has_input(3);
    if (has_bias && (ctx.input(3).type != DType::kFloat32 || ctx.input(3).elements() != g.out_c)) {
        return ctx.invalid("bias must hold " + std::to_string(g.out_c) + " FLOAT32 values");
    }
    auto clamp = activation_clamp(ctx, o.fused_activation_function);
    if (!clamp) return clamp.error();
    ctx.output(0).shape.assign(shape.begin(), shape.end());
    const ActivationClamp range = *clamp;
    return make_kernel([g, has_bias, range](const OpContext& c) -> Status {
        const float* w = c.input<float>(1);
        const float* in = c.input<float>(2);
        const float* bias = has_bias ? c.input<float>(3) : nullptr;
        float* out = c.output<float>(0);
        const int64_t rows = g.batches * g.out[0] * g.out[1];
        c.pool().parallel_for(rows, 1, [&](int64_t begin, int64_t end) {
            for (int64_t row = begin; row < end; ++row) {
                const int64_t oh = row % g.out[1], od = (row / g.out[1]) % g.out[0], n = row / (g.out[1] * g.out[0]);
                for (int64_t ow = 0; ow < g.out[2]; ++ow) {
                    float* acc = out + (row * g.out[2] + ow) * g.out_c;
                    for (int64_t co = 0; co < g.out_c; ++co) acc[co] = bias ? bias[co] : 0.0f;
                    // Input position i and tap k reach output o = i * stride - pad + k * dilation.
                    for (int64_t kd = 0; kd < g.filter[0]; ++kd) {
                        const int64_t td = od + g.pad[0] - kd * g.dilation[0];
                        if (td < 0 || td % g.stride[0] != 0 || td / g.stride[0] >= g.in[0]) continue;
                        for (int64_t kh = 0; kh < g.filter[1]; ++kh) {
                            const int64_t th = oh + g.pad[1] - kh * g.dilation[1];
                            if (th < 0 || th % g.stride[1] != 0 || th / g.stride[1] >= g.in[1]) continue;
                            for (int64_t kw = 0; kw < g.filter[2]; ++kw) {
                                const int64_t tw = ow + g.pad[2] - kw * g.dilation[2];
                                if (tw < 0 || tw % g.stride[2] != 0 || tw / g.stride[2] >= g.in[2]) continue;
                                const float* x =
                                    in + (((n * g.in[0] + td / g.stride[0]) * g.in[1] + th / g.stride[1]) * g.in[2] +
                                          tw / g.stride[2]) *
                                             g.in_c;
                                // filter [kd, kh, kw, Cout, Cin]
                                const float* wk = w + ((kd * g.filter[1] + kh) * g.filter[2] + kw) * g.out_c * g.in_c;
                                for (int64_t co = 0; co < g.out_c; ++co) {
                                    const float* wr = wk + co * g.in_c;
                                    float sum = 0.0f;
                                    for (int64_t ci = 0; ci < g.in_c; ++ci) sum += x[ci] * wr[ci];
                                    acc[co] += sum;
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
