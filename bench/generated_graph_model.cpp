#include "generated_graph_model.h"

#include <string>
#include <vector>

#include "model/builder.h"

namespace litelab::bench {
namespace {

constexpr int32_t kChannels = 8;

class GraphMaker {
public:
    explicit GraphMaker(ModelBuilder& builder) : builder_(builder) {}

    // A 1x1 CONV_2D from `in_channels` to kChannels.
    int32_t conv(int32_t input, tflite::ActivationFunctionType activation, int32_t in_channels = kChannels) {
        const std::vector<float> weights(static_cast<size_t>(kChannels) * static_cast<size_t>(in_channels), 0.01f);
        const std::vector<float> bias(kChannels, 0.0f);
        const int32_t filter = builder_.add_float_constant(name("w"), {kChannels, 1, 1, in_channels}, weights);
        const int32_t b = builder_.add_float_constant(name("b"), {kChannels}, bias);
        const int32_t out = activation_tensor();
        tflite::BuiltinOptionsUnion options;
        tflite::Conv2DOptionsT conv;
        conv.padding = tflite::Padding_SAME;
        conv.stride_w = conv.stride_h = 1;
        conv.fused_activation_function = activation;
        options.Set(std::move(conv));
        builder_.add_operator(tflite::BuiltinOperator_CONV_2D, {input, filter, b}, {out}, std::move(options));
        ++ops_;
        return out;
    }

    int32_t binary(tflite::BuiltinOperator op, int32_t a, int32_t b) {
        const int32_t out = activation_tensor();
        builder_.add_operator(op, {a, b}, {out});
        ++ops_;
        return out;
    }

    int32_t concat(const std::vector<int32_t>& inputs) {
        const int32_t out = builder_.add_tensor(name("cat"), DType::kFloat32,
                                                {1, 16, 16, kChannels * static_cast<int32_t>(inputs.size())});
        tflite::BuiltinOptionsUnion options;
        tflite::ConcatenationOptionsT concat;
        concat.axis = 3;
        options.Set(std::move(concat));
        builder_.add_operator(tflite::BuiltinOperator_CONCATENATION, inputs, {out}, std::move(options));
        ++ops_;
        // Back to kChannels channels, as a 1x1 projection would.
        const int32_t projected =
            conv(out, tflite::ActivationFunctionType_NONE, kChannels * static_cast<int32_t>(inputs.size()));
        return projected;
    }

    int32_t activation_tensor() { return builder_.add_tensor(name("t"), DType::kFloat32, {1, 16, 16, kChannels}); }
    int ops() const { return ops_; }

private:
    std::string name(const char* prefix) { return std::string(prefix) + std::to_string(next_name_++); }

    ModelBuilder& builder_;
    int ops_ = 0;
    int next_name_ = 0;
};

}  // namespace

Model make_graph_model(int ops) {
    ModelBuilder builder;
    builder.set_subgraph_name("main");
    GraphMaker maker(builder);
    const int32_t input = maker.activation_tensor();
    int32_t x = input;
    for (int block = 0; maker.ops() < ops; ++block) {
        if (block % 4 == 3 && maker.ops() + 6 <= ops) {
            const int32_t a = maker.conv(x, tflite::ActivationFunctionType_RELU);
            const int32_t b =
                maker.conv(maker.conv(x, tflite::ActivationFunctionType_RELU), tflite::ActivationFunctionType_RELU);
            const int32_t c = maker.binary(tflite::BuiltinOperator_MUL, x, x);
            x = maker.concat({a, b, c});
            continue;
        }
        const int32_t y = maker.conv(x, tflite::ActivationFunctionType_RELU);
        x = maker.ops() < ops ? maker.binary(tflite::BuiltinOperator_ADD, y, x) : y;
    }
    builder.set_inputs({input});
    builder.set_outputs({x});
    return std::move(builder).finish();
}

}  // namespace litelab::bench
