// ONNX's own test suites (Debian's libonnx-testdata): which models the importer must convert,
// their inputs and expected outputs, and the conversion as the tests do it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "import/import_options.h"
#include "import/onnx/onnx_graph.h"
#include "npy/nd_array.h"

namespace litelab::test {

// /usr/share/libonnx-testdata/data, or nullopt when the package is missing.
std::optional<std::string> onnx_suite_dir();

struct SuiteCase {
    std::string folder;  // "pytorch-converted", "pytorch-operator", "node"
    std::string name;    // "test_Conv2d"
    std::string dir;
};

// Every case of `folder` in scope: all float32 cases of pytorch-converted and pytorch-operator;
// the node cases whose operators are all in issue #4's list and whose outputs are float32.
std::vector<SuiteCase> suite_cases(const std::string& folder);

// "pytorch-converted/test_X" -> reason, from onnx_skip_list.txt.
const std::vector<std::pair<std::string, std::string>>& onnx_skip_list();
std::optional<std::string> skip_reason(const SuiteCase& c);

struct DataSet {
    std::vector<NdArray> inputs;             // for the converted model's inputs, in order
    std::vector<onnx::OnnxTensor> expected;  // the suite's outputs
};

struct ConvertedCase {
    ImportedModel imported;
    std::vector<DataSet> data_sets;
};

// Loads the model, binds the inputs ONNX's node tests feed for what a model stores as
// initializers (weights, shapes, axes: see onnx_suite.cpp) to the first data set's values,
// converts it, and reads every data set.
Result<ConvertedCase> convert_suite_case(const SuiteCase& c, const ImportOptions& options = {});

// |actual - expected| <= atol + rtol * |expected| everywhere, with the same shape; the first
// difference otherwise.
std::optional<std::string> compare_outputs(const NdArray& actual, const onnx::OnnxTensor& expected, double atol,
                                           double rtol);

}  // namespace litelab::test
