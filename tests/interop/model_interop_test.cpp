// Every model in ../shared/models/tflite, run by `litelab run` and by each peer runtime on the
// same inputs (the peers read ours from the .npz `litelab run` wrote). Float outputs agree to
// atol 1e-6 + rtol 1e-5, integer outputs are >= 99% exact and all within 1. Peers that cannot
// run a model say so; at least one must run each.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "npy/npz.h"
#include "oracle.h"
#include "output_compare.h"
#include "support/test_paths.h"

namespace litelab::test {
namespace {

struct Run {
    std::string model;
    std::vector<std::string> extra;  // litelab run options
    std::string label;
};

void check_against_peers(const Run& run) {
    const std::string name = std::filesystem::path(run.model).stem().string() + run.label;
    const std::string dir = scratch_dir("model_interop_" + name);
    const std::string ours_path = dir + "/litelab.npz";
    std::vector<std::string> argv = {cli_path(), "run", run.model, "-o", ours_path};
    argv.insert(argv.end(), run.extra.begin(), run.extra.end());
    const ProcessResult ran = run_process(argv, 300);
    ASSERT_EQ(ran.exit_code, 0) << name << ": " << ran.err;
    auto ours = read_npz_file(ours_path);
    ASSERT_TRUE(ours) << ours.error().message;

    int agreeing = 0;
    std::string report;
    for (const std::string runtime : {"litert", "armnn", "tfweb"}) {
        const std::string peer_path = dir + "/" + runtime + ".npz";
        const ProcessResult peer_run =
            run_tflite({"--runtime", runtime, run.model, "--inputs-from", ours_path, "--out", peer_path});
        if (peer_run.exit_code == 2 || peer_run.exit_code == 3) {
            report += "  " + runtime + ": cannot run it (" + peer_run.err.substr(0, peer_run.err.find('\n')) + ")\n";
            continue;
        }
        ASSERT_EQ(peer_run.exit_code, 0) << runtime << ": " << peer_run.err;
        auto peer = read_npz_file(peer_path);
        ASSERT_TRUE(peer) << peer.error().message;
        bool all = true;
        for (size_t o = 0;; ++o) {
            const NdArray* mine = find(*ours, "out_" + std::to_string(o));
            const NdArray* theirs = find(*peer, "out_" + std::to_string(o));
            if (!mine && !theirs) break;
            ASSERT_TRUE(mine && theirs) << runtime << ": different output counts";
            const Comparison c = compare_outputs(*mine, *theirs, Tolerance{});
            report += "  " + runtime + " out_" + std::to_string(o) + ": " +
                      (c.problem.empty() ? "match, " + c.summary : "DIFFERS: " + c.problem) + "\n";
            EXPECT_TRUE(c.problem.empty()) << name << " vs " << runtime << " out_" << o << ": " << c.problem;
            all = all && c.problem.empty();
        }
        if (all) ++agreeing;
    }
    std::cout << name << ":\n" << report;
    EXPECT_GE(agreeing, 1) << name << ": no peer ran it\n" << report;
}

TEST(ModelInterop, SharedModelsMatchThePeerRuntimes) {
    if (auto why = oracles_unavailable()) GTEST_SKIP() << *why;
    const auto models = shared_tflite_models();
    if (models.empty()) GTEST_SKIP() << "../shared/models/tflite is absent";
    for (const std::string& model : models) {
        SCOPED_TRACE(model);
        check_against_peers({model, {"--random", "1"}, ""});
        check_against_peers({model, {"--random", "2", "--threads", "2"}, "_2threads"});
    }
}

TEST(ModelInterop, ABatchOnADynamicBatchModelMatchesItemByItemPeers) {
    if (auto why = oracles_unavailable()) GTEST_SKIP() << *why;
    const auto model = shared_model("tflite/hello_world_float.tflite");
    if (!model) GTEST_SKIP() << "../shared/models is absent";
    // Ours runs the 5 rows as one batch; run_tflite runs them one at a time and stacks.
    check_against_peers({*model, {"--random", "3", "--batch", "5"}, "_batch5"});
}

}  // namespace
}  // namespace litelab::test
