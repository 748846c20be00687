// The fully_connected family's tests build their models with support/op_model.h; this adds
// running them under either matmul path and a thread count, and what only these tests check.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "runtime/interpreter.h"
#include "runtime/kernels/fully_connected/matmul_path.h"
#include "support/op_model.h"

namespace litelab::fc_test {

using namespace litelab::test;

// Output 0's bytes of `model` compiled under `path` (read when compiling; kFast is restored
// afterwards); failures become test failures and an empty result.
inline std::vector<uint8_t> run(const Model& model, const std::vector<Bytes>& inputs,
                                MatmulPath path = MatmulPath::kFast, int threads = 1) {
    set_matmul_path(path);
    auto out = run_as<uint8_t>(model, inputs, threads);
    set_matmul_path(MatmulPath::kFast);
    return out;
}

// The shape the compiler gives output 0.
inline std::vector<int32_t> output_shape(const Model& model) {
    auto compiled = Interpreter::compile(model);
    if (!compiled) {
        ADD_FAILURE() << compiled.error().message;
        return {};
    }
    return (*compiled)->output_info(0).shape;
}

inline void expect_contains(const std::string& text, const std::string& part) {
    EXPECT_NE(text.find(part), std::string::npos) << "\"" << text << "\" does not contain \"" << part << "\"";
}

}  // namespace litelab::fc_test
