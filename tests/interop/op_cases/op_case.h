// Single-operator (or few-operator) models that prove a kernel against the independent
// runtimes: op_interop_test builds each case, runs it in LiteLab and in every peer runtime in
// ../shared/oracles on the same inputs, and compares.
//
// Each kernel family contributes a function returning its cases (declared below, defined in
// <family>_cases.cpp). Build models with litelab::ModelBuilder (model/builder.h).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/model.h"

namespace litelab::test {

struct OpCase {
    std::string name;  // unique, file-name safe: "ADD_int8_broadcast"
    Model model;
    // Random inputs, drawn per input dtype: floats uniform in [low, high); int8/uint8/int16 over
    // their full range unless int_low/int_high narrow it; int32/int64 in [int_low, int_high];
    // bool 0/1.
    float low = -1.0f;
    float high = 1.0f;
    std::optional<int64_t> int_low;
    std::optional<int64_t> int_high;
    // Float outputs: |ours - peer| <= atol + rtol * |peer|.
    double atol = 1e-6;
    double rtol = 1e-5;
    // Integer outputs: at least this fraction exactly equal, and every element within max_int_diff.
    double exact_fraction = 0.99;
    int max_int_diff = 1;
    // Peers known to compute this case wrongly, with the reason (e.g. Arm NN's quantized PAD):
    // they still run and their result is printed, but it does not decide the test.
    std::vector<std::pair<std::string, std::string>> unreliable_peers;
    // Set when no peer can run this case (with the reason): the test then only checks that
    // LiteLab runs it, and says so.
    std::optional<std::string> no_peer_reason;
};

std::vector<OpCase> elementwise_op_cases();
std::vector<OpCase> activation_op_cases();
std::vector<OpCase> quantize_op_cases();
std::vector<OpCase> conv_op_cases();
std::vector<OpCase> fully_connected_op_cases();
std::vector<OpCase> pooling_op_cases();
std::vector<OpCase> reduce_op_cases();
std::vector<OpCase> softmax_op_cases();
std::vector<OpCase> shape_op_cases();
std::vector<OpCase> layout_op_cases();
std::vector<OpCase> recurrent_op_cases();
std::vector<OpCase> control_flow_op_cases();

}  // namespace litelab::test
