#include "model/demo_model.h"

#include <cstdint>
#include <vector>

#include "model/builder.h"

namespace litelab {
namespace {

// A fixed linear congruential sequence, so the demo file is identical on every machine.
std::vector<float> pseudo_random(size_t count, float scale, uint32_t seed) {
    std::vector<float> values(count);
    uint32_t state = seed;
    for (auto& v : values) {
        state = state * 1664525u + 1013904223u;
        v = (static_cast<float>(state >> 8) / static_cast<float>(1u << 24) * 2.0f - 1.0f) * scale;
    }
    return values;
}

}  // namespace

Model make_demo_model() {
    constexpr int32_t kFrames = 50, kCoefficients = 13, kFilters = 8, kClasses = 2;
    constexpr int32_t kConvH = kFrames - 2, kConvW = kCoefficients - 2;  // 3x3 VALID
    constexpr int32_t kPoolH = kConvH / 2, kPoolW = kConvW / 2;
    constexpr int32_t kFlat = kPoolH * kPoolW * kFilters;

    ModelBuilder b;
    b.set_description("LiteLab demo keyword-spotting CNN (pseudo-random weights)");
    const int32_t input = b.add_tensor("serving_default_mfcc:0", DType::kFloat32, {1, kFrames, kCoefficients, 1});
    b.set_shape_signature(input, {-1, kFrames, kCoefficients, 1});

    const auto conv_w = pseudo_random(kFilters * 3 * 3, 0.5f, 1);
    const auto conv_b = pseudo_random(kFilters, 0.1f, 2);
    const int32_t filter = b.add_float_constant("conv2d/kernel", {kFilters, 3, 3, 1}, conv_w);
    const int32_t bias = b.add_float_constant("conv2d/bias", {kFilters}, conv_b);
    const int32_t conv = b.add_tensor("conv2d/Relu", DType::kFloat32, {1, kConvH, kConvW, kFilters});
    b.set_shape_signature(conv, {-1, kConvH, kConvW, kFilters});
    tflite::BuiltinOptionsUnion conv_options;
    conv_options.Set(tflite::Conv2DOptionsT{});
    auto* c = conv_options.AsConv2DOptions();
    c->padding = tflite::Padding_VALID;
    c->stride_w = c->stride_h = 1;
    c->fused_activation_function = tflite::ActivationFunctionType_RELU;
    b.add_operator(tflite::BuiltinOperator_CONV_2D, {input, filter, bias}, {conv}, std::move(conv_options), 3);

    const int32_t pool = b.add_tensor("max_pooling2d/MaxPool", DType::kFloat32, {1, kPoolH, kPoolW, kFilters});
    b.set_shape_signature(pool, {-1, kPoolH, kPoolW, kFilters});
    tflite::BuiltinOptionsUnion pool_options;
    pool_options.Set(tflite::Pool2DOptionsT{});
    auto* p = pool_options.AsPool2DOptions();
    p->padding = tflite::Padding_VALID;
    p->stride_w = p->stride_h = p->filter_width = p->filter_height = 2;
    b.add_operator(tflite::BuiltinOperator_MAX_POOL_2D, {conv}, {pool}, std::move(pool_options), 2);

    const int32_t new_shape_values[] = {-1, kFlat};
    const int32_t new_shape = b.add_int32_constant("flatten/Const", {2}, new_shape_values);
    const int32_t flat = b.add_tensor("flatten/Reshape", DType::kFloat32, {1, kFlat});
    b.set_shape_signature(flat, {-1, kFlat});
    b.add_operator(tflite::BuiltinOperator_RESHAPE, {pool, new_shape}, {flat});

    const auto dense_w = pseudo_random(kClasses * kFlat, 0.05f, 3);
    const auto dense_b = pseudo_random(kClasses, 0.1f, 4);
    const int32_t weights = b.add_float_constant("dense/kernel", {kClasses, kFlat}, dense_w);
    const int32_t dense_bias = b.add_float_constant("dense/bias", {kClasses}, dense_b);
    const int32_t logits = b.add_tensor("dense/BiasAdd", DType::kFloat32, {1, kClasses});
    b.set_shape_signature(logits, {-1, kClasses});
    tflite::BuiltinOptionsUnion fc_options;
    fc_options.Set(tflite::FullyConnectedOptionsT{});
    b.add_operator(tflite::BuiltinOperator_FULLY_CONNECTED, {flat, weights, dense_bias}, {logits},
                   std::move(fc_options), 1);

    const int32_t probs = b.add_tensor("StatefulPartitionedCall:0", DType::kFloat32, {1, kClasses});
    b.set_shape_signature(probs, {-1, kClasses});
    tflite::BuiltinOptionsUnion softmax_options;
    softmax_options.Set(tflite::SoftmaxOptionsT{});
    softmax_options.AsSoftmaxOptions()->beta = 1.0f;
    b.add_operator(tflite::BuiltinOperator_SOFTMAX, {logits}, {probs}, std::move(softmax_options));

    b.set_inputs({input});
    b.set_outputs({probs});
    b.add_signature("serving_default", 0, {{"mfcc", static_cast<uint32_t>(input)}},
                    {{"output_0", static_cast<uint32_t>(probs)}});
    return std::move(b).finish();
}

}  // namespace litelab
