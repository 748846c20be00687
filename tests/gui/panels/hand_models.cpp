#include "hand_models.h"

#include <cstring>
#include <string>

#include "model/builder.h"

namespace litelab::test {
namespace {

Bytes zeros(size_t size) {
    return Bytes::take(std::vector<uint8_t>(size, 0));
}

Bytes text_bytes(const std::string& text, size_t padded_size) {
    std::vector<uint8_t> bytes(padded_size, 0);
    std::memcpy(bytes.data(), text.data(), text.size());
    return Bytes::take(std::move(bytes));
}

}  // namespace

std::shared_ptr<const Model> hand_model() {
    ModelBuilder b;
    b.set_description("hand-built for the panels");

    const int32_t image = b.add_tensor("image", DType::kFloat32, {1, 8, 8, 4});
    b.set_shape_signature(image, {-1, 8, 8, 4});

    Quantization filter_q;
    filter_q.scale = {0.5f, 0.25f, 0.125f, 2.0f};
    filter_q.zero_point = {0, 0, 0, 0};
    filter_q.quantized_dimension = 3;
    b.add_tensor("filter", DType::kInt8, {1, 3, 3, 4}, zeros(36), filter_q);

    Quantization features_q;
    features_q.scale = {0.05f};
    features_q.zero_point = {-3};
    features_q.min = {-6.25f};
    features_q.max = {6.5f};
    b.add_tensor("features", DType::kInt8, {1, 8, 8, 4}, {}, features_q);
    b.add_tensor("activated", DType::kFloat32, {1, 8, 8, 4});
    b.add_tensor("sum", DType::kFloat32, {1, 8, 8, 4});

    Quantization wide_q;
    for (int c = 0; c < 300; ++c) {
        wide_q.scale.push_back(0.001f * static_cast<float>(c + 1));
        wide_q.zero_point.push_back(c % 3);
    }
    b.add_tensor("wide", DType::kInt8, {300, 2}, zeros(600), wide_q);
    b.add_tensor("custom_out", DType::kFloat32, {300, 2});

    tflite::BuiltinOptionsUnion depthwise;
    depthwise.Set(tflite::DepthwiseConv2DOptionsT{});
    auto* d = depthwise.AsDepthwiseConv2DOptions();
    d->padding = tflite::Padding_SAME;
    d->stride_w = 2;
    d->stride_h = 2;
    d->depth_multiplier = 1;
    d->fused_activation_function = tflite::ActivationFunctionType_RELU6;
    b.add_operator(tflite::BuiltinOperator_DEPTHWISE_CONV_2D, {hand::kImage, hand::kFilter, -1}, {hand::kFeatures},
                   std::move(depthwise), 2);
    b.add_operator(tflite::BuiltinOperator_RELU, {hand::kFeatures}, {hand::kActivated});
    tflite::BuiltinOptionsUnion add;
    add.Set(tflite::AddOptionsT{});
    b.add_operator(tflite::BuiltinOperator_ADD, {hand::kFeatures, hand::kActivated}, {hand::kSum}, std::move(add));
    b.add_custom_operator("MY_CUSTOM_OP", {hand::kWide}, {hand::kCustomOut}, {1, 2, 3});
    b.set_inputs({hand::kImage});
    b.set_outputs({hand::kSum, hand::kCustomOut});

    b.add_subgraph("helper");
    const int32_t x = b.add_tensor("x", DType::kFloat32, {2});
    const int32_t y = b.add_tensor("y", DType::kFloat32, {2});
    b.add_operator(tflite::BuiltinOperator_RELU, {x}, {y});
    b.set_inputs({x});
    b.set_outputs({y});

    b.add_signature("serving_default", 0, {{"image", hand::kImage}}, {{"scores", hand::kSum}});
    b.add_signature("helper_fn", 1, {{"x_in", 0}}, {{"y_out", 1}});
    b.add_metadata("min_runtime_version", text_bytes("1.14.0", 16));
    b.add_metadata("binary_blob", Bytes::take({0x00, 0x01, 0xff, 0x10}));
    return std::make_shared<const Model>(std::move(b).finish());
}

}  // namespace litelab::test
