// Pooling: Max/AveragePooling1D/2D as MAX_POOL_2D / AVERAGE_POOL_2D (1-D over a height of 1),
// global pooling as MEAN / REDUCE_MAX over the spatial axes.
#include "import/common/emit_ops.h"
#include "import/keras/keras_layers.h"
#include "import/keras/layer_config.h"

namespace litelab::keras_layers {

Lowered pooling(LayerCall& c) {
    const std::string& cls = c.layer.class_name;
    const bool one_d = cls.find("1D") != std::string::npos;
    const size_t n = one_d ? 1 : 2;
    if (config_string(c.config(), "data_format", "channels_last") != "channels_last")
        return c.error("data_format channels_first is not supported");
    // Keras 2 names the window pool_size (pool_length in 1.x-style 1-D configs).
    auto pool = config_ints(c.config(), c.config().contains("pool_size") ? "pool_size" : "pool_length", n, 2);
    if (!pool) return c.wrap(pool.error());
    auto strides = config_ints(c.config(), "strides", n, 0);
    if (!strides) return c.wrap(strides.error());
    for (size_t i = 0; i < n; ++i)
        if ((*strides)[i] <= 0) (*strides)[i] = (*pool)[i];  // strides default to the window
    const std::string padding = config_string(c.config(), "padding", "valid");
    if (padding != "valid" && padding != "same") return c.error("padding '" + padding + "' is not supported");

    emit::PoolParams p;
    p.padding = padding == "same" ? tflite::Padding_SAME : tflite::Padding_VALID;
    p.filter_h = one_d ? 1 : (*pool)[0];
    p.filter_w = one_d ? (*pool)[0] : (*pool)[1];
    p.stride_h = one_d ? 1 : (*strides)[0];
    p.stride_w = one_d ? (*strides)[0] : (*strides)[1];
    const auto code = cls.rfind("Max", 0) == 0 ? tflite::BuiltinOperator_MAX_POOL_2D : tflite::BuiltinOperator_AVERAGE_POOL_2D;

    int32_t x = c.inputs.at(0);
    if (one_d) {
        auto image = emit::expand_dims(c.e, x, 1, c.name + "/as_image");
        if (!image) return image.error();
        x = *image;
    }
    auto y = emit::pool_2d(c.e, code, x, p, one_d ? c.name + "/pool" : c.name);
    if (!y) return y.error();
    if (!one_d) return std::vector<int32_t>{*y};
    auto squeezed = emit::squeeze(c.e, *y, {1}, c.name);
    if (!squeezed) return squeezed.error();
    return std::vector<int32_t>{*squeezed};
}

Lowered global_pooling(LayerCall& c) {
    const std::string& cls = c.layer.class_name;
    const bool one_d = cls.find("1D") != std::string::npos;
    const bool channels_last = config_string(c.config(), "data_format", "channels_last") == "channels_last";
    const int32_t x = c.inputs.at(0);
    const int rank = c.e.rank(x);
    std::vector<int32_t> axes;
    if (channels_last) {
        for (int d = 1; d < rank - 1; ++d) axes.push_back(d);
    } else {
        for (int d = 2; d < rank; ++d) axes.push_back(d);
    }
    if (static_cast<int>(axes.size()) != (one_d ? 1 : 2)) return c.error("unexpected input rank " + std::to_string(rank), ErrorCode::kInvalid);
    const bool keep = config_bool(c.config(), "keepdims", false);
    const auto code = cls.rfind("GlobalMax", 0) == 0 ? tflite::BuiltinOperator_REDUCE_MAX : tflite::BuiltinOperator_MEAN;
    auto y = emit::reduce(c.e, code, x, axes, keep, c.name);
    if (!y) return y.error();
    return std::vector<int32_t>{*y};
}

}  // namespace litelab::keras_layers
