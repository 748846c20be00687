// Facts about the shared real models, as TensorFlow's tools wrote them (cross-checked with the
// oracles' independent flatbuffer reader, `run_tflite --info`).
#include "tflite/reader.h"

#include <gtest/gtest.h>

#include "model/graph.h"
#include "support/test_paths.h"

namespace litelab {
namespace {

ReadModel read_shared(const std::string& name) {
    const auto path = test::shared_model("tflite/" + name);
    if (!path) return {};
    auto read = read_tflite_file(*path);
    EXPECT_TRUE(read.ok()) << read.error().message;
    return read.ok() ? std::move(read).value() : ReadModel{};
}

#define REQUIRE_SHARED(name)                                                                   \
    if (!test::shared_model("tflite/" name)) GTEST_SKIP() << "../shared/models/tflite/" name " is absent"

TEST(Reader, HelloWorldInt8) {
    REQUIRE_SHARED("hello_world_int8.tflite");
    const ReadModel read = read_shared("hello_world_int8.tflite");
    const Model& m = read.model;
    EXPECT_TRUE(read.warnings.empty());
    EXPECT_EQ(read.file_size, 2704u);
    ASSERT_EQ(m.subgraphs.size(), 1u);
    const Subgraph& s = m.subgraphs[0];
    EXPECT_EQ(s.name, "main");
    ASSERT_EQ(s.operators.size(), 3u);
    for (const auto& op : s.operators) EXPECT_EQ(m.opcode(op).name(), "FULLY_CONNECTED");
    EXPECT_EQ(s.inputs, std::vector<int32_t>{0});
    EXPECT_EQ(s.outputs, std::vector<int32_t>{9});
    EXPECT_EQ(s.operators[0].inputs, (std::vector<int32_t>{0, 6, 5}));

    const Tensor& in = s.tensors[0];
    EXPECT_EQ(in.name, "serving_default_dense_input:0");
    EXPECT_EQ(in.type, DType::kInt8);
    EXPECT_EQ(in.shape, (std::vector<int32_t>{1, 1}));
    ASSERT_TRUE(in.shape_signature);
    EXPECT_EQ(*in.shape_signature, (std::vector<int32_t>{-1, 1}));
    ASSERT_TRUE(in.quantization);
    EXPECT_FLOAT_EQ(in.quantization->scale.at(0), 0.024480115622282028f);
    EXPECT_EQ(in.quantization->zero_point.at(0), -128);
    EXPECT_EQ(s.tensors[9].quantization->zero_point.at(0), 5);

    const Tensor& weights = s.tensors[6];
    EXPECT_EQ(weights.type, DType::kInt8);
    EXPECT_EQ(m.tensor_data(weights).size(), 16u);

    ASSERT_EQ(m.signature_defs.size(), 1u);
    EXPECT_EQ(m.signature_defs[0].signature_key, "serving_default");
    EXPECT_EQ(m.signature_defs[0].inputs.at(0).name, "dense_input");
    EXPECT_EQ(m.signature_defs[0].outputs.at(0).tensor_index, 9u);
}

TEST(Reader, PersonDetectIsReadWithWarningsForItsOddBiasQuantization) {
    REQUIRE_SHARED("person_detect.tflite");
    const ReadModel read = read_shared("person_detect.tflite");
    // 14 int32 biases declare quantized_dimension 3 on rank 1: odd, but safe to read.
    EXPECT_EQ(read.warnings.size(), 14u);
    for (const auto& w : read.warnings) EXPECT_NE(w.find("along dimension 3, but has rank 1"), std::string::npos) << w;
    const auto histogram = op_histogram(read.model);
    EXPECT_EQ(histogram.at("CONV_2D"), 14u);
    EXPECT_EQ(histogram.at("DEPTHWISE_CONV_2D"), 14u);
    EXPECT_EQ(histogram.at("AVERAGE_POOL_2D"), 1u);
    const Subgraph& s = read.model.subgraphs[0];
    EXPECT_EQ(s.inputs, std::vector<int32_t>{88});
    EXPECT_EQ(s.tensors[88].shape, (std::vector<int32_t>{1, 96, 96, 1}));
    EXPECT_EQ(s.tensors[87].quantization->zero_point.at(0), -128);
}

TEST(Reader, LstmHasVariableTensorsAndFusedLstm) {
    REQUIRE_SHARED("trained_lstm.tflite");
    const ReadModel read = read_shared("trained_lstm.tflite");
    const Subgraph& s = read.model.subgraphs[0];
    size_t variables = 0;
    for (const auto& t : s.tensors) variables += t.is_variable;
    EXPECT_EQ(variables, 2u);
    bool found = false;
    for (const auto& op : s.operators) {
        if (read.model.opcode(op).builtin_code != tflite::BuiltinOperator_UNIDIRECTIONAL_SEQUENCE_LSTM) continue;
        found = true;
        const auto* options = op.builtin_options.AsUnidirectionalSequenceLSTMOptions();
        ASSERT_NE(options, nullptr);
        EXPECT_EQ(options->fused_activation_function, tflite::ActivationFunctionType_TANH);
        EXPECT_FLOAT_EQ(options->cell_clip, 10.0f);
    }
    EXPECT_TRUE(found);
}

TEST(Reader, OldFilesResolveOperatorsFromTheDeprecatedCode) {
    REQUIRE_SHARED("micro_speech_quantized.tflite");
    const ReadModel read = read_shared("micro_speech_quantized.tflite");
    const auto histogram = op_histogram(read.model);
    EXPECT_EQ(histogram.at("DEPTHWISE_CONV_2D"), 1u);
    EXPECT_EQ(histogram.at("FULLY_CONNECTED"), 1u);
    EXPECT_EQ(histogram.count("ADD"), 0u);  // builtin_code 0 is not taken at face value
}

TEST(Reader, WeightsAreViewsIntoTheSourceBytes) {
    REQUIRE_SHARED("hello_world_float.tflite");
    const auto path = *test::shared_model("tflite/hello_world_float.tflite");
    auto first = read_tflite_file(path);
    ASSERT_TRUE(first.ok());
    // Read the same bytes from a vector we own: every buffer must point inside it.
    auto bytes = std::make_shared<std::vector<uint8_t>>();
    {
        FILE* f = std::fopen(path.c_str(), "rb");
        ASSERT_NE(f, nullptr);
        uint8_t chunk[4096];
        size_t n;
        while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) bytes->insert(bytes->end(), chunk, chunk + n);
        std::fclose(f);
    }
    auto read = read_tflite_bytes(*bytes, bytes, "memory");
    ASSERT_TRUE(read.ok()) << read.error().message;
    size_t checked = 0;
    for (const auto& buffer : read->model.buffers) {
        if (buffer.data.empty()) continue;
        EXPECT_GE(buffer.data.data(), bytes->data());
        EXPECT_LE(buffer.data.data() + buffer.data.size(), bytes->data() + bytes->size());
        ++checked;
    }
    EXPECT_GT(checked, 0u);
    EXPECT_EQ(read->model, first->model);
}

TEST(Reader, RefusesWhatIsNotATfliteModel) {
    const std::vector<uint8_t> not_tflite = {0x10, 0, 0, 0, 'A', 'B', 'C', 'D', 0, 0, 0, 0};
    auto read = read_tflite_bytes(not_tflite, nullptr, "x.bin");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().message, "x.bin: not a TFLite model (file identifier 'ABCD', expected 'TFL3')");
    auto tiny = read_tflite_bytes(std::vector<uint8_t>{1, 2, 3}, nullptr, "t.tflite");
    ASSERT_FALSE(tiny.ok());
    EXPECT_EQ(tiny.error().message, "t.tflite: too small to be a TFLite model (3 bytes)");
    auto missing = read_tflite_file("/nonexistent/model.tflite");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().message, "/nonexistent/model.tflite: No such file or directory");
}

}  // namespace
}  // namespace litelab

namespace litelab {
namespace {

// A one-operator model whose operator names Conv2DOptions but stores no options table: the
// flatbuffers verifier accepts it, so the reader must not trust the union.
std::vector<uint8_t> model_with_missing_options_table() {
    flatbuffers::FlatBufferBuilder fbb;
    const auto buffers = fbb.CreateVector(std::vector<flatbuffers::Offset<tflite::Buffer>>{tflite::CreateBuffer(fbb)});
    const auto code = tflite::CreateOperatorCode(fbb, 3, 0, 1, tflite::BuiltinOperator_CONV_2D);
    const auto codes = fbb.CreateVector(std::vector<flatbuffers::Offset<tflite::OperatorCode>>{code});
    const auto shape = fbb.CreateVector(std::vector<int32_t>{1});
    const auto t0 = tflite::CreateTensor(fbb, shape, tflite::TensorType_FLOAT32, 0, fbb.CreateString("x"));
    const auto t1 = tflite::CreateTensor(fbb, shape, tflite::TensorType_FLOAT32, 0, fbb.CreateString("y"));
    const auto tensors = fbb.CreateVector(std::vector<flatbuffers::Offset<tflite::Tensor>>{t0, t1});
    const auto in = fbb.CreateVector(std::vector<int32_t>{0});
    const auto out = fbb.CreateVector(std::vector<int32_t>{1});
    tflite::OperatorBuilder op(fbb);
    op.add_opcode_index(0);
    op.add_inputs(in);
    op.add_outputs(out);
    op.add_builtin_options_type(tflite::BuiltinOptions_Conv2DOptions);  // ... and no table
    const auto op_offset = op.Finish();
    const auto ops = fbb.CreateVector(std::vector<flatbuffers::Offset<tflite::Operator>>{op_offset});
    const auto subgraph = tflite::CreateSubGraph(fbb, tensors, in, out, ops);
    const auto subgraphs = fbb.CreateVector(std::vector<flatbuffers::Offset<tflite::SubGraph>>{subgraph});
    tflite::FinishModelBuffer(fbb, tflite::CreateModel(fbb, 3, codes, subgraphs, 0, buffers));
    return {fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize()};
}

TEST(Reader, OptionsTypeWithoutTableIsAWarningNotACrash) {
    const auto bytes = model_with_missing_options_table();
    auto read = read_tflite_bytes(bytes, nullptr, "m.tflite");
    ASSERT_TRUE(read.ok()) << read.error().message;
    ASSERT_EQ(read->warnings.size(), 1u);
    EXPECT_EQ(read->warnings[0], "Subgraph#0 Op#0 CONV_2D builtin options name Conv2DOptions but store none");
    EXPECT_EQ(read->model.subgraphs[0].operators[0].builtin_options.value, nullptr);
}

}  // namespace
}  // namespace litelab
