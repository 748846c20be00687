// The bundled examples (resources/examples/<name>/): the committed files load and agree with one
// another, and each float model, converted by LiteLab, reaches the test accuracy its make script
// measured in PyTorch (metrics.json) and at least the target. For the wakeword .h5 the
// interop label adds two readers independent of our importer (../shared/oracles keras_ref.py and
// keras_tfjs), so a layout bug shared by the make script's writer and our reader cannot hide.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "accuracy.h"
#include "import/import_model.h"
#include "npy/npz.h"
#include "run/run_model.h"

namespace litelab {
namespace {

struct Example {
    std::string name;
    std::string model;    // file name inside the example's folder
    double target = 0.0;  // the minimum float accuracy
};

std::string example_dir(const std::string& name) {
    return std::string(LITELAB_EXAMPLES_DIR) + "/" + name;
}

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

class ExampleTest : public ::testing::TestWithParam<Example> {};

TEST_P(ExampleTest, FilesAgreeAndTheConvertedModelReachesItsAccuracy) {
    const Example& e = GetParam();
    const std::string dir = example_dir(e.name);
    for (const char* file : {"test.npz", "calib.npz", "labels.txt", "README.md", "metrics.json"})
        ASSERT_TRUE(std::filesystem::is_regular_file(dir + "/" + file)) << dir << "/" << file << " is missing";

    auto test = read_npz_file(dir + "/test.npz");
    ASSERT_TRUE(test.ok()) << test.error().message;
    const NdArray* x = find(*test, "x");
    const NdArray* y = find(*test, "y");
    ASSERT_TRUE(x && y) << "test.npz needs arrays x and y";
    ASSERT_EQ(x->dtype, DType::kFloat32);
    ASSERT_EQ(y->dtype, DType::kInt64);
    ASSERT_EQ(y->shape, (std::vector<int64_t>{x->shape.at(0)}));
    auto calib = read_npz_file(dir + "/calib.npz");
    ASSERT_TRUE(calib.ok()) << calib.error().message;
    const NdArray* cx = find(*calib, "x");
    ASSERT_TRUE(cx);
    EXPECT_EQ(std::vector<int64_t>(cx->shape.begin() + 1, cx->shape.end()),
              std::vector<int64_t>(x->shape.begin() + 1, x->shape.end()));
    const auto labels = read_lines(dir + "/labels.txt");
    for (const int64_t label : y->values<int64_t>())
        ASSERT_TRUE(label >= 0 && label < static_cast<int64_t>(labels.size()));

    std::ifstream metrics_file(dir + "/metrics.json");
    const auto metrics = nlohmann::json::parse(metrics_file);
    const double documented = metrics.at("float_test_accuracy").get<double>();

    auto imported = import_model_file(dir + "/" + e.model, {});
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    auto result = run_model(imported->model, {*x}, RunOptions{});
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->outputs.size(), 1u);
    ASSERT_EQ(result->outputs[0].shape, (std::vector<int64_t>{x->shape[0], static_cast<int64_t>(labels.size())}));
    const double ours = test::accuracy(result->outputs[0], *y);
    std::cout << e.name << ": converted float model " << ours << " on " << x->shape[0] << " test items (documented "
              << documented << ", target " << e.target << ")\n";
    EXPECT_GE(ours, e.target);
    // The same network in float32: at most one item may flip on a near tie.
    EXPECT_NEAR(ours, documented, 1.0 / static_cast<double>(x->shape[0]) + 1e-9);
}

INSTANTIATE_TEST_SUITE_P(Bundled, ExampleTest,
                         ::testing::Values(Example{"wakeword", "wakeword.h5", 0.95},
                                           Example{"digits", "digits.onnx", 0.97}),
                         [](const auto& param_info) { return param_info.param.name; });

TEST(Examples, StayUnderEightMegabytes) {
    uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(LITELAB_EXAMPLES_DIR))
        if (entry.is_regular_file()) bytes += entry.file_size();
    std::cout << "resources/examples: " << bytes << " bytes\n";
    EXPECT_LT(bytes, 8u * 1000u * 1000u);
}

}  // namespace
}  // namespace litelab
