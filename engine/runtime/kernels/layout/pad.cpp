// PAD and PADV2: the input surrounded by a constant. PAD pads with zero, which for a quantized
// tensor is its zero point; PADV2 pads with its third input, a scalar that TFLite requires to
// be quantized like the output.
#include <cstring>

#include "model/graph.h"
#include "runtime/kernels/layout/layout_common.h"
#include "runtime/kernels/layout/layout_kernels.h"
#include "runtime/kernels/layout/pad_shape.h"
#include "runtime/kernels/layout/strided_copy.h"

namespace litelab::layout {

namespace {

bool is_quantized_type(DType type) { return type == DType::kInt8 || type == DType::kUInt8 || type == DType::kInt16; }

// The bytes of `value` in `type` (zero points are in range for their type).
std::vector<uint8_t> value_bytes(DType type, int32_t value) {
    std::vector<uint8_t> bytes(element_bytes(type));
    switch (type) {
        case DType::kInt8: bytes[0] = static_cast<uint8_t>(static_cast<int8_t>(value)); break;
        case DType::kUInt8: bytes[0] = static_cast<uint8_t>(value); break;
        case DType::kInt16: {
            const auto v = static_cast<int16_t>(value);
            std::memcpy(bytes.data(), &v, sizeof v);
            break;
        }
        default: break;  // all zero bytes: 0, 0.0f
    }
    return bytes;
}

void fill(std::span<uint8_t> out, const uint8_t* value, size_t size) {
    bool zero = true;
    for (size_t i = 0; i < size; ++i) zero = zero && value[i] == 0;
    if (zero) {
        std::memset(out.data(), 0, out.size());
        return;
    }
    for (size_t at = 0; at + size <= out.size(); at += size) std::memcpy(out.data() + at, value, size);
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_pad(PrepareContext& ctx) {
    const TensorInfo& in = ctx.input(0);
    const DType type = in.type;
    if (type == DType::kBool) return ctx.unsupported("input of type BOOL");
    auto size = movable_element_bytes(ctx);
    if (!size) return size.error();
    auto padding = paddings(ctx, 1);
    if (!padding) return padding.error();
    const TensorInfo& out = ctx.output(0);

    const bool given_value = ctx.has_input(2);
    if (given_value) {
        const TensorInfo& value = ctx.input(2);
        if (value.type != type || value.elements() != 1)
            return ctx.invalid("the pad value must be one " + std::string(dtype_name(type)));
        if (is_quantized_type(type) &&
            (value.quant.scale0() != out.quant.scale0() || value.quant.zero_point0() != out.quant.zero_point0()))
            return ctx.unsupported("a pad value quantized unlike the output");
    }
    const std::vector<uint8_t> zero = value_bytes(type, is_quantized_type(type) ? out.quant.zero_point0() : 0);

    // The input lands in the output's interior, starting at the `before` paddings.
    const auto out_shape = padded_shape(in.shape, *padding);
    const auto out_strides = dense_strides(out_shape);
    int64_t offset = 0;
    for (size_t d = 0; d < in.shape.size(); ++d) offset += (*padding)[d].before * out_strides[d];
    ctx.output(0).shape = out_shape;
    const StridedCopy copy(std::vector<int64_t>(in.shape.begin(), in.shape.end()), dense_strides(in.shape), 0, out_strides,
                           offset, *size);
    const size_t element_size = *size;
    return make_kernel([=](const OpContext& c) -> Status {
        fill(c.output_bytes(0), given_value ? c.input<uint8_t>(2) : zero.data(), element_size);
        copy.run(c.input<uint8_t>(0), c.output<uint8_t>(0));
        return {};
    });
}

}  // namespace litelab::layout
