#include "import/onnx/onnx_load.h"

#include <onnx/onnx_pb.h>

#include <set>

#include "core/mapped_file.h"
#include "import/onnx/onnx_tensor_decode.h"

namespace litelab::onnx {

namespace {

OnnxValueInfo value_info_of(const ::onnx::ValueInfoProto& proto) {
    OnnxValueInfo info;
    info.name = proto.name();
    if (!proto.type().has_tensor_type()) {
        info.type_name = proto.type().has_sequence_type()   ? "a sequence"
                         : proto.type().has_map_type()      ? "a map"
                         : proto.type().has_optional_type() ? "an optional"
                                                            : "no tensor type";
        return info;
    }
    const auto& tensor = proto.type().tensor_type();
    info.type = dtype_of_onnx(tensor.elem_type());
    info.type_name = onnx_type_name(tensor.elem_type());
    if (tensor.has_shape()) {
        info.has_shape = true;
        for (const auto& d : tensor.shape().dim()) info.dims.push_back(d.has_dim_value() ? d.dim_value() : -1);
    }
    return info;
}

Result<OnnxAttribute> attribute_of(const ::onnx::AttributeProto& proto) {
    OnnxAttribute a;
    using P = ::onnx::AttributeProto;
    switch (proto.type()) {
        case P::FLOAT:
            a.kind = OnnxAttribute::Kind::kFloat;
            a.f = proto.f();
            break;
        case P::INT:
            a.kind = OnnxAttribute::Kind::kInt;
            a.i = proto.i();
            break;
        case P::STRING:
            a.kind = OnnxAttribute::Kind::kString;
            a.s = proto.s();
            break;
        case P::FLOATS:
            a.kind = OnnxAttribute::Kind::kFloats;
            a.floats.assign(proto.floats().begin(), proto.floats().end());
            break;
        case P::INTS:
            a.kind = OnnxAttribute::Kind::kInts;
            a.ints.assign(proto.ints().begin(), proto.ints().end());
            break;
        case P::STRINGS:
            a.kind = OnnxAttribute::Kind::kStrings;
            a.strings.assign(proto.strings().begin(), proto.strings().end());
            break;
        case P::TENSOR: {
            a.kind = OnnxAttribute::Kind::kTensor;
            auto t = decode_tensor(proto.t());
            if (!t) return t.error();
            a.t = std::move(*t);
            break;
        }
        case P::GRAPH:
        case P::GRAPHS:
            a.kind = OnnxAttribute::Kind::kGraph;
            break;
        default: {
            // Files from before IR 0.0.2 leave the type unset; infer it from the field used.
            if (proto.has_f()) {
                a.kind = OnnxAttribute::Kind::kFloat;
                a.f = proto.f();
            } else if (proto.has_i()) {
                a.kind = OnnxAttribute::Kind::kInt;
                a.i = proto.i();
            } else if (proto.has_s()) {
                a.kind = OnnxAttribute::Kind::kString;
                a.s = proto.s();
            } else if (proto.ints_size() > 0) {
                a.kind = OnnxAttribute::Kind::kInts;
                a.ints.assign(proto.ints().begin(), proto.ints().end());
            } else if (proto.floats_size() > 0) {
                a.kind = OnnxAttribute::Kind::kFloats;
                a.floats.assign(proto.floats().begin(), proto.floats().end());
            }
            break;
        }
    }
    return a;
}

}  // namespace

Result<OnnxGraph> load_onnx_graph(const std::string& path) {
    auto file = MappedFile::open(path);
    if (!file) return file.error();
    const auto bytes = (*file)->bytes();
    ::onnx::ModelProto model;
    if (bytes.size() > static_cast<size_t>(INT32_MAX) ||
        !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        return make_error(ErrorCode::kFormat, "not an ONNX model (the protobuf cannot be parsed)");
    }
    if (!model.has_graph() || model.graph().node_size() == 0) {
        return make_error(ErrorCode::kFormat, "not an ONNX model (no graph with nodes)");
    }

    OnnxGraph g;
    g.ir_version = model.ir_version();
    g.producer = model.producer_name();
    g.opset = model.opset_import_size() == 0 ? 1 : 0;  // models before opset_import used opset 1
    for (const auto& opset : model.opset_import()) {
        if (opset.domain().empty() || opset.domain() == "ai.onnx") g.opset = opset.version();
    }
    if (g.opset <= 0) return make_error(ErrorCode::kUnsupported, "the model imports no default ONNX opset");
    if (g.opset > kMaxOpset) {
        return make_error(ErrorCode::kUnsupported, "opset " + std::to_string(g.opset) +
                                                       " is newer than LiteLab supports (up to " +
                                                       std::to_string(kMaxOpset) + ")");
    }

    const auto& graph = model.graph();
    g.name = graph.name();
    for (const auto& init : graph.initializer()) {
        auto t = decode_tensor(init);
        if (!t) return make_error(t.error().code, "initializer " + t.error().message);
        if (init.name().empty()) return make_error(ErrorCode::kInvalid, "an initializer has no name");
        g.initializers[init.name()] = std::move(*t);
    }

    std::set<std::string> defined;
    for (const auto& [name, _] : g.initializers) defined.insert(name);
    for (const auto& input : graph.input()) {
        if (g.initializers.count(input.name())) continue;  // IR < 4 lists initializers as inputs
        g.inputs.push_back(value_info_of(input));
        defined.insert(input.name());
    }
    for (const auto& output : graph.output()) g.outputs.push_back(value_info_of(output));

    for (int k = 0; k < graph.node_size(); ++k) {
        const auto& proto = graph.node(k);
        OnnxNode node;
        node.op_type = proto.op_type();
        node.domain = proto.domain();
        node.name = proto.name();
        node.inputs.assign(proto.input().begin(), proto.input().end());
        node.outputs.assign(proto.output().begin(), proto.output().end());
        for (const auto& attr : proto.attribute()) {
            auto a = attribute_of(attr);
            if (!a) {
                return make_error(a.error().code, node.label(static_cast<size_t>(k)) + ", attribute '" + attr.name() +
                                                      "': " + a.error().message);
            }
            node.attributes[attr.name()] = std::move(*a);
        }
        for (const auto& input : node.inputs) {
            if (!input.empty() && !defined.count(input)) {
                return make_error(ErrorCode::kInvalid, node.label(static_cast<size_t>(k)) + " reads '" + input +
                                                           "', which no earlier node, input or initializer defines");
            }
        }
        for (const auto& output : node.outputs) {
            if (!output.empty()) defined.insert(output);
        }
        g.nodes.push_back(std::move(node));
    }
    for (const auto& output : g.outputs) {
        if (!defined.count(output.name)) {
            return make_error(ErrorCode::kInvalid, "graph output '" + output.name + "' is never computed");
        }
    }
    return g;
}

}  // namespace litelab::onnx
