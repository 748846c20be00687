// The wakeword example's .h5 read by two implementations independent of LiteLab's importer and
// of the make script's writer: ../shared/oracles/keras_ref.py (NumPy) and keras_tfjs
// (TensorFlow.js layers). Each must reproduce the documented float test accuracy.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "accuracy.h"
#include "npy/npy.h"
#include "npy/npz.h"
#include "oracle.h"
#include "support/test_paths.h"

namespace litelab {
namespace {

TEST(WakewordReference, KerasRefAndTensorflowJsReproduceTheAccuracy) {
    if (const auto why = test::oracles_unavailable()) GTEST_SKIP() << *why;
    const std::string dir = std::string(LITELAB_EXAMPLES_DIR) + "/wakeword";
    auto test = read_npz_file(dir + "/test.npz");
    ASSERT_TRUE(test.ok()) << test.error().message;
    const NdArray* x = find(*test, "x");
    const NdArray* y = find(*test, "y");
    ASSERT_TRUE(x && y);
    std::ifstream metrics_file(dir + "/metrics.json");
    const double documented = nlohmann::json::parse(metrics_file).at("float_test_accuracy").get<double>();

    const std::string scratch = test::scratch_dir("wakeword_reference");
    ASSERT_TRUE(write_npy_file(scratch + "/in_0.npy", *x).ok());
    ASSERT_TRUE(write_npz_file(scratch + "/inputs.npz", {{"in_0", *x}}).ok());
    const std::string model = dir + "/wakeword.h5";
    const std::vector<std::pair<std::string, std::vector<std::string>>> references{
        {"keras_ref",
         {test::python(), *test::oracle_tool("keras_ref.py"), model, "--inputs", scratch + "/in_0.npy", "--out",
          scratch + "/keras_ref.npz"}},
        {"keras_tfjs",
         {test::python(), *test::oracle_tool("keras_tfjs"), model, "--like", scratch + "/inputs.npz", "--out",
          scratch + "/keras_tfjs.npz"}}};
    for (const auto& [name, argv] : references) {
        const auto ran = test::run_process(argv, 600);
        ASSERT_EQ(ran.exit_code, 0) << name << ": " << ran.err;
        auto out = read_npz_file(scratch + "/" + name + ".npz");
        ASSERT_TRUE(out.ok()) << out.error().message;
        const NdArray* scores = find(*out, "out_0");
        ASSERT_TRUE(scores) << name << " wrote no out_0";
        const double reached = test::accuracy(*scores, *y);
        std::cout << "wakeword.h5 in " << name << ": " << reached << " (documented " << documented << ")\n";
        EXPECT_NEAR(reached, documented, 1.0 / static_cast<double>(y->shape[0]) + 1e-9) << name;
    }
}

}  // namespace
}  // namespace litelab
