// A model read and written again by LiteLab must compute bit-identical outputs in independent
// runtimes: each runtime that can run a model runs the original and our rewrite on the same
// seeded inputs, and every output element must be equal.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <set>

#include "model/demo_model.h"
#include "oracle.h"
#include "support/test_paths.h"
#include "tflite/writer.h"

namespace litelab {
namespace {

const char* const kRuntimes[] = {"litert", "armnn", "tfweb"};

// Returns how many runtimes ran the pair; reports those that refused the model. Runtimes older
// than schema 3c (Arm NN 20.08, the 2022 TFLite in tfweb) cannot read buffers stored outside
// the flatbuffer: with `external_layout` their refusal of the rewrite is reported, not failed.
int check_bit_identical(const std::string& original, const std::string& rewritten, const std::string& dir,
                        bool external_layout = false) {
    int ran = 0;
    for (const std::string runtime : kRuntimes) {
        const std::string a = dir + "/" + runtime + "_original.npz";
        const std::string b = dir + "/" + runtime + "_rewritten.npz";
        const auto first = test::run_tflite({"--runtime", runtime, original, "--random", "1", "--out", a});
        if (first.exit_code == 2) {
            // The runtime cannot run this model at all (a known limit); say so, do not hide it.
            std::cout << "[ note ] " << runtime << " cannot run " << original << ": " << first.err;
            continue;
        }
        EXPECT_EQ(first.exit_code, 0) << runtime << ": " << first.err;
        const auto second = test::run_tflite({"--runtime", runtime, rewritten, "--random", "1", "--out", b});
        if (external_layout && runtime != "litert" && second.exit_code == 2) {
            std::cout << "[ note ] " << runtime << " predates external buffers: " << second.err;
            continue;
        }
        EXPECT_EQ(second.exit_code, 0) << runtime << " failed on the rewritten model: " << second.err;
        if (first.exit_code != 0 || second.exit_code != 0) continue;
        const auto cmp = test::compare_npz({a, b, "--abs", "--atol", "0", "--exact", "1.0", "--int-tol", "0"});
        EXPECT_EQ(cmp.exit_code, 0) << runtime << " outputs differ:\n" << cmp.out << cmp.err;
        std::cout << "[ info ] " << runtime << " bit-identical on " << std::filesystem::path(original).filename().string()
                  << "\n";
        ++ran;
    }
    return ran;
}


TEST(RoundTripRuntimes, SharedModelsComputeTheSameAfterRewrite) {
    if (auto why = test::oracles_unavailable()) GTEST_SKIP() << *why;
    const auto models = test::shared_tflite_models();
    if (models.empty()) GTEST_SKIP() << "../shared/models/tflite is absent";
    for (const auto& model : models) {
        SCOPED_TRACE(model);
        const std::string name = std::filesystem::path(model).stem().string();
        const std::string dir = test::scratch_dir("runtime_round_trip_" + name);
        const std::string rewritten = dir + "/" + name + ".tflite";
        const auto convert = test::run_process({test::cli_path(), "convert", model, "-o", rewritten});
        ASSERT_EQ(convert.exit_code, 0) << convert.err;
        EXPECT_GE(check_bit_identical(model, rewritten, dir), 1) << "no runtime could run " << model;
    }
}

TEST(RoundTripRuntimes, HandWrittenFixturesComputeTheSameAfterRewrite) {
    if (auto why = test::oracles_unavailable()) GTEST_SKIP() << *why;
    // Fixtures some runtime can execute (control flow, resource variables, sparsity); the others
    // use custom ops or types no peer implements, and are only reported.
    const std::set<std::string> runnable = {"call_once_variable", "if_else",  "metadata",
                                            "signatures",         "sparse",   "while_loop"};
    size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(LITELAB_FIXTURE_DIR)) {
        if (entry.path().extension() != ".tflite") continue;
        const std::string name = entry.path().stem().string();
        SCOPED_TRACE(name);
        const std::string dir = test::scratch_dir("runtime_fixture_" + name);
        const std::string rewritten = dir + "/" + name + ".tflite";
        const auto convert = test::run_process({test::cli_path(), "convert", entry.path().string(), "-o", rewritten});
        ASSERT_EQ(convert.exit_code, 0) << convert.err;
        const int ran = check_bit_identical(entry.path().string(), rewritten, dir);
        if (runnable.count(name)) {
            EXPECT_GE(ran, 1) << "no runtime ran " << name;
        }
        seen += runnable.count(name);
    }
    EXPECT_EQ(seen, runnable.size());
}

TEST(RoundTripRuntimes, ExternalBufferLayoutComputesTheSame) {
    if (auto why = test::oracles_unavailable()) GTEST_SKIP() << *why;
    const auto model = test::shared_model("tflite/person_detect.tflite");
    if (!model) GTEST_SKIP() << "../shared/models is absent";
    const std::string dir = test::scratch_dir("runtime_round_trip_external");
    const std::string rewritten = dir + "/person_detect_external.tflite";
    const auto convert = test::run_process({test::cli_path(), "convert", *model, "-o", rewritten, "--external-buffers"});
    ASSERT_EQ(convert.exit_code, 0) << convert.err;
    EXPECT_GE(check_bit_identical(*model, rewritten, dir, /*external_layout=*/true), 1);
}

TEST(RoundTripRuntimes, ModelsWeBuildRunInEveryRuntime) {
    if (auto why = test::oracles_unavailable()) GTEST_SKIP() << *why;
    const std::string dir = test::scratch_dir("runtime_demo");
    const std::string path = dir + "/demo.tflite";
    ASSERT_TRUE(write_tflite_file(make_demo_model(), path).ok());
    for (const std::string runtime : kRuntimes) {
        const auto run = test::run_tflite({"--runtime", runtime, path, "--random", "3", "--out", dir + "/" + runtime + ".npz"});
        EXPECT_EQ(run.exit_code, 0) << runtime << " refused our demo model: " << run.err;
    }
    const auto cmp = test::compare_npz({dir + "/litert.npz", dir + "/armnn.npz", "--atol", "1e-5"});
    EXPECT_EQ(cmp.exit_code, 0) << cmp.out << cmp.err;
}

}  // namespace
}  // namespace litelab
