// Classification accuracy of a model's scores against integer labels, for the example tests.
#pragma once

#include <algorithm>
#include <cstdint>

#include "npy/nd_array.h"

namespace litelab::test {

// The fraction of rows of `scores` ([N, classes], float32) whose arg max is the label.
inline double accuracy(const NdArray& scores, const NdArray& labels) {
    const auto s = scores.values<float>();
    const auto y = labels.values<int64_t>();
    const auto classes = static_cast<size_t>(scores.shape.at(1));
    size_t correct = 0;
    for (size_t i = 0; i < y.size(); ++i) {
        const float* row = s.data() + i * classes;
        correct += static_cast<int64_t>(std::max_element(row, row + classes) - row) == y[i];
    }
    return static_cast<double>(correct) / static_cast<double>(y.size());
}

}  // namespace litelab::test
