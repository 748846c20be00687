// Layers that only move values: Flatten and Reshape (RESHAPE with -1 for the batch), Permute
// (TRANSPOSE), RepeatVector, ZeroPadding (PAD), Cropping (STRIDED_SLICE), UpSampling (RESIZE).
#include "import/common/emit_ops.h"
#include "import/keras/keras_layers.h"
#include "import/keras/layer_config.h"
#include "model/graph.h"

namespace litelab::keras_layers {

namespace {

Lowered one(Result<int32_t> tensor) {
    if (!tensor) return tensor.error();
    return std::vector<int32_t>{*tensor};
}

// Keras writes paddings and croppings as n, (a, b) per axis or ((a, b), (c, d)); returns
// [before, after] per spatial axis.
Result<std::vector<std::array<int32_t, 2>>> pairs(const LayerCall& c, const char* key, size_t axes, int32_t fallback) {
    std::vector<std::array<int32_t, 2>> out(axes, {fallback, fallback});
    if (!c.config().contains(key)) return out;
    const nlohmann::json& v = c.config()[key];
    auto bad = [&] { return c.error(std::string("cannot read '") + key + "'", ErrorCode::kFormat); };
    if (v.is_number_integer()) {
        for (auto& p : out) p = {v.get<int32_t>(), v.get<int32_t>()};
        return out;
    }
    if (!v.is_array()) return bad();
    if (axes == 1 && v.size() == 2 && v[0].is_number_integer() && v[1].is_number_integer()) {
        out[0] = {v[0].get<int32_t>(), v[1].get<int32_t>()};
        return out;
    }
    if (v.size() != axes) return bad();
    for (size_t a = 0; a < axes; ++a) {
        if (v[a].is_number_integer()) {
            out[a] = {v[a].get<int32_t>(), v[a].get<int32_t>()};
        } else if (v[a].is_array() && v[a].size() == 2 && v[a][0].is_number_integer() && v[a][1].is_number_integer()) {
            out[a] = {v[a][0].get<int32_t>(), v[a][1].get<int32_t>()};
        } else {
            return bad();
        }
    }
    return out;
}

Status channels_last(const LayerCall& c) {
    if (config_string(c.config(), "data_format", "channels_last") != "channels_last")
        return c.error("data_format channels_first is not supported");
    return {};
}

}  // namespace

Lowered flatten(LayerCall& c) {
    const int32_t x = c.inputs.at(0);
    const auto signature = c.e.signature(x);
    int64_t size = 1;
    for (size_t d = 1; d < signature.size(); ++d) {
        if (signature[d] < 0) return c.error("cannot flatten an input with unknown dimensions " + format_dims(signature));
        size *= signature[d];
    }
    return one(emit::reshape(c.e, x, {-1, static_cast<int32_t>(size)}, c.name));
}

Lowered reshape(LayerCall& c) {
    const int32_t x = c.inputs.at(0);
    auto target = config_int_list(c.config(), "target_shape", {});
    if (!target) return c.wrap(target.error());
    const auto signature = c.e.signature(x);
    int64_t total = 1;
    for (size_t d = 1; d < signature.size(); ++d) {
        if (signature[d] < 0) return c.error("cannot reshape an input with unknown dimensions " + format_dims(signature));
        total *= signature[d];
    }
    // A -1 in the target is resolved here, so that the batch keeps the one -1 RESHAPE allows.
    int64_t known = 1;
    int unknown = -1;
    for (size_t i = 0; i < target->size(); ++i) {
        if ((*target)[i] == -1) {
            if (unknown >= 0) return c.error("target_shape has two -1 entries", ErrorCode::kInvalid);
            unknown = static_cast<int>(i);
        } else {
            known *= (*target)[i];
        }
    }
    if (unknown >= 0) {
        if (known == 0 || total % known != 0)
            return c.error("cannot reshape " + std::to_string(total) + " values to " + format_dims(*target), ErrorCode::kInvalid);
        (*target)[static_cast<size_t>(unknown)] = static_cast<int32_t>(total / known);
    }
    std::vector<int32_t> shape{-1};
    shape.insert(shape.end(), target->begin(), target->end());
    return one(emit::reshape(c.e, x, shape, c.name));
}

Lowered permute(LayerCall& c) {
    auto dims = config_int_list(c.config(), "dims", {});
    if (!dims) return c.wrap(dims.error());
    std::vector<int32_t> perm{0};
    perm.insert(perm.end(), dims->begin(), dims->end());  // Keras counts from 1, after the batch
    return one(emit::transpose(c.e, c.inputs.at(0), perm, c.name));
}

Lowered repeat_vector(LayerCall& c) {
    const auto n = static_cast<int>(config_int(c.config(), "n", 0));
    if (n <= 0) return c.error("n must be positive", ErrorCode::kInvalid);
    auto row = emit::expand_dims(c.e, c.inputs.at(0), 1, c.name + "/row");
    if (!row) return row.error();
    return one(emit::concatenation(c.e, std::vector<int32_t>(static_cast<size_t>(n), *row), 1, c.name));
}

Lowered zero_padding(LayerCall& c) {
    LITELAB_TRY(channels_last(c));
    const size_t axes = c.layer.class_name == "ZeroPadding1D" ? 1 : 2;
    auto p = pairs(c, "padding", axes, 1);
    if (!p) return p.error();
    std::vector<std::array<int32_t, 2>> paddings{{0, 0}};
    paddings.insert(paddings.end(), p->begin(), p->end());
    paddings.push_back({0, 0});
    return one(emit::pad(c.e, c.inputs.at(0), paddings, c.name));
}

Lowered cropping(LayerCall& c) {
    LITELAB_TRY(channels_last(c));
    const size_t axes = c.layer.class_name == "Cropping1D" ? 1 : 2;
    auto crop = pairs(c, "cropping", axes, axes == 1 ? 1 : 0);
    if (!crop) return crop.error();
    const int32_t x = c.inputs.at(0);
    const auto shape = c.e.shape(x);
    if (shape.size() != axes + 2) return c.error("unexpected input rank " + std::to_string(shape.size()), ErrorCode::kInvalid);
    // The batch and channel axes are kept whole through the begin/end masks.
    std::vector<int32_t> begin{0}, end{0}, strides(shape.size(), 1);
    for (size_t a = 0; a < axes; ++a) {
        const int32_t size = shape[a + 1];
        if ((*crop)[a][0] + (*crop)[a][1] >= size)
            return c.error("crops away the whole axis " + std::to_string(a + 1), ErrorCode::kInvalid);
        begin.push_back((*crop)[a][0]);
        end.push_back(size - (*crop)[a][1]);
    }
    begin.push_back(0);
    end.push_back(0);
    emit::StridedSliceMasks masks;
    masks.begin_mask = masks.end_mask = 1 | (1 << static_cast<int>(axes + 1));
    return one(emit::strided_slice(c.e, x, begin, end, strides, masks, c.name));
}

Lowered up_sampling(LayerCall& c) {
    const bool one_d = c.layer.class_name == "UpSampling1D";
    int32_t x = c.inputs.at(0);
    std::vector<int32_t> factors;
    if (one_d) {
        factors = {1, static_cast<int32_t>(config_int(c.config(), "size", 2))};
        auto image = emit::expand_dims(c.e, x, 1, c.name + "/as_image");
        if (!image) return image.error();
        x = *image;
    } else {
        LITELAB_TRY(channels_last(c));
        auto size = config_ints(c.config(), "size", 2, 2);
        if (!size) return c.wrap(size.error());
        factors = *size;
    }
    const auto shape = c.e.shape(x);
    if (shape.size() != 4) return c.error("expects a 4-D input", ErrorCode::kInvalid);
    const std::string interpolation = config_string(c.config(), "interpolation", "nearest");
    emit::ResizeParams p;
    tflite::BuiltinOperator code = tflite::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR;
    if (interpolation == "bilinear") {
        code = tflite::BuiltinOperator_RESIZE_BILINEAR;
        p.half_pixel_centers = true;  // tf.image.resize, which Keras calls
    } else if (interpolation != "nearest") {
        return c.error("interpolation '" + interpolation + "' is not supported");
    }
    // Integer nearest-neighbour factors give the same pixels with or without half-pixel centres;
    // without them the operator stays at version 1, which every runtime reads.
    auto y = emit::resize(c.e, code, x, shape[1] * factors[0], shape[2] * factors[1], p, one_d ? c.name + "/resized" : c.name);
    if (!y || !one_d) return one(y);
    return one(emit::squeeze(c.e, *y, {1}, c.name));
}

}  // namespace litelab::keras_layers
