// The litelab CLI as a user runs it: output, exit codes and written files.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/process.h"
#include "support/test_paths.h"
#include "tflite/reader.h"

namespace litelab {
namespace {

test::ProcessResult litelab(std::vector<std::string> args) {
    args.insert(args.begin(), test::cli_path());
    return test::run_process(args, 60);
}

TEST(Cli, HelpAndVersionSucceed) {
    const auto help = litelab({"--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("inspect MODEL "), std::string::npos);
    EXPECT_EQ(litelab({"--version"}).exit_code, 0);
    const auto inspect_help = litelab({"inspect", "--help"});
    EXPECT_EQ(inspect_help.exit_code, 0);
    EXPECT_NE(inspect_help.out.find("--quant"), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwo) {
    EXPECT_EQ(litelab({}).exit_code, 2);
    EXPECT_EQ(litelab({"frobnicate"}).exit_code, 2);
    EXPECT_EQ(litelab({"inspect"}).exit_code, 2);
    EXPECT_EQ(litelab({"inspect", "a.tflite", "--colour"}).exit_code, 2);
    EXPECT_EQ(litelab({"inspect", "a.tflite", "--json", "--summary"}).exit_code, 2);
    EXPECT_EQ(litelab({"convert", "a.tflite"}).exit_code, 2);
    const auto missing_value = litelab({"convert", "a.tflite", "-o"});
    EXPECT_EQ(missing_value.exit_code, 2);
    EXPECT_EQ(missing_value.err, "litelab: convert: --output needs a value (see 'litelab convert --help')\n");
}

TEST(Cli, SummaryOfHelloWorldInt8) {
    const auto model = test::shared_model("tflite/hello_world_int8.tflite");
    if (!model) GTEST_SKIP() << "../shared/models is absent";
    const auto run = litelab({"inspect", "--summary", *model});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(run.err.empty());
    // Three dense layers 1->16->16->1: int8 weights 16 + 256 + 16, int32 biases 16 + 16 + 1.
    EXPECT_NE(run.out.find("  FULLY_CONNECTED                       3\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Parameters: 321 (420 bytes of constant data)\n"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("  int8                288 bytes\n"), std::string::npos);
    EXPECT_NE(run.out.find("  int32               132 bytes\n"), std::string::npos);
    EXPECT_NE(run.out.find("int8 [-1, 1] scale 0.0244801 zero_point -128"), std::string::npos);
    EXPECT_NE(run.out.find("serving_default (Subgraph#0): dense_input -> dense_2"), std::string::npos);
}

TEST(Cli, PersonDetectWarningsGoToStderrAndTheDumpToStdout) {
    const auto model = test::shared_model("tflite/person_detect.tflite");
    if (!model) GTEST_SKIP() << "../shared/models is absent";
    const auto run = litelab({"inspect", *model});
    ASSERT_EQ(run.exit_code, 0);
    EXPECT_NE(run.out.find("Subgraph#0"), std::string::npos);
    EXPECT_NE(run.err.find("litelab: " + *model + ": warning: Subgraph#0 T#33("), std::string::npos) << run.err;
}

TEST(Cli, RunShowsTheFirstThreeWarningsAndACount) {
    // person_detect.tflite has 14 biases quantized along a dimension they lack.
    const auto model = test::shared_model("tflite/person_detect.tflite");
    if (!model) GTEST_SKIP() << "../shared/models is absent";
    const std::string out = test::scratch_dir("cli_run_warnings") + "/out.npz";
    const auto run = litelab({"run", *model, "--random", "1", "-o", out});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    size_t lines = 0;
    for (size_t at = run.err.find(": warning: "); at != std::string::npos; at = run.err.find(": warning: ", at + 1)) ++lines;
    EXPECT_EQ(lines, 4u) << run.err;
    EXPECT_NE(run.err.find(": warning: 11 more warnings ('litelab inspect' lists them all)"), std::string::npos) << run.err;
}

TEST(Cli, DemoModelThenConvertGivesTheSameModel) {
    const std::string dir = test::scratch_dir("cli_convert");
    ASSERT_EQ(litelab({"demo-model", "-o", dir + "/demo.tflite"}).exit_code, 0);
    const auto convert = litelab({"convert", dir + "/demo.tflite", "--output=" + dir + "/again.tflite"});
    ASSERT_EQ(convert.exit_code, 0) << convert.err;
    auto a = read_tflite_file(dir + "/demo.tflite");
    auto b = read_tflite_file(dir + "/again.tflite");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->model, b->model);
    const auto dump = litelab({"inspect", dir + "/again.tflite"});
    EXPECT_NE(dump.out.find("Subgraph#0 main(T#0) -> [T#10]\n  Op#0 CONV_2D(T#0, T#1, T#2) -> [T#3]\n"),
              std::string::npos)
        << dump.out;
}

}  // namespace
}  // namespace litelab
