#include "onnx_cnn.h"

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <random>
#include <vector>

namespace litelab::bench {

namespace {

class GraphWriter {
public:
    explicit GraphWriter(::onnx::GraphProto& graph) : graph_(graph) {}

    // Uniform in [offset - scale, offset + scale].
    void weights(const std::string& name, const std::vector<int64_t>& dims, float scale, float offset = 0.0f) {
        auto* t = graph_.add_initializer();
        t->set_name(name);
        t->set_data_type(::onnx::TensorProto::FLOAT);
        int64_t count = 1;
        for (int64_t d : dims) {
            t->add_dims(d);
            count *= d;
        }
        std::vector<float> values(static_cast<size_t>(count));
        std::uniform_real_distribution<float> uniform(offset - scale, offset + scale);
        for (float& v : values) v = uniform(rng_);
        // raw_data, as PyTorch's exporter stores weights.
        t->set_raw_data(values.data(), values.size() * sizeof(float));
    }
    ::onnx::NodeProto* node(const std::string& op, const std::vector<std::string>& inputs, const std::string& output) {
        auto* n = graph_.add_node();
        n->set_op_type(op);
        n->set_name(output);
        for (const auto& i : inputs) n->add_input(i);
        n->add_output(output);
        return n;
    }
    static void ints(::onnx::NodeProto* n, const std::string& name, const std::vector<int64_t>& values) {
        auto* a = n->add_attribute();
        a->set_name(name);
        a->set_type(::onnx::AttributeProto::INTS);
        for (int64_t v : values) a->add_ints(v);
    }

private:
    ::onnx::GraphProto& graph_;
    std::mt19937 rng_{2024};
};

void tensor_value(::onnx::ValueInfoProto* value, const std::string& name, const std::vector<int64_t>& dims) {
    value->set_name(name);
    auto* t = value->mutable_type()->mutable_tensor_type();
    t->set_elem_type(::onnx::TensorProto::FLOAT);
    for (int64_t d : dims) {
        if (d < 0)
            t->mutable_shape()->add_dim()->set_dim_param("batch");
        else
            t->mutable_shape()->add_dim()->set_dim_value(d);
    }
}

}  // namespace

std::string make_onnx_cnn() {
    ::onnx::ModelProto model;
    model.set_ir_version(7);
    model.set_producer_name("litelab_bench");
    auto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(13);
    auto& graph = *model.mutable_graph();
    graph.set_name("vgg_like");
    tensor_value(graph.add_input(), "image", {-1, 3, 64, 64});
    GraphWriter g(graph);

    std::string x = "image";
    int64_t channels = 3;
    // 3.6 M parameters in all: 14 MB as float32.
    const std::vector<int64_t> widths{32, 64, 128, 256, 512, 448};
    for (size_t i = 0; i < widths.size(); ++i) {
        const std::string p = "block" + std::to_string(i);
        const int64_t c = widths[i];
        g.weights(p + ".conv.weight", {c, channels, 3, 3}, 0.05f);
        auto* conv = g.node("Conv", {x, p + ".conv.weight"}, p + ".conv");
        GraphWriter::ints(conv, "kernel_shape", {3, 3});
        GraphWriter::ints(conv, "pads", {1, 1, 1, 1});
        for (const char* name : {".bn.scale", ".bn.bias", ".bn.mean"}) g.weights(p + name, {c}, 0.5f);
        g.weights(p + ".bn.var", {c}, 0.4f, 1.0f);
        g.node("BatchNormalization", {p + ".conv", p + ".bn.scale", p + ".bn.bias", p + ".bn.mean", p + ".bn.var"},
               p + ".bn");
        x = g.node("Relu", {p + ".bn"}, p + ".relu")->output(0);
        if (i % 2 == 1) {
            auto* pool = g.node("MaxPool", {x}, p + ".pool");
            GraphWriter::ints(pool, "kernel_shape", {2, 2});
            GraphWriter::ints(pool, "strides", {2, 2});
            x = pool->output(0);
        }
        channels = c;
    }
    x = g.node("GlobalAveragePool", {x}, "gap")->output(0);
    x = g.node("Flatten", {x}, "flatten")->output(0);
    g.weights("fc.weight", {10, channels}, 0.05f);
    g.weights("fc.bias", {10}, 0.05f);
    auto* gemm = g.node("Gemm", {x, "fc.weight", "fc.bias"}, "logits");
    auto* trans_b = gemm->add_attribute();
    trans_b->set_name("transB");
    trans_b->set_type(::onnx::AttributeProto::INT);
    trans_b->set_i(1);
    tensor_value(graph.add_output(), "logits", {-1, 10});
    return model.SerializeAsString();
}

}  // namespace litelab::bench
