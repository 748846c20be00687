#include "model/graph.h"

#include <gtest/gtest.h>

#include "model/demo_model.h"

namespace litelab {
namespace {

TEST(Graph, ProducersAndConsumersOfTheDemoModel) {
    const Model model = make_demo_model();
    const Subgraph& s = model.subgraphs[0];
    const SubgraphIndex index(s);
    EXPECT_FALSE(index.producer(s.inputs[0]));
    EXPECT_EQ(index.consumers(s.inputs[0]), std::vector<size_t>{0});
    EXPECT_EQ(index.producer(s.outputs[0]), 4u);
    EXPECT_TRUE(index.consumers(s.outputs[0]).empty());
    EXPECT_TRUE(index.consumers(-1).empty());
    EXPECT_TRUE(index.consumers(10000).empty());
}

TEST(Graph, TopologicalOrderFollowsDependenciesNotStorage) {
    // Two ops stored in reverse: op 0 reads what op 1 writes.
    Subgraph s;
    s.tensors.resize(3);
    s.operators.resize(2);
    s.operators[0].inputs = {1};
    s.operators[0].outputs = {2};
    s.operators[1].inputs = {0};
    s.operators[1].outputs = {1};
    EXPECT_EQ(topological_order(s), (std::vector<size_t>{1, 0}));
    s.operators[1].inputs = {2};  // now a cycle
    EXPECT_FALSE(topological_order(s));
}

TEST(Graph, SizeStatsCountSharedBuffersOnce) {
    Model model = make_demo_model();
    // conv 8x3x3x1 + 8, dense 2x960 (24x5x8 pooled) + 2, reshape target 2 int32.
    SizeStats stats = size_stats(model);
    EXPECT_EQ(stats.parameter_count, 72u + 8u + 1920u + 2u + 2u);
    EXPECT_EQ(stats.bytes_by_dtype[DType::kFloat32], (72u + 8u + 1920u + 2u) * 4u);
    EXPECT_EQ(stats.bytes_by_dtype[DType::kInt32], 8u);
    model.subgraphs[0].tensors.push_back(model.subgraphs[0].tensors[1]);  // alias of conv kernel's buffer
    EXPECT_EQ(size_stats(model).parameter_count, stats.parameter_count);
}

TEST(Graph, ElementCountRejectsNegativeAndOverflow) {
    EXPECT_EQ(element_count({}), 1u);
    EXPECT_EQ(element_count({2, 0, 5}), 0u);
    EXPECT_FALSE(element_count({-1, 3}));
    EXPECT_FALSE(element_count({2147483647, 2147483647, 2147483647}));
}

TEST(Graph, OpHistogramNamesCustomOpsByTheirCode) {
    Model model = make_demo_model();
    auto histogram = op_histogram(model);
    EXPECT_EQ(histogram["CONV_2D"], 1u);
    EXPECT_EQ(histogram["SOFTMAX"], 1u);
    model.operator_codes[0].builtin_code = tflite::BuiltinOperator_CUSTOM;
    model.operator_codes[0].custom_code = "MyOp";
    EXPECT_EQ(op_histogram(model)["MyOp"], 1u);
}

}  // namespace
}  // namespace litelab
