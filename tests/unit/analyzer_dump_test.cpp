// The Analyzer dump is checked against text printed by TensorFlow's own Analyzer: the excerpt
// in ../shared/models/golden/analyzer_example.txt (a wake-word CNN with 16x8 quantization) and a
// published TF 2.20 dump of a small Conv1D model (tests/data/analyzer/imu_f32_dump.txt). The
// models are rebuilt here with the same structure and data; the expected text is never ours.
// A mismatch writes <name>.actual under the test's scratch directory.
#include "tflite/analyzer_dump.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "support/test_paths.h"

namespace litelab {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Lines from the one starting with `first` up to (not including) the next empty line after
// `section`; the Analyzer separates its sections with empty lines.
std::vector<std::string> section(const std::vector<std::string>& lines, const std::string& first,
                                 const std::string& section_header) {
    std::vector<std::string> out;
    bool in = false;
    bool past_header = false;
    for (const auto& line : lines) {
        if (!in && line.rfind(first, 0) == 0) in = true;
        if (!in) continue;
        if (line == section_header) past_header = true;
        if (past_header && line.empty()) break;
        out.push_back(line);
    }
    return out;
}

class ModelSketch {
public:
    ModelSketch() { model.buffers.resize(1); model.subgraphs.resize(1); model.subgraphs[0].name = "main"; }

    void tensor(const std::string& name, DType type, std::vector<int32_t> dims, bool dynamic,
                std::vector<uint8_t> data = {}, uint32_t buffer = 0) {
        Tensor t;
        t.name = name;
        t.type = type;
        t.shape = dims;
        if (dynamic) {
            t.shape_signature = dims;
            t.shape[0] = 1;
        }
        if (!data.empty()) {
            if (model.buffers.size() <= buffer) model.buffers.resize(buffer + 1);
            model.buffers[buffer].data = Bytes::take(std::move(data));
            t.buffer = buffer;
        }
        model.subgraphs[0].tensors.push_back(std::move(t));
    }
    void op(tflite::BuiltinOperator code, std::vector<int32_t> inputs, std::vector<int32_t> outputs) {
        uint32_t index = 0;
        while (index < model.operator_codes.size() && model.operator_codes[index].builtin_code != code) ++index;
        if (index == model.operator_codes.size()) model.operator_codes.push_back({code, 0, "", 1});
        Operator o;
        o.opcode_index = index;
        o.inputs = std::move(inputs);
        o.outputs = std::move(outputs);
        model.subgraphs[0].operators.push_back(std::move(o));
    }

    Model model;
};

std::vector<uint8_t> bytes_with_prefix(size_t size, std::vector<uint8_t> prefix, uint8_t fill = 0xF0) {
    std::vector<uint8_t> data(size, fill);
    std::copy(prefix.begin(), prefix.end(), data.begin());
    return data;
}

template <class T>
std::vector<uint8_t> bytes_of(std::vector<T> values) {
    std::vector<uint8_t> data(values.size() * sizeof(T));
    std::memcpy(data.data(), values.data(), data.size());
    return data;
}

TEST(AnalyzerDump, ReproducesTensorFlowsExcerptLineForLine) {
    const auto golden_path = test::shared_model("golden/analyzer_example.txt");
    if (!golden_path) GTEST_SKIP() << "../shared/models/golden is absent";
    using D = DType;
    ModelSketch m;
    const uint8_t nonprint = 0x01;
    m.tensor("serving_default_input_layer:0_int16", D::kInt16, {-1, 50, 13, 1}, true);
    m.tensor("arith.constant", D::kInt64, {64}, false, std::vector<uint8_t>(512, 7), 2);
    m.tensor("arith.constant1", D::kInt8, {64, 3, 3, 32}, false, bytes_with_prefix(18432, {'8', nonprint}), 3);
    m.tensor("arith.constant2", D::kInt8, {2, 704}, false, bytes_with_prefix(1408, {}), 4);
    m.tensor("arith.constant3", D::kInt64, {2}, false, std::vector<uint8_t>(16, 9), 5);
    m.tensor("arith.constant4", D::kInt32, {2}, false, bytes_of<int32_t>({-1, 704}), 6);
    m.tensor("sequential_1/conv2d_1/convolution", D::kInt8, {32, 3, 3, 1}, false,
             bytes_with_prefix(288, {0x80, 0xFF, 0x00, 0x7F, 'z'}), 7);
    m.tensor("sequential_1/conv2d_1/Relu;sequential_1/conv2d_1/BiasAdd;sequential_1/conv2d_1/convolution;",
             D::kInt64, {32}, false, std::vector<uint8_t>(256, 3), 8);
    m.tensor("sequential_1/conv2d_1/Relu;sequential_1/conv2d_1/BiasAdd;sequential_1/conv2d_1/convolution;1",
             D::kInt16, {-1, 48, 11, 32}, true);
    m.tensor("sequential_1/max_pooling2d_1/MaxPool2d", D::kInt16, {-1, 24, 5, 32}, true);
    m.tensor("sequential_1/conv2d_1_2/Relu;sequential_1/conv2d_1_2/BiasAdd;sequential_1/conv2d_1_2/convolution;"
             "sequential_1/conv2d_1_2/Squeeze",
             D::kInt16, {-1, 22, 3, 64}, true);
    m.tensor("sequential_1/max_pooling2d_1_2/MaxPool2d", D::kInt16, {-1, 11, 1, 64}, true);
    m.tensor("sequential_1/flatten_1/Reshape", D::kInt16, {-1, 704}, true);
    m.tensor("sequential_1/dense_1/MatMul;sequential_1/dense_1/BiasAdd", D::kInt16, {-1, 2}, true);
    m.tensor("StatefulPartitionedCall_1:0_int16", D::kInt16, {-1, 2}, true);
    m.tensor("serving_default_input_layer:0", D::kFloat32, {-1, 50, 13, 1}, true);
    m.tensor("StatefulPartitionedCall_1:0", D::kFloat32, {-1, 2}, true);
    m.op(tflite::BuiltinOperator_QUANTIZE, {15}, {0});
    m.op(tflite::BuiltinOperator_CONV_2D, {0, 6, 7}, {8});
    m.op(tflite::BuiltinOperator_MAX_POOL_2D, {8}, {9});
    m.op(tflite::BuiltinOperator_CONV_2D, {9, 2, 1}, {10});
    m.op(tflite::BuiltinOperator_MAX_POOL_2D, {10}, {11});
    m.op(tflite::BuiltinOperator_RESHAPE, {11, 5}, {12});
    m.op(tflite::BuiltinOperator_FULLY_CONNECTED, {12, 3, 4}, {13});
    m.op(tflite::BuiltinOperator_SOFTMAX, {13}, {14});
    m.op(tflite::BuiltinOperator_DEQUANTIZE, {14}, {16});
    m.model.subgraphs[0].inputs = {15};
    m.model.subgraphs[0].outputs = {16};

    const auto expected = section(lines_of(read_text(*golden_path)), "Subgraph#0", "Tensors of Subgraph#0");
    ASSERT_EQ(expected.size(), 29u) << "the golden excerpt changed shape";
    const auto actual = section(lines_of(analyzer_dump(m.model, {"wakeword.tflite", 40000, false})), "Subgraph#0",
                                "Tensors of Subgraph#0");
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(actual[i], expected[i]) << "line " << i;
}

// Floats whose first five values are the published ones; the rest are arbitrary.
std::vector<uint8_t> floats(size_t count, std::vector<float> head) {
    head.resize(count, 0.25f);
    return bytes_of(head);
}

TEST(AnalyzerDump, EqualsAPublishedTensorFlowDumpByteForByte) {
    using D = DType;
    ModelSketch m;
    m.tensor("serving_default_imu:0", D::kFloat32, {-1, 64, 3}, true);
    m.tensor("arith.constant", D::kFloat32, {16}, false,
             floats(16, {-0.0309749f, 0.194996f, 0.219947f, 0.182453f, 0.159688f}), 2);
    m.tensor("arith.constant1", D::kFloat32, {8}, false,
             floats(8, {-0.162487f, 0.178688f, 0.452862f, -0.0388063f, 0.161691f}), 3);
    m.tensor("arith.constant2", D::kFloat32, {3}, false, floats(3, {0.199025f, -0.156413f, -0.059518f}), 4);
    m.tensor("arith.constant3", D::kInt32, {3}, false, bytes_of<int32_t>({-1, 28, 16}), 5);
    m.tensor("arith.constant4", D::kInt32, {3}, false, bytes_of<int32_t>({-1, 30, 8}), 6);
    m.tensor("arith.constant5", D::kInt32, {3}, false, bytes_of<int32_t>({-1, 60, 8}), 7);
    m.tensor("arith.constant6", D::kFloat32, {16, 1, 3, 8}, false,
             floats(384, {-0.122103f, -0.278758f, 0.118233f, -0.292175f, -0.308886f}), 8);
    m.tensor("arith.constant7", D::kFloat32, {8, 1, 5, 3}, false,
             floats(120, {-0.539693f, 0.0129603f, 0.0160085f, -0.639624f, -0.0505464f}), 9);
    m.tensor("arith.constant8", D::kFloat32, {3, 16}, false,
             floats(48, {0.15628f, 0.201661f, 0.344208f, 0.132418f, 0.209709f}), 10);
    m.tensor("arith.constant9", D::kInt32, {}, false, bytes_of<int32_t>({1}), 11);
    m.tensor("arith.constant10", D::kInt32, {}, false, bytes_of<int32_t>({-3}), 12);
    const std::string conv1 = "sequential_1/conv1_1/";
    const std::string conv2 = "sequential_1/conv2_1/";
    m.tensor(conv1 + "convolution/ExpandDims", D::kFloat32, {-1, 1, 64, 3}, true);
    m.tensor(conv1 + "Relu;" + conv1 + "BiasAdd;" + conv1 + "convolution/Squeeze;;" + conv1 + "convolution",
             D::kFloat32, {-1, 1, 60, 8}, true);
    m.tensor(conv1 + "Relu;" + conv1 + "BiasAdd;" + conv1 + "convolution/Squeeze;", D::kFloat32, {-1, 60, 8}, true);
    m.tensor("sequential_1/pool1_1/MaxPool1d/ExpandDims", D::kFloat32, {-1, 1, 60, 8}, true);
    m.tensor("sequential_1/pool1_1/MaxPool1d", D::kFloat32, {-1, 1, 30, 8}, true);
    m.tensor("sequential_1/pool1_1/MaxPool1d/Squeeze", D::kFloat32, {-1, 30, 8}, true);
    m.tensor(conv2 + "convolution/ExpandDims", D::kFloat32, {-1, 1, 30, 8}, true);
    m.tensor(conv2 + "Relu;" + conv2 + "BiasAdd;" + conv2 + "convolution/Squeeze;;" + conv2 + "convolution",
             D::kFloat32, {-1, 1, 28, 16}, true);
    m.tensor(conv2 + "Relu;" + conv2 + "BiasAdd;" + conv2 + "convolution/Squeeze;", D::kFloat32, {-1, 28, 16}, true);
    m.tensor("sequential_1/gap_1/Mean", D::kFloat32, {-1, 16}, true);
    m.tensor("StatefulPartitionedCall_1:0", D::kFloat32, {-1, 3}, true);
    m.op(tflite::BuiltinOperator_EXPAND_DIMS, {0, 11}, {12});
    m.op(tflite::BuiltinOperator_CONV_2D, {12, 8, 2}, {13});
    m.op(tflite::BuiltinOperator_RESHAPE, {13, 6}, {14});
    m.op(tflite::BuiltinOperator_EXPAND_DIMS, {14, 10}, {15});
    m.op(tflite::BuiltinOperator_MAX_POOL_2D, {15}, {16});
    m.op(tflite::BuiltinOperator_RESHAPE, {16, 5}, {17});
    m.op(tflite::BuiltinOperator_EXPAND_DIMS, {17, 11}, {18});
    m.op(tflite::BuiltinOperator_CONV_2D, {18, 7, 1}, {19});
    m.op(tflite::BuiltinOperator_RESHAPE, {19, 4}, {20});
    m.op(tflite::BuiltinOperator_MEAN, {20, 10}, {21});
    m.op(tflite::BuiltinOperator_FULLY_CONNECTED, {21, 9, 3}, {22});
    m.model.subgraphs[0].inputs = {0};
    m.model.subgraphs[0].outputs = {22};
    m.model.signature_defs.push_back({{{"imu", 0}}, {{"output_0", 22}}, "serving_default", 0});
    // Two metadata buffers (16 and 96 bytes) make the published 2472 bytes of buffer data.
    m.model.buffers.push_back(Buffer{Bytes::take(std::vector<uint8_t>(16, '1')), 0});
    m.model.buffers.push_back(Buffer{Bytes::take(std::vector<uint8_t>(96, '2')), 0});
    m.model.metadata = {{"min_runtime_version", 13}, {"CONVERSION_METADATA", 14}};

    const std::string expected = read_text(test::test_data("analyzer/imu_f32_dump.txt"));
    ASSERT_FALSE(expected.empty());
    const std::string actual = analyzer_dump(m.model, {"imu_f32.tflite", 6360, false});
    EXPECT_EQ(actual, expected);
    if (actual != expected) {
        std::ofstream(test::scratch_dir("analyzer_actual") + "/imu_f32_dump.txt.actual") << actual;
        const auto a = lines_of(actual), e = lines_of(expected);
        for (size_t i = 0; i < std::min(a.size(), e.size()); ++i)
            if (a[i] != e[i]) {
                ADD_FAILURE() << "first difference at line " << i + 1 << "\n  expected: " << e[i] << "\n  actual:   " << a[i];
                break;
            }
    }
}

TEST(AnalyzerDump, StartsLikeThePythonFrontEndAndFiltersUnprintableBytes) {
    ModelSketch m;
    m.tensor("caf\xc3\xa9", DType::kFloat32, {1}, false);
    m.tensor("out", DType::kFloat32, {1}, false);
    m.op(tflite::BuiltinOperator_RELU, {0}, {1});
    m.model.subgraphs[0].inputs = {0};
    m.model.subgraphs[0].outputs = {1};
    const auto lines = lines_of(analyzer_dump(m.model, {"m.tflite", 100, false}));
    ASSERT_GE(lines.size(), 8u);
    EXPECT_EQ(lines[0], "=== m.tflite ===");
    EXPECT_EQ(lines[1], "");
    EXPECT_EQ(lines[2], "Your TFLite model has '1' subgraph(s). In the subgraph description below,");
    EXPECT_EQ(lines[3], "T# represents the Tensor numbers. For example, in Subgraph#0, the RELU op takes");
    EXPECT_EQ(lines[4], "tensor #0 as input and produces tensor #1 as output.");
    EXPECT_NE(std::find(lines.begin(), lines.end(), "  T#0(caf..) shape:[1], type:FLOAT32"), lines.end());
}

TEST(AnalyzerDump, SuggestsUnfoldingWhenZeroBuffersDominate) {
    ModelSketch m;
    m.tensor("zeros", DType::kFloat32, {100}, false, std::vector<uint8_t>(400, 0), 1);
    const std::string dump = analyzer_dump(m.model, {"z.tflite", 1000, false});
    EXPECT_NE(dump.find("    (Zero value buffers):        400 bytes (40.00 %)\n"), std::string::npos) << dump;
    EXPECT_NE(dump.find("  (Consider use `converter._experimental_unfold_large_splat_constant` to save the model "
                        "size.)\n"),
              std::string::npos);
}

TEST(AnalyzerDump, QuantizationIsShownOnRequest) {
    ModelSketch m;
    m.tensor("x", DType::kInt8, {1, 4}, false);
    Quantization q;
    q.scale = {0.5f};
    q.zero_point = {-3};
    m.model.subgraphs[0].tensors[0].quantization = q;
    m.tensor("w", DType::kInt8, {2, 1}, false);
    Quantization per_axis;
    per_axis.scale = {0.25f, 0.125f};
    per_axis.zero_point = {0, 0};
    m.model.subgraphs[0].tensors[1].quantization = per_axis;
    const auto plain = analyzer_dump(m.model, {"q.tflite", 10, false});
    EXPECT_EQ(plain.find("quantization"), std::string::npos);
    const auto lines = lines_of(analyzer_dump(m.model, {"q.tflite", 10, true}));
    EXPECT_NE(std::find(lines.begin(), lines.end(),
                        "  T#0(x) shape:[1, 4], type:INT8, quantization:{scale:[0.5], zero_point:[-3]}"),
              lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(),
                        "  T#1(w) shape:[2, 1], type:INT8, quantization:{axis:0, scale:[0.25, 0.125], zero_point:[0, 0]}"),
              lines.end());
}

}  // namespace
}  // namespace litelab
