// Small ONNX models written with libonnx's protobuf classes, for tests of what the suites do
// not cover (bad input, layout decisions, dynamic batches).
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "support/test_paths.h"

namespace litelab::test {

// A float input "x" (dims; -1 is a symbolic dimension), the graph output "y".
struct OnnxModelMaker {
    ::onnx::ModelProto model;

    explicit OnnxModelMaker(int64_t opset = 13, const std::vector<int64_t>& dims = {1, 3, 4, 4}) {
        model.set_ir_version(7);
        auto* o = model.add_opset_import();
        o->set_domain("");
        o->set_version(opset);
        auto* in = model.mutable_graph()->add_input();
        in->set_name("x");
        auto* t = in->mutable_type()->mutable_tensor_type();
        t->set_elem_type(::onnx::TensorProto::FLOAT);
        for (int64_t d : dims) {
            if (d < 0)
                t->mutable_shape()->add_dim()->set_dim_param("n");
            else
                t->mutable_shape()->add_dim()->set_dim_value(d);
        }
        model.mutable_graph()->add_output()->set_name("y");
    }
    ::onnx::NodeProto* node(const std::string& op, const std::vector<std::string>& inputs, const std::string& output) {
        auto* n = model.mutable_graph()->add_node();
        n->set_op_type(op);
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
    static void integer(::onnx::NodeProto* n, const std::string& name, int64_t value) {
        auto* a = n->add_attribute();
        a->set_name(name);
        a->set_type(::onnx::AttributeProto::INT);
        a->set_i(value);
    }
    void floats(const std::string& name, const std::vector<int64_t>& dims, const std::vector<float>& values) {
        auto* t = model.mutable_graph()->add_initializer();
        t->set_name(name);
        t->set_data_type(::onnx::TensorProto::FLOAT);
        for (int64_t d : dims) t->add_dims(d);
        for (float v : values) t->add_float_data(v);
    }
    std::string save(const std::string& folder, const std::string& name) const {
        const std::string path = scratch_dir(folder) + "/" + name;
        std::ofstream(path, std::ios::binary) << model.SerializeAsString();
        return path;
    }
};

}  // namespace litelab::test
