// The elementwise kernel tests build their one-operator models with support/op_model.h; this
// adds the two ways they run them.
#pragma once

#include <string>
#include <vector>

#include "support/op_model.h"

namespace litelab::elementwise_test {

using namespace litelab::test;

// Output 0's values, and its shape when `output_shape` is given; failures are test failures.
template <class Out>
std::vector<Out> run(const Model& model, const std::vector<Bytes>& inputs, int threads = 1,
                     std::vector<int32_t>* output_shape = nullptr) {
    const RunOutcome outcome = run_checked(model, inputs, threads);
    if (output_shape && !outcome.shapes.empty()) *output_shape = outcome.shapes[0];
    return outcome.out<Out>();
}

// The message of a failed compilation or run, or "" when it runs.
inline std::string run_error(const Model& model, const std::vector<Bytes>& inputs) {
    return try_run(model, inputs).error;
}

}  // namespace litelab::elementwise_test
