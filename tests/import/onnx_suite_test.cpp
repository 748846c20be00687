// Every in-scope model of ONNX's own test suites, converted and run in LiteLab's interpreter,
// against the suite's expected outputs with ONNX's runner tolerance (atol 1e-7, rtol 1e-3).
// Prints the pass count per folder; entries of onnx_skip_list.txt are reported, not run.
#include <gtest/gtest.h>

#include <iostream>

#include "import/onnx_suite.h"
#include "run/run_model.h"

namespace litelab::test {
namespace {

// What happened to one case: empty when it passed.
std::string run_case(const SuiteCase& c) {
    auto converted = convert_suite_case(c);
    if (!converted) return "convert: " + converted.error().message;
    for (size_t s = 0; s < converted->data_sets.size(); ++s) {
        const DataSet& data = converted->data_sets[s];
        auto ran = run_model(converted->imported.model, data.inputs, RunOptions{});
        if (!ran) return "run: " + ran.error().message;
        if (ran->outputs.size() != data.expected.size()) {
            return std::to_string(ran->outputs.size()) + " outputs, expected " + std::to_string(data.expected.size());
        }
        for (size_t k = 0; k < data.expected.size(); ++k) {
            if (auto diff = compare_outputs(ran->outputs[k], data.expected[k], 1e-7, 1e-3)) {
                return "data set " + std::to_string(s) + ", output " + std::to_string(k) + ": " + *diff;
            }
        }
    }
    return {};
}

class OnnxSuite : public ::testing::TestWithParam<std::string> {};

TEST_P(OnnxSuite, ConvertedModelsComputeTheExpectedOutputs) {
    if (!onnx_suite_dir()) GTEST_SKIP() << "libonnx-testdata is not installed (scripts/setup.sh installs it)";
    const std::string folder = GetParam();
    const auto cases = suite_cases(folder);
    ASSERT_FALSE(cases.empty()) << "no cases in " << folder;
    int passed = 0, skipped = 0;
    std::vector<std::string> failures;
    for (const auto& c : cases) {
        if (const char* only = std::getenv("LITELAB_ONNX_CASE"); only && c.name.find(only) == std::string::npos)
            continue;
        if (auto reason = skip_reason(c)) {
            ++skipped;
            continue;
        }
        const std::string problem = run_case(c);
        if (problem.empty())
            ++passed;
        else
            failures.push_back(c.name + ": " + problem);
    }
    std::cout << "[ onnx ] " << folder << ": " << passed << " passed, " << failures.size() << " failed, " << skipped
              << " skipped (skip list) of " << cases.size() << "\n";
    for (const auto& f : failures) ADD_FAILURE() << f;
}

INSTANTIATE_TEST_SUITE_P(Folders, OnnxSuite, ::testing::Values("pytorch-converted", "pytorch-operator", "node"),
                         [](const auto& param_info) {
                             std::string name = param_info.param;
                             for (char& ch : name) ch = ch == '-' ? '_' : ch;
                             return name;
                         });

}  // namespace
}  // namespace litelab::test
