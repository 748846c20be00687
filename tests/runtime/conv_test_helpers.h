// The conv family's tests build their models with support/op_model.h; this adds running them
// with one kernel path forced (the reference loops or im2col + GEMM) and a thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/kernels/conv/conv_path.h"
#include "support/op_model.h"

namespace litelab::conv_test {

using namespace litelab::test;

// Output 0's bytes of `model` compiled with `path` forced (the path is chosen when compiling);
// failures become test failures and an empty result.
inline std::vector<uint8_t> run(const Model& model, const std::vector<Bytes>& inputs,
                                conv::ConvPath path = conv::ConvPath::kAuto, int threads = 1) {
    const conv::ScopedConvPath forced(path);
    return test::run_as<uint8_t>(model, inputs, threads);
}

template <class T>
std::vector<T> run_as(const Model& model, const std::vector<Bytes>& inputs, conv::ConvPath path = conv::ConvPath::kAuto,
                      int threads = 1) {
    return values_of<T>(run(model, inputs, path, threads));
}

}  // namespace litelab::conv_test
