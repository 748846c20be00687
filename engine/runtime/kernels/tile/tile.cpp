// TILE: the input repeated `multiples[i]` times along each axis (any element type: the copy is
// byte-wise). Multiples must be a constant INT32 or INT64 vector, one per input dimension.
#include <cstring>

#include "runtime/kernel_registry.h"

namespace litelab {

namespace {

Result<std::unique_ptr<OpKernel>> prepare_tile(PrepareContext& ctx) {
    if (ctx.num_inputs() != 2) return ctx.invalid("TILE takes an input and multiples");
    const TensorInfo& input = ctx.input(0);
    const TensorInfo& multiples = ctx.input(1);
    std::vector<int64_t> times;
    if (multiples.type == DType::kInt32) {
        for (int32_t m : ctx.constant<int32_t>(1)) times.push_back(m);
    } else if (multiples.type == DType::kInt64) {
        for (int64_t m : ctx.constant<int64_t>(1)) times.push_back(m);
    } else {
        return ctx.unsupported("multiples of type " + std::string(dtype_name(multiples.type)));
    }
    if (!multiples.is_constant()) return ctx.unsupported("multiples computed at run time");
    if (static_cast<int>(times.size()) != input.rank()) return ctx.invalid("multiples do not match the input's rank");
    if (input.type != ctx.output(0).type) return ctx.invalid("input and output types differ");
    std::vector<int32_t> out_shape;
    for (int i = 0; i < input.rank(); ++i) {
        const int64_t m = times[static_cast<size_t>(i)];
        if (m < 0 || input.dim(i) * m > INT32_MAX)
            return ctx.invalid("multiple " + std::to_string(m) + " is out of range");
        out_shape.push_back(static_cast<int32_t>(input.dim(i) * m));
    }
    ctx.output(0).shape = out_shape;
    const std::vector<int32_t> in_shape = input.shape;
    const auto item = input.bytes() / static_cast<size_t>(std::max<int64_t>(input.elements(), 1));
    return make_kernel([in_shape, times, item](const OpContext& c) -> Status {
        const uint8_t* in = c.input_bytes(0).data();
        uint8_t* out = c.output_bytes(0).data();
        if (c.output_bytes(0).empty()) return {};
        const int rank = static_cast<int>(in_shape.size());
        if (rank == 0) {
            std::memcpy(out, in, item);
            return {};
        }
        // Axis by axis from the outermost: write the block of one input slice (recursively),
        // then copy that written block `times - 1` more times.
        struct Tiler {
            const std::vector<int32_t>& shape;
            const std::vector<int64_t>& times;
            size_t item;
            // Writes the tiled block for input sub-array at `in` (axes >= axis) to `out`; returns bytes written.
            size_t run(const uint8_t* src, uint8_t* dst, int axis) const {
                const int rank_ = static_cast<int>(shape.size());
                size_t in_stride = item;
                for (int i = axis + 1; i < rank_; ++i) in_stride *= static_cast<size_t>(shape[static_cast<size_t>(i)]);
                size_t written = 0;
                if (axis == rank_ - 1) {
                    const size_t row = in_stride * static_cast<size_t>(shape[static_cast<size_t>(axis)]);
                    written = row;
                    std::memcpy(dst, src, row);
                } else {
                    for (int32_t k = 0; k < shape[static_cast<size_t>(axis)]; ++k) {
                        written += run(src + static_cast<size_t>(k) * in_stride, dst + written, axis + 1);
                    }
                }
                for (int64_t t = 1; t < times[static_cast<size_t>(axis)]; ++t)
                    std::memcpy(dst + t * static_cast<int64_t>(written), dst, written);
                return written * static_cast<size_t>(times[static_cast<size_t>(axis)]);
            }
        };
        Tiler{in_shape, times, item}.run(in, out, 0);
        return {};
    });
}

}  // namespace

void register_tile_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_TILE, prepare_tile);
}

}  // namespace litelab
