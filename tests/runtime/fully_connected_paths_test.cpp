// The fast paths against the reference loops on random shapes and values: the same integers
// (int8 per tensor and per channel, uint8, 16x8, hybrid, BATCH_MATMUL of every type, constant
// and variable weights), floats within 1e-5 of the reference relative to the size of the
// products summed; and results independent of the number of threads.
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "fully_connected_test_helpers.h"

namespace litelab {
namespace {

using namespace fc_test;

int64_t elements(const std::vector<int32_t>& shape) {
    int64_t n = 1;
    for (int32_t d : shape) n *= d;
    return n;
}

// Random bytes for an operand of this type (integers over their whole range).
Bytes random_bytes(std::mt19937& rng, DType type, int64_t count) {
    const auto n = static_cast<size_t>(count);
    switch (type) {
        case DType::kFloat32: return bytes_of(random_values<float>(rng, n, -1, 1));
        case DType::kInt8: return bytes_of(random_values<int8_t>(rng, n, -128, 127));
        case DType::kUInt8: return bytes_of(random_values<uint8_t>(rng, n, 0, 255));
        case DType::kInt16: return bytes_of(random_values<int16_t>(rng, n, -32768, 32767));
        case DType::kInt32: return bytes_of(random_values<int32_t>(rng, n, -5000, 5000));
        case DType::kInt64: return bytes_of(random_values<int64_t>(rng, n, -500000, 500000));
        default: return {};
    }
}

struct Case {
    Model model;
    std::vector<Bytes> inputs;
    DType output = DType::kFloat32;
    int64_t depth = 1;
};

// Compares the fast path on two threads (and on one: the same bytes) with the reference.
void expect_paths_agree(const Case& c, const std::string& what) {
    const auto reference = run(c.model, c.inputs, MatmulPath::kReference, 1);
    const auto fast = run(c.model, c.inputs, MatmulPath::kFast, 2);
    const auto fast_one_thread = run(c.model, c.inputs, MatmulPath::kFast, 1);
    ASSERT_FALSE(reference.empty()) << what;
    EXPECT_EQ(fast, fast_one_thread) << what << ": the thread count changed the result";
    if (c.output != DType::kFloat32 || c.model.subgraphs[0].tensors[1].type != DType::kFloat32) {
        // Integers, and hybrid floats (the same float operations in the same order): identical.
        EXPECT_EQ(fast, reference) << what;
        return;
    }
    const auto r = values_of<float>(reference);
    const auto f = values_of<float>(fast);
    ASSERT_EQ(r.size(), f.size()) << what;
    // Values in [-1, 1): the sums are bounded by the depth; Eigen sums in another order.
    const double tolerance = 1e-5 * static_cast<double>(c.depth);
    for (size_t i = 0; i < r.size(); ++i) ASSERT_NEAR(f[i], r[i], tolerance) << what << " at " << i;
}

struct FcType {
    const char* name;
    DType input, weights, bias, output;
    bool per_channel;
    bool asymmetric = false;
};

Case random_fc(std::mt19937& rng, const FcType& t, bool constant_weights) {
    std::uniform_int_distribution<int32_t> dim(1, 70);
    const int32_t batch = dim(rng) % 9 + 1;
    const int32_t units = dim(rng);
    const int32_t depth = dim(rng) + 3;
    const bool keep = rng() % 2 == 0;
    const std::vector<int32_t> in_shape = keep ? std::vector<int32_t>{1, batch, depth} : std::vector<int32_t>{batch, depth};
    std::optional<Quantization> in_q, out_q, w_q;
    if (t.output != DType::kFloat32) {
        const int64_t zp = t.input == DType::kInt16 ? 0 : (t.input == DType::kUInt8 ? 120 : -3);
        in_q = quant(0.02f, zp);
        out_q = quant(0.05f * std::sqrt(static_cast<float>(depth)), t.output == DType::kInt16 ? 0 : zp + 7);
    }
    if (t.weights != DType::kFloat32) {
        if (t.per_channel) {
            std::vector<float> scales;
            for (int32_t u = 0; u < units; ++u) scales.push_back(0.004f + 0.0003f * static_cast<float>(u % 11));
            w_q = channel_quant(scales, 0);
        } else {
            w_q = quant(0.005f, t.weights == DType::kUInt8 ? 131 : (t.input == DType::kInt16 ? 0 : 2));
        }
    }
    Case c;
    c.output = t.output;
    c.depth = depth;
    const auto weights = random_bytes(rng, t.weights, int64_t{units} * depth);
    std::vector<Operand> inputs = {activation(t.input, in_shape, in_q)};
    inputs.push_back(constant_weights ? Operand{t.weights, {units, depth}, w_q, weights, false}
                                      : activation(t.weights, {units, depth}, w_q));
    const bool with_bias = rng() % 3 != 0;
    if (with_bias) {
        inputs.push_back(Operand{t.bias, {units}, std::nullopt, random_bytes(rng, t.bias, units), false});
    } else {
        inputs.push_back(omitted());
    }
    const auto fused = static_cast<tflite::ActivationFunctionType>(rng() % 4);  // NONE, RELU, RELU_N1_TO_1, RELU6
    c.model = single_op(tflite::BuiltinOperator_FULLY_CONNECTED, inputs, activation(t.output, {1}, out_q),
                        fc_options(fused, keep, t.asymmetric));
    c.inputs.push_back(random_bytes(rng, t.input, elements(in_shape)));
    if (!constant_weights) c.inputs.push_back(weights);
    return c;
}

TEST(FullyConnectedPaths, FastAgreesWithReference) {
    const FcType types[] = {
        {"float", DType::kFloat32, DType::kFloat32, DType::kFloat32, DType::kFloat32, false},
        {"int8", DType::kInt8, DType::kInt8, DType::kInt32, DType::kInt8, false},
        {"int8 per-channel", DType::kInt8, DType::kInt8, DType::kInt32, DType::kInt8, true},
        {"uint8", DType::kUInt8, DType::kUInt8, DType::kInt32, DType::kUInt8, false},
        {"16x8 int64 bias", DType::kInt16, DType::kInt8, DType::kInt64, DType::kInt16, false},
        {"16x8 int32 bias per-channel", DType::kInt16, DType::kInt8, DType::kInt32, DType::kInt16, true},
        {"hybrid", DType::kFloat32, DType::kInt8, DType::kFloat32, DType::kFloat32, false},
        {"hybrid per-channel", DType::kFloat32, DType::kInt8, DType::kFloat32, DType::kFloat32, true},
        {"hybrid asymmetric", DType::kFloat32, DType::kInt8, DType::kFloat32, DType::kFloat32, false, true},
        {"hybrid asymmetric per-channel", DType::kFloat32, DType::kInt8, DType::kFloat32, DType::kFloat32, true, true},
    };
    std::mt19937 rng(20261123);
    for (const FcType& t : types)
        for (int trial = 0; trial < 6; ++trial)
            expect_paths_agree(random_fc(rng, t, trial % 3 != 2), std::string("FULLY_CONNECTED ") + t.name + " #" +
                                                                      std::to_string(trial));
}

struct BmmType {
    const char* name;
    DType lhs, rhs, output;
    bool per_channel = false;
    bool asymmetric = false;
};

Case random_bmm(std::mt19937& rng, const BmmType& t, bool constant_rhs) {
    std::uniform_int_distribution<int32_t> dim(1, 40);
    const bool adj_x = rng() % 2 == 0;
    const bool adj_y = rng() % 2 == 0;
    const int32_t m = dim(rng), n = dim(rng), k = dim(rng);
    // Batch dimensions: LHS [2, 3] or [3] or none, RHS broadcast against it.
    const int shape_kind = static_cast<int>(rng() % 4);
    std::vector<int32_t> lhs_batch, rhs_batch;
    switch (shape_kind) {
        case 0: lhs_batch = {2, 3}; rhs_batch = {1, 3}; break;
        case 1: lhs_batch = {3}; rhs_batch = {}; break;
        case 2: lhs_batch = {2, 1}; rhs_batch = {2, 1, 3}; break;
        default: lhs_batch = {}; rhs_batch = {2}; break;
    }
    auto with = [](std::vector<int32_t> batch, int32_t a, int32_t b) {
        batch.push_back(a);
        batch.push_back(b);
        return batch;
    };
    const auto lhs_shape = adj_x ? with(lhs_batch, k, m) : with(lhs_batch, m, k);
    const auto rhs_shape = adj_y ? with(rhs_batch, n, k) : with(rhs_batch, k, n);
    std::optional<Quantization> lq, rq, oq;
    if (t.lhs != DType::kFloat32) {
        const bool wide = t.lhs == DType::kInt16;
        lq = quant(0.03f, wide ? 0 : 4);
        rq = quant(0.02f, wide ? 0 : -5);
        oq = quant(0.01f * static_cast<float>(k), wide ? 0 : 6);
    } else if (t.rhs == DType::kInt8) {
        if (t.per_channel) {
            std::vector<float> scales;
            for (int32_t j = 0; j < n; ++j) scales.push_back(0.004f + 0.0005f * static_cast<float>(j % 7));
            rq = channel_quant(scales, static_cast<int32_t>(rhs_shape.size()) - (adj_y ? 2 : 1));
        } else {
            rq = quant(0.006f, 0);
        }
    }
    Case c;
    c.output = t.output;
    c.depth = k;
    const auto rhs = random_bytes(rng, t.rhs, elements(rhs_shape));
    c.model = single_op(tflite::BuiltinOperator_BATCH_MATMUL,
                        {activation(t.lhs, lhs_shape, lq),
                         constant_rhs ? Operand{t.rhs, rhs_shape, rq, rhs, false} : activation(t.rhs, rhs_shape, rq)},
                        activation(t.output, {1}, oq), bmm_options(adj_x, adj_y, t.asymmetric));
    c.inputs.push_back(random_bytes(rng, t.lhs, elements(lhs_shape)));
    if (!constant_rhs) c.inputs.push_back(rhs);
    return c;
}

TEST(FullyConnectedPaths, BatchMatmulFastAgreesWithReference) {
    const BmmType types[] = {
        {"float", DType::kFloat32, DType::kFloat32, DType::kFloat32},
        {"int8", DType::kInt8, DType::kInt8, DType::kInt8},
        {"int8 to int32", DType::kInt8, DType::kInt8, DType::kInt32},
        {"int16", DType::kInt16, DType::kInt16, DType::kInt16},
        {"16x8", DType::kInt16, DType::kInt8, DType::kInt16},
        {"hybrid", DType::kFloat32, DType::kInt8, DType::kFloat32},
        {"hybrid per-channel asymmetric", DType::kFloat32, DType::kInt8, DType::kFloat32, true, true},
    };
    std::mt19937 rng(7);
    for (const BmmType& t : types)
        for (int trial = 0; trial < 6; ++trial)
            expect_paths_agree(random_bmm(rng, t, trial % 2 == 0),
                               std::string("BATCH_MATMUL ") + t.name + " #" + std::to_string(trial));
}

// Large enough to be split over threads: the float tiles make the sums the same on 1 and 2.
TEST(FullyConnectedPaths, LargeFloatIsThreadIndependent) {
    std::mt19937 rng(3);
    const FcType t{"float", DType::kFloat32, DType::kFloat32, DType::kFloat32, DType::kFloat32, false};
    Case c = random_fc(rng, t, true);
    const int32_t rows = 300, units = 600, depth = 257;
    c.model = single_op(tflite::BuiltinOperator_FULLY_CONNECTED,
                        {activation(DType::kFloat32, {rows, depth}),
                         constant(DType::kFloat32, {units, depth},
                                  random_values<float>(rng, static_cast<size_t>(units) * depth, -1, 1))},
                        activation(DType::kFloat32, {1}), fc_options());
    c.inputs = {bytes_of(random_values<float>(rng, static_cast<size_t>(rows) * depth, -1, 1))};
    c.depth = depth;
    expect_paths_agree(c, "large float");
}

}  // namespace
}  // namespace litelab
