// `litelab convert` on Keras and ONNX files, as a user runs it: the written .tflite, its batch
// and layout options, and the one-line errors. The numbers a converted model computes are
// checked against ONNX's own expected outputs here, and against keras_ref / keras_tfjs and the
// peer runtimes in keras_reference_test and onnx_litert_test.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "import/import_model.h"
#include "npy/npz.h"
#include "onnx_suite.h"
#include "run/run_model.h"
#include "support/process.h"
#include "support/test_paths.h"
#include "tflite/reader.h"

namespace litelab {
namespace {

test::ProcessResult litelab(std::vector<std::string> args) {
    args.insert(args.begin(), test::cli_path());
    return test::run_process(args, 120);
}

size_t line_count(const std::string& text) {
    return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

Model read_written(const std::string& path) {
    auto read = read_tflite_file(path);
    EXPECT_TRUE(read.ok()) << read.error().message;
    return read.ok() ? std::move(read->model) : Model{};
}

const Tensor& input_tensor(const Model& model, size_t k) {
    const Subgraph& main = model.subgraphs.at(0);
    return main.tensors.at(static_cast<size_t>(main.inputs.at(k)));
}

std::optional<test::SuiteCase> onnx_case(const std::string& folder, const std::string& name) {
    for (const test::SuiteCase& c : test::suite_cases(folder))
        if (c.name == name) return c;
    return std::nullopt;
}

// [N, C, H, W] -> [N, H, W, C].
NdArray to_channels_last(const NdArray& nchw) {
    const auto& s = nchw.shape;
    const int64_t n = s[0], c = s[1], h = s[2], w = s[3];
    std::vector<float> out(static_cast<size_t>(n * h * w * c));
    const auto in = nchw.values<float>();
    for (int64_t b = 0; b < n; ++b)
        for (int64_t y = 0; y < h; ++y)
            for (int64_t x = 0; x < w; ++x)
                for (int64_t ch = 0; ch < c; ++ch)
                    out[static_cast<size_t>(((b * h + y) * w + x) * c + ch)] =
                        in[static_cast<size_t>(((b * c + ch) * h + y) * w + x)];
    return NdArray::from<float>({n, h, w, c}, out);
}

// [N, H, W, C] -> [N, C, H, W].
NdArray to_channels_first(const NdArray& nhwc) {
    const auto& s = nhwc.shape;
    const int64_t n = s[0], h = s[1], w = s[2], c = s[3];
    std::vector<float> out(static_cast<size_t>(n * h * w * c));
    const auto in = nhwc.values<float>();
    for (int64_t b = 0; b < n; ++b)
        for (int64_t y = 0; y < h; ++y)
            for (int64_t x = 0; x < w; ++x)
                for (int64_t ch = 0; ch < c; ++ch)
                    out[static_cast<size_t>(((b * c + ch) * h + y) * w + x)] =
                        in[static_cast<size_t>(((b * h + y) * w + x) * c + ch)];
    return NdArray::from<float>({n, c, h, w}, out);
}

TEST(ConvertCli, KerasH5WithAStaticBatch) {
    const auto h5 = test::shared_model("keras/teachable_machine_digits.h5");
    if (!h5) GTEST_SKIP() << "../shared/models is absent";
    const std::string dir = test::scratch_dir("convert_cli_keras");
    const std::string out = dir + "/tm.tflite";
    const auto run = litelab({"convert", *h5, "-o", out, "--batch", "4"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const Model model = read_written(out);
    ASSERT_EQ(model.subgraphs.size(), 1u);
    const Tensor& input = input_tensor(model, 0);
    EXPECT_EQ(input.shape, (std::vector<int32_t>{4, 224, 224, 3}));
    ASSERT_TRUE(input.shape_signature.has_value());
    EXPECT_EQ(*input.shape_signature, (std::vector<int32_t>{-1, 224, 224, 3}));
    ASSERT_EQ(model.signature_defs.size(), 1u);
    EXPECT_EQ(model.signature_defs[0].signature_key, "serving_default");

    // The engine API gives the model the CLI wrote.
    ImportOptions options;
    options.batch = 4;
    auto imported = import_model_file(*h5, options);
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    EXPECT_EQ(imported->model, model);
}

TEST(ConvertCli, InspectAndRunTakeAKerasFileDirectly) {
    const auto h5 = test::shared_model("keras/teachable_machine_digits.h5");
    if (!h5) GTEST_SKIP() << "../shared/models is absent";
    const std::string dir = test::scratch_dir("convert_cli_keras_run");
    const auto dump = litelab({"inspect", *h5});
    ASSERT_EQ(dump.exit_code, 0) << dump.err;
    EXPECT_NE(dump.out.find("Subgraph#0 main("), std::string::npos) << dump.out.substr(0, 400);
    EXPECT_NE(dump.out.find(" CONV_2D("), std::string::npos);

    // Running the .h5 is running its conversion: the same outputs as the written .tflite.
    ASSERT_EQ(litelab({"convert", *h5, "-o", dir + "/tm.tflite"}).exit_code, 0);
    const auto direct = litelab({"run", *h5, "--random", "7", "--batch", "2", "-o", dir + "/direct.npz"});
    ASSERT_EQ(direct.exit_code, 0) << direct.err;
    const auto written =
        litelab({"run", dir + "/tm.tflite", "--random", "7", "--batch", "2", "-o", dir + "/written.npz"});
    ASSERT_EQ(written.exit_code, 0) << written.err;
    auto a = read_npz_file(dir + "/direct.npz");
    auto b = read_npz_file(dir + "/written.npz");
    ASSERT_TRUE(a.ok() && b.ok());
    const NdArray* out_a = find(*a, "out_0");
    const NdArray* out_b = find(*b, "out_0");
    ASSERT_TRUE(out_a && out_b);
    EXPECT_EQ(out_a->shape, (std::vector<int64_t>{2, 10}));
    EXPECT_EQ(out_a->data, out_b->data);
}

// ONNX's own pytorch-converted Conv2d case through the CLI, in both I/O layouts, against the
// suite's expected output (atol 1e-7, rtol 1e-3, as ONNX's runner).
TEST(ConvertCli, OnnxInBothLayoutsMatchesTheSuite) {
    if (!test::onnx_suite_dir()) GTEST_SKIP() << "libonnx-testdata is not installed";
    const auto c = onnx_case("pytorch-converted", "test_Conv2d");
    ASSERT_TRUE(c) << "pytorch-converted/test_Conv2d is missing from libonnx-testdata";
    auto suite = test::convert_suite_case(*c);
    ASSERT_TRUE(suite.ok()) << suite.error().message;
    ASSERT_FALSE(suite->data_sets.empty());
    const test::DataSet& data = suite->data_sets[0];
    ASSERT_EQ(data.inputs.size(), 1u);
    ASSERT_EQ(data.inputs[0].shape.size(), 4u);

    const std::string dir = test::scratch_dir("convert_cli_onnx");
    const std::string model_path = c->dir + "/model.onnx";
    for (const std::string layout : {"source", "nhwc"}) {
        SCOPED_TRACE(layout);
        const std::string out = dir + "/conv2d_" + layout + ".tflite";
        const auto run = litelab({"convert", model_path, "-o", out, "--io-layout", layout});
        ASSERT_EQ(run.exit_code, 0) << run.err;
        const Model model = read_written(out);
        const bool nhwc = layout == "nhwc";
        const NdArray input = nhwc ? to_channels_last(data.inputs[0]) : data.inputs[0];
        const Tensor& tensor = input_tensor(model, 0);
        EXPECT_EQ(std::vector<int64_t>(tensor.shape.begin(), tensor.shape.end()), input.shape);
        // The layout a person would write: at most one TRANSPOSE per edge in the source layout,
        // none in NHWC.
        int transposes = 0;
        for (const Operator& op : model.subgraphs[0].operators)
            transposes += model.opcode(op).builtin_code == tflite::BuiltinOperator_TRANSPOSE;
        EXPECT_EQ(transposes, nhwc ? 0 : 2);

        auto result = run_model(model, {input}, RunOptions{});
        ASSERT_TRUE(result.ok()) << result.error().message;
        ASSERT_EQ(result->outputs.size(), 1u);
        const NdArray output = nhwc ? to_channels_first(result->outputs[0]) : result->outputs[0];
        const auto problem = test::compare_outputs(output, data.expected.at(0), 1e-7, 1e-3);
        EXPECT_FALSE(problem) << *problem;
    }
}

void expect_refused(const test::ProcessResult& run, const std::string& path, const std::string& out, int code = 1) {
    EXPECT_EQ(run.exit_code, code) << run.err;
    EXPECT_EQ(line_count(run.err), 1u) << run.err;
    EXPECT_EQ(run.err.rfind("litelab: " + path + ": ", 0), 0u) << run.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(ConvertCli, BadFilesGiveOneLineAndNoOutput) {
    const std::string dir = test::scratch_dir("convert_cli_bad");
    const std::string out = dir + "/out.tflite";

    const std::string corrupt_h5 = dir + "/corrupt.h5";
    std::ofstream(corrupt_h5, std::ios::binary) << std::string("\x89HDF\r\n\x1a\n", 8) << std::string(600, '\x5a');
    expect_refused(litelab({"convert", corrupt_h5, "-o", out}), corrupt_h5, out);

    const std::string corrupt_keras = dir + "/corrupt.keras";
    std::ofstream(corrupt_keras, std::ios::binary) << "PK\x03\x04" << std::string(100, '\x01');
    expect_refused(litelab({"convert", corrupt_keras, "-o", out}), corrupt_keras, out);

    const std::string corrupt_onnx = dir + "/corrupt.onnx";
    std::ofstream(corrupt_onnx, std::ios::binary) << std::string(64, '\xff');
    expect_refused(litelab({"convert", corrupt_onnx, "-o", out}), corrupt_onnx, out);

    const std::string missing = dir + "/missing.onnx";
    expect_refused(litelab({"convert", missing, "-o", out}), missing, out);

    const std::string fifo = dir + "/pipe.onnx";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    expect_refused(litelab({"convert", fifo, "-o", out}), fifo, out);

    const std::string unknown = dir + "/notes.txt";
    std::ofstream(unknown) << "not a model\n";
    expect_refused(litelab({"convert", unknown, "-o", out}), unknown, out);
}

TEST(ConvertCli, OptionMistakes) {
    const std::string dir = test::scratch_dir("convert_cli_options");
    const std::string out = dir + "/out.tflite";
    const std::string model = dir + "/m.onnx";
    std::ofstream(model, std::ios::binary) << std::string(8, '\0');
    EXPECT_EQ(litelab({"convert", model, "-o", out, "--batch", "0"}).exit_code, 2);
    EXPECT_EQ(litelab({"convert", model, "-o", out, "--batch", "two"}).exit_code, 2);
    EXPECT_EQ(litelab({"convert", model, "-o", out, "--io-layout", "nchw"}).exit_code, 2);

    ASSERT_EQ(litelab({"demo-model", "-o", dir + "/demo.tflite"}).exit_code, 0);
    expect_refused(litelab({"convert", dir + "/demo.tflite", "-o", out, "--batch", "2"}), dir + "/demo.tflite", out);
}

}  // namespace
}  // namespace litelab
