// Bad input: well-formed flatbuffers whose content is inconsistent, and odd layouts TFLite reads.
#include "bad_input_support.h"

namespace litelab::bad_input {
namespace {

// ---------------------------------------------------------------------------------------------
// Well-formed flatbuffers with inconsistent content

struct BrokenCase {
    const char* name;
    std::function<Bytes8()> make;
    const char* phrase;  // what the one stderr line must say
};

std::vector<BrokenCase> broken_cases() {
    using Op = tflite::BuiltinOperator;
    std::vector<BrokenCase> cases;
    auto from_model = [](std::function<void(Model&)> edit) {
        return [edit = std::move(edit)] {
            Model m = demo();
            edit(m);
            return serialized(m);
        };
    };

    cases.push_back({"OpInputOutOfRange", from_model([](Model& m) { m.subgraphs[0].operators[0].inputs[1] = 99; }),
                     "Subgraph#0 Op#0 CONV_2D input T#99 is out of range (11 tensors)"});
    cases.push_back({"OpInputNegative", from_model([](Model& m) { m.subgraphs[0].operators[3].inputs[0] = -2; }),
                     "Subgraph#0 Op#3 FULLY_CONNECTED input T#-2 is out of range"});
    cases.push_back({"OpOutputOutOfRange", from_model([](Model& m) { m.subgraphs[0].operators[4].outputs[0] = 11; }),
                     "Subgraph#0 Op#4 SOFTMAX output T#11 is out of range (11 tensors)"});
    cases.push_back({"OpIntermediateOutOfRange",
                     from_model([](Model& m) { m.subgraphs[0].operators[1].intermediates = {1000}; }),
                     "MAX_POOL_2D intermediate T#1000 is out of range"});
    cases.push_back({"SubgraphInputOutOfRange", from_model([](Model& m) { m.subgraphs[0].inputs = {42}; }),
                     "Subgraph#0 input T#42 is out of range (11 tensors)"});
    cases.push_back({"SubgraphOutputNegative", from_model([](Model& m) { m.subgraphs[0].outputs = {-1}; }),
                     "Subgraph#0 output T#-1 is out of range"});
    cases.push_back({"OpcodeIndexOutOfRange",
                     from_model([](Model& m) { m.subgraphs[0].operators[2].opcode_index = 7; }),
                     "Subgraph#0 Op#2 uses operator code 7, but the model has 5"});
    cases.push_back({"BufferIndexOutOfRange",
                     [] {
                         Bytes8 bytes = serialized(demo());
                         EXPECT_TRUE(mutable_tensor(bytes, 0, 1)->mutate_buffer(99));
                         return bytes;
                     },
                     "Subgraph#0 T#1(conv2d/kernel) refers to buffer 99, but the model has 6 buffers"});
    cases.push_back({"BufferSizeDoesNotMatchShape",
                     from_model([](Model& m) { m.subgraphs[0].tensors[1].shape = {8, 3, 3, 2}; }),
                     "shape [8, 3, 3, 2] of FLOAT32 needs 576 bytes, but buffer 1 holds 288"});
    cases.push_back({"BufferSizeDoesNotMatchType",
                     from_model([](Model& m) { m.subgraphs[0].tensors[5].type = DType::kInt64; }),
                     "shape [2] of INT64 needs 16 bytes, but buffer 3 holds 8"});
    cases.push_back({"ExternalBufferPastEndOfFile",
                     [] {
                         Bytes8 bytes = serialized(demo(), /*external_buffers=*/true);
                         auto* buffer = tflite::GetMutableModel(bytes.data())->mutable_buffers()->GetMutableObject(1);
                         EXPECT_TRUE(buffer->mutate_offset(bytes.size() + 100));
                         return bytes;
                     },
                     "buffer 1 lies outside the file"});
    cases.push_back({"ExternalBufferSizeOverflows",
                     [] {
                         Bytes8 bytes = serialized(demo(), /*external_buffers=*/true);
                         auto* buffer = tflite::GetMutableModel(bytes.data())->mutable_buffers()->GetMutableObject(2);
                         EXPECT_TRUE(buffer->mutate_size(std::numeric_limits<uint64_t>::max() - 8));
                         return bytes;
                     },
                     "buffer 2 lies outside the file"});
    cases.push_back({"AbsurdShape",
                     from_model([](Model& m) {
                         m.subgraphs[0].tensors[0].shape = {2147483647, 2147483647, 2147483647};
                     }),
                     "has an invalid shape [2147483647, 2147483647, 2147483647] (too many elements)"});
    cases.push_back({"ShapeLargerThanAnyTensor",
                     from_model([](Model& m) { m.subgraphs[0].tensors[3].shape = {1 << 20, 1 << 20, 1 << 10}; }),
                     "more than any real tensor"});
    cases.push_back({"NegativeDimension",
                     from_model([](Model& m) { m.subgraphs[0].tensors[3].shape = {1, -48, 11, 8}; }),
                     "Subgraph#0 T#3(conv2d/Relu) has an invalid shape [1, -48, 11, 8] (negative dimension)"});
    cases.push_back({"UnknownTensorType",
                     [] {
                         Bytes8 bytes = serialized(demo());
                         EXPECT_TRUE(mutable_tensor(bytes, 0, 5)->mutate_type(static_cast<tflite::TensorType>(100)));
                         return bytes;
                     },
                     "Subgraph#0 T#5(flatten/Const) has unknown type 100"});
    cases.push_back({"WhileCallsMissingSubgraph",
                     [] {
                         tflite::BuiltinOptionsUnion options;
                         options.Set(tflite::WhileOptionsT{});
                         options.AsWhileOptions()->cond_subgraph_index = 1;
                         options.AsWhileOptions()->body_subgraph_index = 5;
                         return serialized(control_flow_model(Op::BuiltinOperator_WHILE, std::move(options)));
                     },
                     "Subgraph#0 Op#0 WHILE calls subgraph 5, but the model has 2"});
    cases.push_back({"IfCallsNegativeSubgraph",
                     [] {
                         tflite::BuiltinOptionsUnion options;
                         options.Set(tflite::IfOptionsT{});
                         options.AsIfOptions()->then_subgraph_index = 1;
                         options.AsIfOptions()->else_subgraph_index = -1;
                         return serialized(control_flow_model(Op::BuiltinOperator_IF, std::move(options)));
                     },
                     "Subgraph#0 Op#0 IF calls subgraph -1, but the model has 2"});
    cases.push_back({"CallOnceCallsMissingSubgraph",
                     [] {
                         tflite::BuiltinOptionsUnion options;
                         options.Set(tflite::CallOnceOptionsT{});
                         options.AsCallOnceOptions()->init_subgraph_index = 2;
                         return serialized(control_flow_model(Op::BuiltinOperator_CALL_ONCE, std::move(options)));
                     },
                     "Subgraph#0 Op#0 CALL_ONCE calls subgraph 2, but the model has 2"});
    cases.push_back({"SignatureTensorOutOfRange",
                     from_model([](Model& m) { m.signature_defs[0].inputs[0].tensor_index = 99; }),
                     "signature 'serving_default' maps 'mfcc' to T#99, but the subgraph has 11 tensors"});
    cases.push_back({"SignatureOutputTensorOutOfRange",
                     from_model([](Model& m) { m.signature_defs[0].outputs[0].tensor_index = 11; }),
                     "signature 'serving_default' maps 'output_0' to T#11, but the subgraph has 11 tensors"});
    cases.push_back({"SignatureSubgraphOutOfRange",
                     from_model([](Model& m) { m.signature_defs[0].subgraph_index = 3; }),
                     "signature 'serving_default' refers to subgraph 3, but the model has 1"});
    cases.push_back({"MetadataBufferOutOfRange",
                     from_model([](Model& m) { m.metadata.push_back({"min_runtime_version", 99}); }),
                     "metadata 'min_runtime_version' refers to buffer 99, but the model has 6"});
    cases.push_back({"MetadataBufferListOutOfRange", from_model([](Model& m) { m.metadata_buffer = {2, 6}; }),
                     "metadata_buffer refers to buffer 6, but the model has 6"});
    cases.push_back({"MetadataBufferListNegative", from_model([](Model& m) { m.metadata_buffer = {-1}; }),
                     "metadata_buffer refers to buffer -1"});
    // Flatbuffers may point many offsets at one table: 600 subgraphs x 600 tensors in a few KB
    // would become 360,000 Tensors in memory (7000 x 7000 in 56 KB exhausts any machine).
    cases.push_back({"SharedTablesAmplification",
                     [] {
                         namespace fb = flatbuffers;
                         fb::FlatBufferBuilder fbb;
                         const auto buffers =
                             fbb.CreateVector(std::vector<fb::Offset<tflite::Buffer>>{tflite::CreateBuffer(fbb)});
                         const auto tensor = tflite::CreateTensor(fbb, fbb.CreateVector(std::vector<int32_t>{1}),
                                                                  tflite::TensorType_FLOAT32, 0, fbb.CreateString("t"));
                         const auto tensors = fbb.CreateVector(std::vector<fb::Offset<tflite::Tensor>>(600, tensor));
                         const auto subgraph = tflite::CreateSubGraph(fbb, tensors);
                         const auto subgraphs =
                             fbb.CreateVector(std::vector<fb::Offset<tflite::SubGraph>>(600, subgraph));
                         tflite::FinishModelBuffer(fbb, tflite::CreateModel(fbb, 3, 0, subgraphs, 0, buffers));
                         return Bytes8(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
                     },
                     ""});
    cases.push_back({"LargeCustomOptionsPastEndOfFile",
                     [] {
                         RawSpec spec;
                         spec.op = tflite::BuiltinOperator_CUSTOM;
                         spec.large_custom_options_offset = 1 << 20;
                         spec.large_custom_options_size = 16;
                         return raw_model(spec);
                     },
                     "Subgraph#0 Op#0 CUSTOM custom options lies outside the file"});
    // Names come from the file: control characters in them must not break the one-line rule.
    cases.push_back({"ControlCharactersInTensorName",
                     [] {
                         RawSpec spec;
                         spec.tensor_name = "evil\nname\r";
                         spec.shape = {1, -2};
                         return raw_model(spec);
                     },
                     "(negative dimension)"});
    return cases;
}

class BadInputBrokenModel : public ::testing::Test {
public:
    explicit BadInputBrokenModel(BrokenCase c) : case_(std::move(c)) {}
    void TestBody() override;

private:
    BrokenCase case_;
};

void BadInputBrokenModel::TestBody() {
    const std::string dir = test::scratch_dir(std::string("bad_input/broken_") + case_.name);
    const Bytes8 bytes = case_.make();
    ASSERT_FALSE(bytes.empty());
    // The damage is semantic: the flatbuffer itself must still verify.
    flatbuffers::Verifier verifier(bytes.data(), bytes.size());
    ASSERT_TRUE(tflite::VerifyModelBuffer(verifier)) << "the case is meant to be a well-formed flatbuffer";
    const std::string file = (fs::path(dir) / (std::string(case_.name) + ".tflite")).string();
    write_bytes(file, bytes);
    const Refusal r = check_refused(file, case_.phrase, dir);
    EXPECT_TRUE(r.problem.empty()) << r.problem;
}

const bool kBrokenTestsRegistered = [] {
    for (auto& c : broken_cases())
        ::testing::RegisterTest("BadInputBrokenModel", c.name, nullptr, nullptr, __FILE__, __LINE__,
                                [c]() -> ::testing::Test* { return new BadInputBrokenModel(c); });
    return true;
}();

// Odd layouts TFLite's runtime reads (it treats a missing options table as default options):
// LiteLab may accept them or refuse them with one line, but must not crash in any command.
struct OddCase {
    const char* name;
    RawSpec spec;
};

class BadInputOddLayout : public ::testing::Test {
public:
    explicit BadInputOddLayout(OddCase c) : case_(std::move(c)) {}
    void TestBody() override;

private:
    OddCase case_;
};

void BadInputOddLayout::TestBody() {
    const std::string dir = test::scratch_dir(std::string("bad_input/odd_") + case_.name);
    const std::string file = (fs::path(dir) / "odd.tflite").string();
    write_bytes(file, raw_model(case_.spec));
    for (const char* format : {"--quant", "--json", "--summary"}) {
        const auto inspect = test::run_process({test::cli_path(), "inspect", file, format}, kProcessTimeout);
        if (inspect.exit_code == 1) {
            EXPECT_EQ(error_line_problem(inspect, file, ""), "") << format;
            continue;
        }
        if (inspect.exit_code != 0) {
            ADD_FAILURE() << "inspect " << format << ": " << exit_text(inspect.exit_code)
                          << "; stderr: " << visible(inspect.err);
            continue;
        }
        EXPECT_FALSE(inspect.out.empty()) << format;
    }
    const std::string out = (fs::path(dir) / "out.tflite").string();
    const auto convert = test::run_process({test::cli_path(), "convert", file, "-o", out}, kProcessTimeout);
    if (convert.exit_code == 1) {
        EXPECT_EQ(error_line_problem(convert, file, ""), "");
        EXPECT_FALSE(fs::exists(out));
        return;
    }
    ASSERT_EQ(convert.exit_code, 0) << "convert: " << exit_text(convert.exit_code) << "; " << visible(convert.err);
    const auto again = test::run_process({test::cli_path(), "inspect", out}, kProcessTimeout);
    EXPECT_EQ(again.exit_code, 0) << "the converted file: " << exit_text(again.exit_code) << "; " << visible(again.err);
    // What LiteLab writes it reads back without new complaints and rewrites unchanged.
    EXPECT_EQ(again.err.find("warning"), std::string::npos) << "the converted file: " << visible(again.err);
    const std::string out_2 = (fs::path(dir) / "out_2.tflite").string();
    const auto convert_2 = test::run_process({test::cli_path(), "convert", out, "-o", out_2}, kProcessTimeout);
    ASSERT_EQ(convert_2.exit_code, 0) << visible(convert_2.err);
    EXPECT_TRUE(read_bytes(out) == read_bytes(out_2)) << "converting the converted file changes it";
}

std::vector<OddCase> odd_cases() {
    std::vector<OddCase> cases;
    auto add = [&](const char* name, auto edit) {
        OddCase c{name, {}};
        edit(c.spec);
        cases.push_back(std::move(c));
    };
    add("OptionsTypeWithoutTable", [](RawSpec& s) { s.options_type = tflite::BuiltinOptions_SoftmaxOptions; });
    add("WhileOptionsTypeWithoutTable", [](RawSpec& s) {
        s.op = tflite::BuiltinOperator_WHILE;
        s.options_type = tflite::BuiltinOptions_WhileOptions;
    });
    add("Options2TypeWithoutTable",
        [](RawSpec& s) { s.options_2_type = tflite::BuiltinOptions2_StablehloConcatenateOptions; });
    add("UnknownOptionsType", [](RawSpec& s) { s.options_type = static_cast<tflite::BuiltinOptions>(250); });
    add("QuantizationDetailsTypeWithoutTable",
        [](RawSpec& s) { s.details_type = tflite::QuantizationDetails_CustomQuantization; });
    add("UnknownQuantizationDetailsType", [](RawSpec& s) {
        s.details_type = static_cast<tflite::QuantizationDetails>(7);
        s.details_table = true;
    });
    add("SparseIndexTypeWithoutTable", [](RawSpec& s) { s.sparse_segments_without_table = true; });
    // Names are bytes from the file: the JSON report must still be produced (or refused).
    add("InvalidUtf8TensorName", [](RawSpec& s) { s.tensor_name = "caf\xe9 \xff\xfe"; });
    add("NewlineInTensorName", [](RawSpec& s) { s.tensor_name = "two\nlines"; });
    return cases;
}

const bool kOddTestsRegistered = [] {
    for (auto& c : odd_cases())
        ::testing::RegisterTest("BadInputOddLayout", c.name, nullptr, nullptr, __FILE__, __LINE__,
                                [c]() -> ::testing::Test* { return new BadInputOddLayout(c); });
    return true;
}();

}  // namespace
}  // namespace litelab::bad_input
