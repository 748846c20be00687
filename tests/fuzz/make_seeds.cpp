// Writes the fuzzer's seed corpus: the demo model (as `litelab demo-model` writes it, inline and
// with external buffers) and small models that reach the reader's rarer paths: control flow,
// quantization (per tensor, per axis, custom), sub-byte and string tensors, sparsity, variant
// subtypes, custom operators with FlexBuffer options, the second options union, metadata,
// signatures and external buffer descriptions.
//   usage: tflite_fuzz_seeds OUT_DIR
#include <flatbuffers/flexbuffers.h>

#include <cstdio>
#include <string>
#include <vector>

#include "model/builder.h"
#include "model/demo_model.h"
#include "tflite/writer.h"

namespace litelab {
namespace {

Bytes bytes_of(std::vector<uint8_t> data) { return Bytes::take(std::move(data)); }

Quantization per_tensor(float scale, int64_t zero_point) {
    Quantization q;
    q.scale = {scale};
    q.zero_point = {zero_point};
    return q;
}

Model control_flow() {
    ModelBuilder b;
    const int32_t x = b.add_tensor("x", DType::kInt32, {1});
    const int32_t looped = b.add_tensor("looped", DType::kInt32, {1});
    const int32_t chosen = b.add_tensor("chosen", DType::kInt32, {1});
    const int32_t flag = b.add_tensor("flag", DType::kBool, {});
    tflite::BuiltinOptionsUnion while_options;
    while_options.Set(tflite::WhileOptionsT{});
    while_options.AsWhileOptions()->cond_subgraph_index = 1;
    while_options.AsWhileOptions()->body_subgraph_index = 2;
    b.add_operator(tflite::BuiltinOperator_WHILE, {x}, {looped}, std::move(while_options));
    tflite::BuiltinOptionsUnion if_options;
    if_options.Set(tflite::IfOptionsT{});
    if_options.AsIfOptions()->then_subgraph_index = 2;
    if_options.AsIfOptions()->else_subgraph_index = 2;
    b.add_operator(tflite::BuiltinOperator_IF, {flag, looped}, {chosen}, std::move(if_options));
    tflite::BuiltinOptionsUnion once_options;
    once_options.Set(tflite::CallOnceOptionsT{});
    once_options.AsCallOnceOptions()->init_subgraph_index = 3;
    b.add_operator(tflite::BuiltinOperator_CALL_ONCE, {}, {}, std::move(once_options));
    b.set_inputs({x, flag});
    b.set_outputs({chosen});

    b.add_subgraph("cond");
    const int32_t c_in = b.add_tensor("i", DType::kInt32, {1});
    const int32_t limit_value[] = {10};
    const int32_t limit = b.add_int32_constant("limit", {1}, limit_value);
    const int32_t c_out = b.add_tensor("more", DType::kBool, {1});
    b.add_operator(tflite::BuiltinOperator_LESS, {c_in, limit}, {c_out});
    b.set_inputs({c_in});
    b.set_outputs({c_out});

    b.add_subgraph("body");
    const int32_t b_in = b.add_tensor("i", DType::kInt32, {1});
    const int32_t one_value[] = {1};
    const int32_t one = b.add_int32_constant("one", {1}, one_value);
    const int32_t b_out = b.add_tensor("next", DType::kInt32, {1});
    tflite::BuiltinOptionsUnion add_options;
    add_options.Set(tflite::AddOptionsT{});
    b.add_operator(tflite::BuiltinOperator_ADD, {b_in, one}, {b_out}, std::move(add_options));
    b.set_inputs({b_in});
    b.set_outputs({b_out});

    b.add_subgraph("init");
    return std::move(b).finish();
}

Model quantized() {
    ModelBuilder b;
    b.set_description("quantized seed");
    const int32_t in = b.add_tensor("input", DType::kInt8, {1, 4, 4, 2}, {}, per_tensor(0.5f, -128));
    b.set_shape_signature(in, {-1, 4, 4, 2});
    Quantization axis;
    axis.scale = {0.1f, 0.2f, 0.3f};
    axis.zero_point = {0, 0, 0};
    axis.quantized_dimension = 0;
    axis.min = {-1.0f, -2.0f, -3.0f};
    axis.max = {1.0f, 2.0f, 3.0f};
    const int32_t filter =
        b.add_tensor("filter", DType::kInt8, {3, 1, 1, 2}, bytes_of({1, 2, 3, 4, 5, 6}), std::move(axis));
    const int32_t bias = b.add_tensor("bias", DType::kInt32, {3}, bytes_of(std::vector<uint8_t>(12, 1)));
    const int32_t out = b.add_tensor("conv", DType::kInt8, {1, 4, 4, 3}, {}, per_tensor(0.25f, 3));
    tflite::BuiltinOptionsUnion conv;
    conv.Set(tflite::Conv2DOptionsT{});
    conv.AsConv2DOptions()->stride_h = conv.AsConv2DOptions()->stride_w = 1;
    b.add_operator(tflite::BuiltinOperator_CONV_2D, {in, filter, bias}, {out}, std::move(conv), 3);

    // Sub-byte and odd types, and a custom quantization.
    const int32_t nibbles = b.add_tensor("int4", DType::kInt4, {3}, bytes_of({0x21, 0x03}));
    Quantization custom;
    custom.details.Set(tflite::CustomQuantizationT{});
    custom.details.AsCustomQuantization()->custom = {7, 7};
    const int32_t f16 = b.add_tensor("half", DType::kFloat16, {2}, bytes_of({0, 60, 0, 64}), std::move(custom));
    // A STRING tensor in TFLite's layout: count, offsets, then the bytes.
    const int32_t text = b.add_tensor("text", DType::kString, {1},
                                      bytes_of({1, 0, 0, 0, 12, 0, 0, 0, 14, 0, 0, 0, 'h', 'i'}));
    const int32_t state = b.add_tensor("state", DType::kFloat32, {2});
    b.add_operator(tflite::BuiltinOperator_ADD, {f16, nibbles, text, state}, {state});

    Model model = std::move(b).finish();
    Subgraph& s = model.subgraphs[0];
    s.tensors[static_cast<size_t>(state)].is_variable = true;
    s.operators[1].mutating_variable_inputs = {false, false, false, true};
    s.operators[1].intermediates = {state};
    s.inputs = {in};
    s.outputs = {out};
    model.signature_defs.push_back({{{"image", static_cast<uint32_t>(in)}}, {{"logits", static_cast<uint32_t>(out)}},
                                    "serving_default", 0});
    model.signature_defs.push_back({{}, {}, "empty", 0});
    const std::string version = "1.14.0";
    model.buffers.push_back({bytes_of(std::vector<uint8_t>(version.begin(), version.end())), 0});
    model.metadata.push_back({"min_runtime_version", static_cast<uint32_t>(model.buffers.size() - 1)});
    model.metadata_buffer = {static_cast<int32_t>(model.buffers.size() - 1)};
    model.external_buffer_groups.emplace_back().name = "weights.bin";
    tflite::ExternalBufferT& external = model.external_buffers.emplace_back();
    external.id = 1;
    external.length = 16;
    external.packing = "unpacked";
    return model;
}

Model custom_and_sparse() {
    ModelBuilder b;
    const int32_t in = b.add_tensor("boxes", DType::kFloat32, {1, 4});
    const int32_t out = b.add_tensor("detections", DType::kFloat32, {1, 4});
    flexbuffers::Builder fbx;
    fbx.Map([&] {
        fbx.Int("max_detections", 10);
        fbx.Float("nms_iou_threshold", 0.5f);
        fbx.Bool("use_regular_nms", false);
        fbx.String("name", "seed");
        fbx.Vector("scales", [&] {
            fbx.Float(10.0f);
            fbx.Float(5.0f);
        });
    });
    fbx.Finish();
    b.add_custom_operator("TFLite_Detection_PostProcess", {in}, {out}, fbx.GetBuffer());

    // A 4x4 weight with four non-zeros, stored as CSR.
    const float values[] = {1.0f, 2.0f, 3.0f, 4.0f};
    const int32_t weights = b.add_float_constant("sparse_weights", {4, 4}, values);
    const int32_t dense = b.add_tensor("dense", DType::kFloat32, {1, 4});
    tflite::BuiltinOptionsUnion fc;
    fc.Set(tflite::FullyConnectedOptionsT{});
    b.add_operator(tflite::BuiltinOperator_FULLY_CONNECTED, {out, weights, -1}, {dense}, std::move(fc));

    const int32_t joined = b.add_tensor("joined", DType::kFloat32, {1, 8});
    tflite::BuiltinOptions2Union concat;
    concat.Set(tflite::StablehloConcatenateOptionsT{});
    concat.AsStablehloConcatenateOptions()->dimension = 1;
    const int32_t variant = b.add_tensor("list", DType::kVariant, {});
    b.add_operator(tflite::BuiltinOperator_STABLEHLO_CONCATENATE, {out, dense}, {joined});
    b.set_inputs({in});
    b.set_outputs({joined, variant});

    Model model = std::move(b).finish();
    Subgraph& s = model.subgraphs[0];
    s.operators.back().builtin_options_2 = std::move(concat);
    tflite::SparsityParametersT sparsity;
    sparsity.traversal_order = {0, 1};
    auto dense_dim = std::make_unique<tflite::DimensionMetadataT>();
    dense_dim->format = tflite::DimensionType_DENSE;
    dense_dim->dense_size = 4;
    auto csr_dim = std::make_unique<tflite::DimensionMetadataT>();
    csr_dim->format = tflite::DimensionType_SPARSE_CSR;
    tflite::Int32VectorT segments;
    segments.values = {0, 1, 2, 3, 4};
    csr_dim->array_segments.Set(std::move(segments));
    tflite::Int32VectorT indices;
    indices.values = {0, 1, 2, 3};
    csr_dim->array_indices.Set(std::move(indices));
    sparsity.dim_metadata.push_back(std::move(dense_dim));
    sparsity.dim_metadata.push_back(std::move(csr_dim));
    s.tensors[static_cast<size_t>(weights)].sparsity = std::move(sparsity);
    Tensor& list = s.tensors[static_cast<size_t>(variant)];
    list.has_rank = true;
    tflite::VariantSubTypeT& subtype = list.variant_tensors.emplace_back();
    subtype.shape = {2, 3};
    subtype.type = tflite::TensorType_INT32;
    subtype.has_rank = true;
    return model;
}

Model empty_model() {
    Model model;
    model.buffers.emplace_back();
    return model;
}

bool write_seed(const std::string& dir, const std::string& name, const Model& model, bool external = false) {
    WriteOptions options;
    options.external_buffers = external;
    const std::string path = dir + "/" + name;
    if (auto status = write_tflite_file(model, path, options); !status) {
        std::fprintf(stderr, "tflite_fuzz_seeds: %s\n", status.error().message.c_str());
        return false;
    }
    return true;
}

}  // namespace
}  // namespace litelab

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: tflite_fuzz_seeds OUT_DIR\n");
        return 2;
    }
    using namespace litelab;
    const std::string dir = argv[1];
    const Model demo = make_demo_model();
    const bool ok = write_seed(dir, "demo.tflite", demo) && write_seed(dir, "demo_external.tflite", demo, true) &&
                    write_seed(dir, "control_flow.tflite", control_flow()) &&
                    write_seed(dir, "quantized.tflite", quantized()) &&
                    write_seed(dir, "quantized_external.tflite", quantized(), true) &&
                    write_seed(dir, "custom_sparse.tflite", custom_and_sparse()) &&
                    write_seed(dir, "empty.tflite", empty_model());
    return ok ? 0 : 1;
}
