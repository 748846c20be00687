// Typed helpers for the operators that move data without computing on it: reshapes,
// transposes, concatenation and splitting, slicing, gathering, padding and resizing.
#include "import/common/emit_ops.h"

namespace litelab::emit {

namespace {

template <class T>
tflite::BuiltinOptionsUnion options_of(T table) {
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(table));
    return u;
}

int32_t ints(TfliteEmitter& e, const std::string& name, const std::vector<int32_t>& values) {
    return e.constant(name, {static_cast<int32_t>(values.size())}, std::span<const int32_t>(values));
}

int32_t paddings_constant(TfliteEmitter& e, const std::string& name, const std::vector<std::array<int32_t, 2>>& paddings) {
    std::vector<int32_t> flat;
    for (const auto& p : paddings) flat.insert(flat.end(), p.begin(), p.end());
    return e.constant(name, {static_cast<int32_t>(paddings.size()), 2}, std::span<const int32_t>(flat));
}

// An operator of several outputs, all of `x`'s type.
Result<std::vector<int32_t>> multi(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, std::vector<int32_t> inputs,
                                   tflite::BuiltinOptionsUnion options, int outputs, const std::string& name) {
    OpCall call;
    call.output_type = e.type(x);
    call.code = code;
    call.inputs = std::move(inputs);
    call.options = std::move(options);
    call.outputs = outputs;
    call.name = name;
    return e.op(call);
}

}  // namespace

Result<int32_t> reshape(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& new_shape, const std::string& name) {
    tflite::ReshapeOptionsT o;
    o.new_shape = new_shape;
    const int32_t shape = ints(e, name + "/shape", new_shape);
    return e.op(tflite::BuiltinOperator_RESHAPE, {x, shape}, name, options_of(o));
}

Result<int32_t> transpose(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& perm, const std::string& name) {
    const int32_t perm_tensor = ints(e, name + "/perm", perm);
    return e.op(tflite::BuiltinOperator_TRANSPOSE, {x, perm_tensor}, name, options_of(tflite::TransposeOptionsT{}));
}

Result<int32_t> squeeze(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& axes, const std::string& name) {
    tflite::SqueezeOptionsT o;
    o.squeeze_dims = axes;
    return e.op(tflite::BuiltinOperator_SQUEEZE, {x}, name, options_of(o));
}

Result<int32_t> expand_dims(TfliteEmitter& e, int32_t x, int32_t axis, const std::string& name) {
    const int32_t axis_tensor = e.constant(name + "/axis", {}, std::span<const int32_t>(&axis, 1));
    return e.op(tflite::BuiltinOperator_EXPAND_DIMS, {x, axis_tensor}, name, options_of(tflite::ExpandDimsOptionsT{}));
}

Result<int32_t> concatenation(TfliteEmitter& e, const std::vector<int32_t>& inputs, int32_t axis, const std::string& name,
                              Activation activation) {
    tflite::ConcatenationOptionsT o;
    o.axis = axis;
    o.fused_activation_function = activation;
    return e.op(tflite::BuiltinOperator_CONCATENATION, inputs, name, options_of(o));
}

Result<std::vector<int32_t>> split(TfliteEmitter& e, int32_t x, int32_t axis, int parts, const std::string& name) {
    tflite::SplitOptionsT o;
    o.num_splits = parts;
    const int32_t axis_tensor = e.constant(name + "/axis", {}, std::span<const int32_t>(&axis, 1));
    return multi(e, tflite::BuiltinOperator_SPLIT, x, {axis_tensor, x}, options_of(o), parts, name);
}

Result<std::vector<int32_t>> split_v(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& sizes, int32_t axis,
                                     const std::string& name) {
    tflite::SplitVOptionsT o;
    o.num_splits = static_cast<int32_t>(sizes.size());
    const int32_t sizes_tensor = ints(e, name + "/sizes", sizes);
    const int32_t axis_tensor = e.constant(name + "/axis", {}, std::span<const int32_t>(&axis, 1));
    return multi(e, tflite::BuiltinOperator_SPLIT_V, x, {x, sizes_tensor, axis_tensor}, options_of(o),
                 static_cast<int>(sizes.size()), name);
}

Result<std::vector<int32_t>> unpack(TfliteEmitter& e, int32_t x, int32_t axis, const std::string& name) {
    const auto shape = e.shape(x);
    const int32_t rank = static_cast<int32_t>(shape.size());
    const int32_t a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) return make_error(ErrorCode::kInvalid, name + ": UNPACK axis " + std::to_string(axis) + " is out of range");
    if (e.signature(x)[static_cast<size_t>(a)] < 0)
        return make_error(ErrorCode::kUnsupported, name + ": cannot UNPACK along a dynamic dimension");
    tflite::UnpackOptionsT o;
    o.num = shape[static_cast<size_t>(a)];
    o.axis = axis;
    return multi(e, tflite::BuiltinOperator_UNPACK, x, {x}, options_of(o), o.num, name);
}

Result<int32_t> pack(TfliteEmitter& e, const std::vector<int32_t>& inputs, int32_t axis, const std::string& name) {
    tflite::PackOptionsT o;
    o.values_count = static_cast<int32_t>(inputs.size());
    o.axis = axis;
    return e.op(tflite::BuiltinOperator_PACK, inputs, name, options_of(o));
}

Result<int32_t> slice(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& begin, const std::vector<int32_t>& size,
                      const std::string& name) {
    const int32_t b = ints(e, name + "/begin", begin);
    const int32_t s = ints(e, name + "/size", size);
    return e.op(tflite::BuiltinOperator_SLICE, {x, b, s}, name, options_of(tflite::SliceOptionsT{}));
}

Result<int32_t> strided_slice(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& begin,
                              const std::vector<int32_t>& end, const std::vector<int32_t>& strides,
                              const StridedSliceMasks& masks, const std::string& name) {
    tflite::StridedSliceOptionsT o;
    o.begin_mask = masks.begin_mask;
    o.end_mask = masks.end_mask;
    o.ellipsis_mask = masks.ellipsis_mask;
    o.new_axis_mask = masks.new_axis_mask;
    o.shrink_axis_mask = masks.shrink_axis_mask;
    const int32_t b = ints(e, name + "/begin", begin);
    const int32_t en = ints(e, name + "/end", end);
    const int32_t st = ints(e, name + "/strides", strides);
    return e.op(tflite::BuiltinOperator_STRIDED_SLICE, {x, b, en, st}, name, options_of(o));
}

Result<int32_t> gather(TfliteEmitter& e, int32_t params, int32_t indices, int32_t axis, const std::string& name) {
    tflite::GatherOptionsT o;
    o.axis = axis;
    return e.op(tflite::BuiltinOperator_GATHER, {params, indices}, name, options_of(o));
}

Result<int32_t> tile(TfliteEmitter& e, int32_t x, const std::vector<int32_t>& multiples, const std::string& name) {
    const int32_t m = ints(e, name + "/multiples", multiples);
    return e.op(tflite::BuiltinOperator_TILE, {x, m}, name, options_of(tflite::TileOptionsT{}));
}

Result<int32_t> pad(TfliteEmitter& e, int32_t x, const std::vector<std::array<int32_t, 2>>& paddings,
                    const std::string& name) {
    const int32_t p = paddings_constant(e, name + "/paddings", paddings);
    return e.op(tflite::BuiltinOperator_PAD, {x, p}, name, options_of(tflite::PadOptionsT{}));
}

Result<int32_t> pad_with(TfliteEmitter& e, int32_t x, const std::vector<std::array<int32_t, 2>>& paddings, float value,
                         const std::string& name) {
    const int32_t p = paddings_constant(e, name + "/paddings", paddings);
    const int32_t v = e.scalar(name + "/value", value);
    return e.op(tflite::BuiltinOperator_PADV2, {x, p, v}, name, options_of(tflite::PadV2OptionsT{}));
}

Result<int32_t> resize(TfliteEmitter& e, tflite::BuiltinOperator code, int32_t x, int32_t out_h, int32_t out_w,
                       const ResizeParams& p, const std::string& name) {
    const int32_t size = ints(e, name + "/size", {out_h, out_w});
    tflite::BuiltinOptionsUnion options;
    if (code == tflite::BuiltinOperator_RESIZE_BILINEAR) {
        tflite::ResizeBilinearOptionsT o;
        o.align_corners = p.align_corners;
        o.half_pixel_centers = p.half_pixel_centers;
        options = options_of(o);
    } else {
        tflite::ResizeNearestNeighborOptionsT o;
        o.align_corners = p.align_corners;
        o.half_pixel_centers = p.half_pixel_centers;
        options = options_of(o);
    }
    return e.op(code, {x, size}, name, std::move(options));
}

}  // namespace litelab::emit
