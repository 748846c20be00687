// STRIDED_SLICE: NumPy-style `input[b0:e0:s0, ..., tf.newaxis, ...]`. The sparse spec (one entry
// per begin/end/strides value, with ellipsis and new-axis entries) is expanded to one range per
// input dimension, the way TensorFlow does; each range then follows TFLite's clamping rules
// (strided_slice_logic.h), including the `offset` option where end counts from begin.
#include <algorithm>

#include "model/graph.h"
#include "runtime/kernels/layout/layout_common.h"
#include "runtime/kernels/layout/layout_kernels.h"
#include "runtime/kernels/layout/strided_copy.h"

namespace litelab::layout {

namespace {

struct DimRange {
    int64_t begin = 0, end = 0, stride = 1;
    bool begin_mask = false, end_mask = false, shrink = false;
};

bool bit(int32_t mask, size_t i) { return i < 32 && ((static_cast<uint32_t>(mask) >> i) & 1u) != 0; }

// First element of a dimension of `size`, in [0, size] (or [-1, size - 1] walking backwards).
int64_t start_for(const DimRange& r, int64_t size) {
    if (r.begin_mask) return r.stride > 0 ? 0 : size - 1;
    int64_t start = r.begin < 0 ? r.begin + size : r.begin;
    return r.stride > 0 ? std::clamp<int64_t>(start, 0, size) : std::clamp<int64_t>(start, -1, size - 1);
}

// One past the last element.
int64_t stop_for(const DimRange& r, int64_t size, int64_t start, bool offset) {
    if (r.end_mask) return r.stride > 0 ? size : -1;
    int64_t stop = offset ? r.end + start : r.end;
    if (stop < 0) stop += size;
    return r.stride > 0 ? std::clamp<int64_t>(stop, 0, size) : std::clamp<int64_t>(stop, -1, size - 1);
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_strided_slice(PrepareContext& ctx) {
    auto element_size = movable_element_bytes(ctx);
    if (!element_size) return element_size.error();
    const auto options = ctx.options_or_default<tflite::StridedSliceOptionsT>();
    auto begin = constant_ints(ctx, 1, "the begin input");
    if (!begin) return begin.error();
    auto end = constant_ints(ctx, 2, "the end input");
    if (!end) return end.error();
    auto strides = constant_ints(ctx, 3, "the strides input");
    if (!strides) return strides.error();
    const size_t sparse = begin->size();
    if (end->size() != sparse || strides->size() != sparse)
        return ctx.invalid("begin, end and strides differ in length");
    const std::vector<int32_t>& in = ctx.input(0).shape;
    const size_t rank = in.size();

    // Expand the sparse spec: the ellipsis (implicitly at the end when absent) covers every
    // input dimension no other entry names. `final_dims` lists the output's dimensions as input
    // dimension indices, -1 for a new axis.
    size_t ellipsis = sparse;
    for (size_t i = 0; i < sparse; ++i)
        if (bit(options.ellipsis_mask, i)) {
            ellipsis = i;
            break;
        }
    size_t named = 0;  // entries that consume an input dimension
    for (size_t i = 0; i < sparse; ++i)
        if (i != ellipsis && !bit(options.new_axis_mask, i)) ++named;
    if (named > rank) return ctx.invalid("the slice names " + std::to_string(named) + " dimensions of " + format_dims(in));
    std::vector<DimRange> dense;
    std::vector<int> final_dims;
    auto add_full_dims = [&](size_t count) {
        for (size_t k = 0; k < count; ++k) {
            final_dims.push_back(static_cast<int>(dense.size()));
            dense.push_back({0, 0, 1, true, true, false});
        }
    };
    for (size_t i = 0; i < sparse; ++i) {
        if (i == ellipsis) {
            add_full_dims(rank - named);
        } else if (bit(options.new_axis_mask, i)) {
            final_dims.push_back(-1);
        } else {
            DimRange r{(*begin)[i], (*end)[i], (*strides)[i], bit(options.begin_mask, i), bit(options.end_mask, i),
                       bit(options.shrink_axis_mask, i)};
            if (!r.shrink) final_dims.push_back(static_cast<int>(dense.size()));
            dense.push_back(r);
        }
    }
    if (ellipsis == sparse) add_full_dims(rank - named);

    const auto in_strides = dense_strides(in);
    std::vector<int64_t> counts, src_strides;
    int64_t offset = 0;
    for (size_t d = 0; d < rank; ++d) {
        const DimRange& r = dense[d];
        const int64_t size = in[d];
        if (r.stride == 0) return ctx.invalid("stride 0 in dimension " + std::to_string(d));
        int64_t start = 0, count = 0;
        if (r.shrink) {
            start = r.begin < 0 ? r.begin + size : r.begin;
            if (start < 0 || start >= size)
                return ctx.invalid("index " + std::to_string(r.begin) + " out of range for dimension " +
                                   std::to_string(d) + " of " + format_dims(in));
            count = 1;
        } else {
            start = start_for(r, size);
            const int64_t stop = stop_for(r, size, start, options.offset);
            const int64_t span = r.stride > 0 ? stop - start : start - stop;
            const int64_t step = r.stride > 0 ? r.stride : -r.stride;
            count = span > 0 ? (span + step - 1) / step : 0;
        }
        counts.push_back(count);
        src_strides.push_back(in_strides[d] * r.stride);
        if (count > 0) offset += start * in_strides[d];
    }
    std::vector<int32_t> out_shape;
    for (int d : final_dims) out_shape.push_back(d < 0 ? 1 : static_cast<int32_t>(counts[static_cast<size_t>(d)]));
    ctx.output(0).shape = out_shape;
    const StridedCopy copy(counts, src_strides, offset, dense_strides(std::vector<int32_t>(counts.begin(), counts.end())),
                           0, *element_size);
    return make_kernel([copy](const OpContext& c) -> Status {
        copy.run(c.input<uint8_t>(0), c.output<uint8_t>(0));
        return {};
    });
}

}  // namespace litelab::layout
