// BatchNormalization not folded into a convolution (per-channel MUL and ADD on the channels-
// last tensor) and InstanceNormalization (MEAN and variance over the spatial axes).
#include <cmath>

#include "import/onnx/lowering_table.h"

namespace litelab::onnx {

namespace {

Result<std::vector<float>> channel_constant(const Lowering& L, const OnnxNode& n, size_t index, int64_t channels) {
    const OnnxTensor* t = n.has_input(index) ? L.constant(n.inputs[index]) : nullptr;
    if (!t || t->size() != channels || !t->is_float()) {
        return node_error("input " + std::to_string(index) + " must be a constant of " + std::to_string(channels) +
                          " values");
    }
    return t->floats;
}

Status lower_batch_norm(Lowering& L, const OnnxNode& n) {
    if (n.int_attr("training_mode", 0) != 0 || n.outputs.size() > 1) {
        return node_error("training-mode BatchNormalization (export the model in eval mode)");
    }
    const std::string& x = n.inputs[0];
    const auto& shape = L.shape(x);
    if (shape.size() < 2) return node_error("input of rank " + std::to_string(shape.size()));
    const int64_t channels = shape[1];
    std::vector<std::vector<float>> p;
    for (size_t i = 1; i <= 4; ++i) {
        auto c = channel_constant(L, n, i, channels);
        if (!c) return c.error();
        p.push_back(std::move(*c));
    }
    const float epsilon = n.float_attr("epsilon", 1e-5f);
    std::vector<float> scale(static_cast<size_t>(channels)), shift(static_cast<size_t>(channels));
    for (size_t c = 0; c < scale.size(); ++c) {
        scale[c] = p[0][c] / std::sqrt(p[3][c] + epsilon);
        shift[c] = p[1][c] - p[2][c] * scale[c];
    }
    const int rank = static_cast<int>(shape.size());
    const std::string& name = n.outputs[0];
    const int32_t in = L.tensor(x, channels_last_order(rank));
    const int32_t scaled =
        L.emit_binary(tflite::BuiltinOperator_MUL, in, L.float_constant(name + "_scale", {channels}, scale), name);
    const int32_t out =
        L.emit_binary(tflite::BuiltinOperator_ADD, scaled, L.float_constant(name + "_shift", {channels}, shift), name);
    L.define(name, DType::kFloat32, shape, channels_last_order(rank), out);
    return {};
}

Status lower_instance_norm(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    const auto& shape = L.shape(x);
    const int rank = static_cast<int>(shape.size());
    if (rank < 3) return node_error("input of rank " + std::to_string(rank));
    const int64_t channels = shape[1];
    auto scale = channel_constant(L, n, 1, channels);
    if (!scale) return scale.error();
    auto bias = channel_constant(L, n, 2, channels);
    if (!bias) return bias.error();
    const std::string& name = n.outputs[0];
    const int32_t in = L.tensor(x, channels_last_order(rank));
    std::vector<int64_t> axes, reduced_shape{shape[0]};
    for (int i = 1; i < rank - 1; ++i) {
        axes.push_back(i);
        reduced_shape.push_back(1);
    }
    reduced_shape.push_back(channels);
    const int32_t axes_t = L.int32_constant(name + "_axes", {static_cast<int64_t>(axes.size())}, axes);
    tflite::ReducerOptionsT keep;
    keep.keep_dims = true;
    const int32_t mean = L.temp(name + "_mean", DType::kFloat32, reduced_shape);
    L.op(tflite::BuiltinOperator_MEAN, {in, axes_t}, {mean}, options_of(keep));
    const int32_t centered = L.emit_binary(tflite::BuiltinOperator_SUB, in, mean, name + "_centered");
    const int32_t squared = L.emit_binary(tflite::BuiltinOperator_MUL, centered, centered, name + "_squared");
    const int32_t var = L.temp(name + "_variance", DType::kFloat32, reduced_shape);
    L.op(tflite::BuiltinOperator_MEAN, {squared, axes_t}, {var}, options_of(keep));
    const int32_t eps = L.float_constant(name + "_epsilon", {}, {n.float_attr("epsilon", 1e-5f)});
    const int32_t inv_std =
        L.emit_unary(tflite::BuiltinOperator_RSQRT,
                     L.emit_binary(tflite::BuiltinOperator_ADD, var, eps, name + "_variance"), name + "_inv_std");
    // scale * inv_std per (batch, channel), then one MUL and one ADD over the tensor.
    const int32_t factor = L.emit_binary(tflite::BuiltinOperator_MUL, inv_std,
                                         L.float_constant(name + "_scale", {channels}, *scale), name + "_factor");
    const int32_t normalized = L.emit_binary(tflite::BuiltinOperator_MUL, centered, factor, name);
    const int32_t out = L.emit_binary(tflite::BuiltinOperator_ADD, normalized,
                                      L.float_constant(name + "_bias", {channels}, *bias), name);
    L.define(name, DType::kFloat32, shape, channels_last_order(rank), out);
    return {};
}

}  // namespace

void register_normalization_lowerings(LoweringTable& t) {
    t["BatchNormalization"] = lower_batch_norm;
    t["InstanceNormalization"] = lower_instance_norm;
}

}  // namespace litelab::onnx
