// `litelab run` as a user runs it: input sources, dtype rules, batches, the .npz it writes, and
// its errors (one line, non-zero exit, no output file).
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "npy/npy.h"
#include "npy/npz.h"
#include "support/process.h"
#include "support/test_paths.h"

namespace litelab {
namespace {

test::ProcessResult litelab(std::vector<std::string> args) {
    args.insert(args.begin(), test::cli_path());
    return test::run_process(args, 120);
}

// The demo model: float input [-1, 50, 13, 1] -> CONV/POOL/FC -> softmax [-1, 2].
std::string demo_model(const std::string& dir) {
    const std::string path = dir + "/demo.tflite";
    const auto made = litelab({"demo-model", "-o", path});
    EXPECT_EQ(made.exit_code, 0) << made.err;
    return path;
}

TEST(RunCli, RandomInputsGiveTheOraclesNpzLayout) {
    const std::string dir = test::scratch_dir("run_cli_random");
    const std::string model = demo_model(dir);
    const auto run = litelab({"run", model, "--random", "4", "--batch", "3", "-o", dir + "/out.npz"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto npz = read_npz_file(dir + "/out.npz");
    ASSERT_TRUE(npz) << npz.error().message;
    ASSERT_EQ(npz->size(), 3u);
    EXPECT_EQ((*npz)[0].name, "in_0");
    EXPECT_EQ((*npz)[0].array.shape, (std::vector<int64_t>{3, 50, 13, 1}));
    EXPECT_EQ((*npz)[1].name, "out_0");
    ASSERT_EQ((*npz)[1].array.shape, (std::vector<int64_t>{3, 2}));
    // Softmax rows sum to 1.
    const auto p = (*npz)[1].array.values<float>();
    for (int row = 0; row < 3; ++row) EXPECT_NEAR(p[static_cast<size_t>(2 * row)] + p[static_cast<size_t>(2 * row + 1)], 1.0f, 1e-6f);
    EXPECT_EQ((*npz)[2].name, "meta");
    ASSERT_EQ((*npz)[2].array.dtype, DType::kString);
    const auto meta = nlohmann::json::parse((*npz)[2].array.strings.at(0));
    EXPECT_EQ(meta["runtime"], "litelab");
    EXPECT_EQ(meta["seed"], 4);
    EXPECT_EQ(meta["batch"], 3);
    EXPECT_EQ(meta["batch_split"], 0);
    EXPECT_EQ(meta["inputs"][0]["shape_signature"], nlohmann::json::array({-1, 50, 13, 1}));
    EXPECT_EQ(meta["outputs"][0]["dtype"], "float32");

    // The same seed gives the same inputs and outputs.
    const auto again = litelab({"run", model, "--random", "4", "--batch", "3", "-o", dir + "/again.npz"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    auto second = read_npz_file(dir + "/again.npz");
    ASSERT_TRUE(second);
    EXPECT_EQ((*second)[0].array, (*npz)[0].array);
    EXPECT_EQ((*second)[1].array, (*npz)[1].array);
}

TEST(RunCli, RowsOfAStaticBatchModelRunOneByOneAndStack) {
    const auto model = test::shared_model("tflite/person_detect.tflite");
    if (!model) GTEST_SKIP() << "../shared/models is absent";
    const std::string dir = test::scratch_dir("run_cli_items");
    const auto both = litelab({"run", *model, "--random", "5", "--batch", "2", "-o", dir + "/both.npz"});
    ASSERT_EQ(both.exit_code, 0) << both.err;
    auto stacked = read_npz_file(dir + "/both.npz");
    ASSERT_TRUE(stacked);
    const NdArray& inputs = *find(*stacked, "in_0");
    const NdArray& outputs = *find(*stacked, "out_0");
    ASSERT_EQ(inputs.shape, (std::vector<int64_t>{2, 96, 96, 1}));
    ASSERT_EQ(outputs.shape, (std::vector<int64_t>{2, 2}));
    // Each row alone gives that row of the stacked result.
    for (int row = 0; row < 2; ++row) {
        NdArray one = inputs;
        one.shape[0] = 1;
        const size_t bytes = 96 * 96;
        one.data.assign(inputs.data.begin() + static_cast<std::ptrdiff_t>(row * bytes),
                        inputs.data.begin() + static_cast<std::ptrdiff_t>((row + 1) * bytes));
        const std::string in_path = dir + "/row" + std::to_string(row) + ".npy";
        ASSERT_TRUE(write_npy_file(in_path, one));
        const std::string out_path = dir + "/row" + std::to_string(row) + ".npz";
        const auto single = litelab({"run", *model, "--input", in_path, "-o", out_path});
        ASSERT_EQ(single.exit_code, 0) << single.err;
        auto result = read_npz_file(out_path);
        ASSERT_TRUE(result);
        const auto row_scores = find(*result, "out_0")->values<int8_t>();
        EXPECT_EQ(row_scores[0], outputs.values<int8_t>()[static_cast<size_t>(2 * row)]);
        EXPECT_EQ(row_scores[1], outputs.values<int8_t>()[static_cast<size_t>(2 * row + 1)]);
    }
    auto meta = nlohmann::json::parse(find(*stacked, "meta")->strings.at(0));
    EXPECT_EQ(meta["batch_split"], 1);
}

TEST(RunCli, FloatDataForAnInt8InputNeedsQuantizeInputs) {
    const auto model = test::shared_model("tflite/hello_world_int8.tflite");
    if (!model) GTEST_SKIP() << "../shared/models is absent";
    const std::string dir = test::scratch_dir("run_cli_quantize");
    const std::string x = dir + "/x.npy";
    const std::vector<float> values = {0.5f, 1.0f, -3.0f};
    ASSERT_TRUE(write_npy_file(x, NdArray::from<float>({3, 1}, values)));

    const std::string out = dir + "/out.npz";
    const auto refused = litelab({"run", *model, "--input", x, "-o", out});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_EQ(refused.err, "litelab: " + *model + ": input 0 ('serving_default_dense_input:0'): the model takes int8, "
                           "the data is float32; pass --quantize-inputs to quantize it (scale 0.0244801, zero point -128)\n");
    EXPECT_FALSE(std::filesystem::exists(out));

    const auto quantized = litelab({"run", *model, "--input", x, "--quantize-inputs", "-o", out});
    ASSERT_EQ(quantized.exit_code, 0) << quantized.err;
    EXPECT_NE(quantized.err.find("note: input 0"), std::string::npos);
    auto npz = read_npz_file(out);
    ASSERT_TRUE(npz);
    // round(x / 0.0244801) - 128, clamped: 0.5 -> 20 - 128, 1.0 -> 41 - 128, -3.0 -> -251 -> -128.
    const auto q = find(*npz, "in_0")->values<int8_t>();
    ASSERT_EQ(q.size(), 3u);
    EXPECT_EQ(q[0], -108);
    EXPECT_EQ(q[1], -87);
    EXPECT_EQ(q[2], -128);
    EXPECT_EQ(find(*npz, "out_0")->dtype, DType::kInt8);
}

TEST(RunCli, Float64DataIsCastWithANote) {
    const std::string dir = test::scratch_dir("run_cli_float64");
    const std::string model = demo_model(dir);
    std::vector<double> values(50 * 13, 0.25);
    ASSERT_TRUE(write_npy_file(dir + "/x.npy", NdArray::from<double>({1, 50, 13, 1}, values)));
    const auto run = litelab({"run", model, "--input", dir + "/x.npy", "-o", dir + "/out.npz"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "litelab: note: input 0 ('serving_default_mfcc:0'): float64 data cast to float32\n");
}

TEST(RunCli, InputsFromAcceptsXForASingleInput) {
    const std::string dir = test::scratch_dir("run_cli_x");
    const std::string model = demo_model(dir);
    std::vector<float> values(2 * 50 * 13, 0.5f);
    ASSERT_TRUE(write_npz_file(dir + "/data.npz", {{"x", NdArray::from<float>({2, 50, 13, 1}, values)}}));
    const auto run = litelab({"run", model, "--inputs-from", dir + "/data.npz", "-o", dir + "/out.npz"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto npz = read_npz_file(dir + "/out.npz");
    ASSERT_TRUE(npz);
    EXPECT_EQ(find(*npz, "out_0")->shape, (std::vector<int64_t>{2, 2}));
}

TEST(RunCli, BadInputsFailWithOneLineAndNoOutput) {
    const std::string dir = test::scratch_dir("run_cli_bad");
    const std::string model = demo_model(dir);
    const std::string out = dir + "/out.npz";
    std::vector<float> values(50 * 12, 0.5f);
    ASSERT_TRUE(write_npy_file(dir + "/wrong_shape.npy", NdArray::from<float>({1, 50, 12, 1}, values)));
    const auto shape = litelab({"run", model, "--input", dir + "/wrong_shape.npy", "-o", out});
    EXPECT_EQ(shape.exit_code, 1);
    EXPECT_EQ(shape.err, "litelab: " + model + ": input 0 ('serving_default_mfcc:0') has shape (1, 50, 12, 1), the model takes [-1, 50, 13, 1]\n");

    std::vector<int32_t> ints(50 * 13, 1);
    ASSERT_TRUE(write_npy_file(dir + "/ints.npy", NdArray::from<int32_t>({1, 50, 13, 1}, ints)));
    const auto dtype = litelab({"run", model, "--input", dir + "/ints.npy", "-o", out});
    EXPECT_EQ(dtype.exit_code, 1);
    EXPECT_EQ(dtype.err, "litelab: " + model + ": input 0 ('serving_default_mfcc:0'): the model takes float32, the data is int32\n");

    const auto missing = litelab({"run", model, "--input", dir + "/missing.npy", "-o", out});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_EQ(missing.err.rfind("litelab: " + dir + "/missing.npy: ", 0), 0u) << missing.err;

    const auto two_inputs = litelab({"run", model, "--input", dir + "/ints.npy", "--input", dir + "/ints.npy", "-o", out});
    EXPECT_EQ(two_inputs.exit_code, 1);
    EXPECT_EQ(two_inputs.err, "litelab: " + model + ": the model takes 1 input, 2 given\n");
    EXPECT_FALSE(std::filesystem::exists(out));

    EXPECT_EQ(litelab({"run", model, "-o", out}).exit_code, 2);
    EXPECT_EQ(litelab({"run", model, "--random", "1", "--inputs-from", "x.npz", "-o", out}).exit_code, 2);
    EXPECT_EQ(litelab({"run", model, "--random", "1"}).exit_code, 2);
    EXPECT_EQ(litelab({"run", model, "--random", "1", "--threads", "0", "-o", out}).exit_code, 2);
    EXPECT_EQ(litelab({"run", model, "--random", "1", "--input-shape", "input", "-o", out}).exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace litelab
