// Every single-operator case of tests/interop/op_cases, run in LiteLab's interpreter and in each
// peer runtime of ../shared/oracles (LiteRT, Arm NN, classic TFLite) on the same inputs. A case
// passes when every peer that runs it agrees with us and at least one peer ran it; peers that
// cannot run a case say so in the output.
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <iostream>
#include <random>

#include "npy/npz.h"
#include "op_cases/op_case.h"
#include "oracle.h"
#include "output_compare.h"
#include "run/run_model.h"
#include "support/test_paths.h"
#include "tflite/writer.h"

namespace litelab::test {
namespace {

std::vector<OpCase> all_cases() {
    std::vector<OpCase> cases;
    for (auto family : {elementwise_op_cases, activation_op_cases, quantize_op_cases, conv_op_cases,
                        fully_connected_op_cases, pooling_op_cases, reduce_op_cases, softmax_op_cases,
                        shape_op_cases, layout_op_cases, recurrent_op_cases, control_flow_op_cases,
                        conv3d_tile_pow_op_cases}) {
        for (OpCase& c : family()) cases.push_back(std::move(c));
    }
    return cases;
}

const std::vector<OpCase>& cases() {
    static const std::vector<OpCase> list = all_cases();
    return list;
}

// Inputs drawn as the case asks, from a seed derived from its name (stable across runs).
std::vector<NdArray> case_inputs(const OpCase& c) {
    std::mt19937_64 engine(std::hash<std::string>{}(c.name) & 0xffffffffu);
    const Subgraph& g = c.model.subgraphs[0];
    std::vector<NdArray> inputs;
    for (int32_t t : g.inputs) {
        const Tensor& tensor = g.tensors[static_cast<size_t>(t)];
        NdArray a;
        a.dtype = tensor.type;
        a.shape.assign(tensor.shape.begin(), tensor.shape.end());
        const auto n = static_cast<size_t>(a.element_count());
        a.data.resize(n * static_cast<size_t>(npy_item_size(a.dtype)));
        auto integers = [&](auto* out, int64_t lo, int64_t hi) {
            std::uniform_int_distribution<int64_t> draw(c.int_low.value_or(lo), c.int_high.value_or(hi));
            for (size_t k = 0; k < n; ++k) out[k] = static_cast<std::remove_pointer_t<decltype(out)>>(draw(engine));
        };
        std::uniform_real_distribution<float> real(c.low, c.high);
        switch (a.dtype) {
            case DType::kFloat32:
                for (float& v : a.values<float>()) v = real(engine);
                break;
            case DType::kInt8: integers(a.values<int8_t>().data(), -128, 127); break;
            case DType::kUInt8: integers(a.values<uint8_t>().data(), 0, 255); break;
            case DType::kInt16: integers(a.values<int16_t>().data(), -32768, 32767); break;
            case DType::kInt32: integers(a.values<int32_t>().data(), 0, 100); break;
            case DType::kInt64: integers(a.values<int64_t>().data(), 0, 100); break;
            case DType::kBool: integers(a.data.data(), 0, 1); break;
            default: ADD_FAILURE() << c.name << ": no inputs of type " << dtype_name(a.dtype);
        }
        inputs.push_back(std::move(a));
    }
    return inputs;
}

class OpInterop : public ::testing::TestWithParam<size_t> {};

TEST_P(OpInterop, MatchesPeerRuntimes) {
    const OpCase& c = cases()[GetParam()];
    const std::string dir = scratch_dir("op_" + c.name);
    const std::string model_path = dir + "/model.tflite";
    ASSERT_TRUE(write_tflite_file(c.model, model_path)) << c.name;

    const std::vector<NdArray> inputs = case_inputs(c);
    auto ours = run_model(c.model, inputs, {});
    ASSERT_TRUE(ours) << c.name << ": " << ours.error().message;

    if (auto why = oracles_unavailable()) GTEST_SKIP() << why->c_str();
    if (c.no_peer_reason) {
        std::cout << c.name << ": LiteLab runs it; no peer can: " << *c.no_peer_reason << "\n";
        return;
    }
    std::vector<NpzEntry> entries;
    for (size_t i = 0; i < inputs.size(); ++i) entries.push_back({"in_" + std::to_string(i), inputs[i]});
    const std::string inputs_path = dir + "/inputs.npz";
    ASSERT_TRUE(write_npz_file(inputs_path, entries));

    // The peers run at once: most of a run is process and WASM start-up, not the op.
    const std::vector<std::string> runtimes = {"litert", "armnn", "tfweb"};
    std::vector<std::future<ProcessResult>> runs;
    for (const std::string& runtime : runtimes)
        runs.push_back(std::async(std::launch::async, [&, runtime] {
            return run_tflite({"--runtime", runtime, model_path, "--inputs-from", inputs_path, "--out",
                               dir + "/" + runtime + ".npz"});
        }));
    int agreeing = 0;
    std::string report;
    for (size_t r = 0; r < runtimes.size(); ++r) {
        const std::string& runtime = runtimes[r];
        const std::string out_path = dir + "/" + runtime + ".npz";
        const ProcessResult run = runs[r].get();
        std::string first_line = run.err.substr(0, run.err.find('\n'));
        if (run.exit_code == 2 || run.exit_code == 3) {
            report += "  " + runtime + ": cannot run it (" + first_line + ")\n";
            continue;
        }
        ASSERT_EQ(run.exit_code, 0) << runtime << " failed on " << c.name << ": " << run.err;
        auto peer = read_npz_file(out_path);
        ASSERT_TRUE(peer) << peer.error().message;
        const auto unreliable = std::find_if(c.unreliable_peers.begin(), c.unreliable_peers.end(),
                                             [&](const auto& p) { return p.first == runtime; });
        bool all_match = true;
        for (size_t o = 0; o < ours->outputs.size(); ++o) {
            const NdArray* expected = find(*peer, "out_" + std::to_string(o));
            ASSERT_NE(expected, nullptr) << runtime << " wrote no out_" << o;
            const Comparison comparison = compare_outputs(ours->outputs[o], *expected,
                                                          Tolerance{c.atol, c.rtol, c.exact_fraction, c.max_int_diff});
            const std::string& problem = comparison.problem;
            const std::string& summary = comparison.summary;
            report += "  " + runtime + " out_" + std::to_string(o) + ": " + (problem.empty() ? "match, " + summary : "DIFFERS: " + problem) + "\n";
            if (!problem.empty()) all_match = false;
            if (!problem.empty() && unreliable == c.unreliable_peers.end())
                ADD_FAILURE() << c.name << ": " << runtime << " out_" << o << ": " << problem;
        }
        if (unreliable != c.unreliable_peers.end()) report += "  (" + runtime + " is not trusted here: " + unreliable->second + ")\n";
        else if (all_match) ++agreeing;
    }
    std::cout << c.name << ":\n" << report;
    EXPECT_GE(agreeing, 1) << c.name << ": no peer runtime ran this case:\n" << report;
}

std::string case_name(const ::testing::TestParamInfo<size_t>& info) { return cases()[info.param].name; }

INSTANTIATE_TEST_SUITE_P(Cases, OpInterop, ::testing::Range(size_t{0}, cases().size()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(OpInterop);

}  // namespace
}  // namespace litelab::test
