// Layout decisions of the ONNX importer on a small CNN (Conv -> Relu -> MaxPool -> Flatten ->
// Gemm): no TRANSPOSE inside the graph (the Flatten's channels-last order goes into the Gemm's
// weights), one at the input edge with --io-layout source, none with nhwc; the results equal
// the same network with an Identity that forces the plain path (ONNX's order, checked against
// the suites); and a symbolic batch runs several rows at once as it runs them one by one.
#include <gtest/gtest.h>

#include <random>

#include "import/onnx/onnx_import.h"
#include "import/onnx_model_maker.h"
#include "run/run_model.h"

namespace litelab::test {
namespace {

// x [batch, 3, 6, 6] -> Conv 4x3x3x3 (pads 1) -> Relu -> MaxPool 2x2 -> Flatten -> Gemm 5.
OnnxModelMaker small_cnn(int64_t batch, bool identity_before_gemm) {
    OnnxModelMaker m(13, {batch, 3, 6, 6});
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(-1, 1);
    auto values = [&](size_t n) {
        std::vector<float> v(n);
        for (float& f : v) f = u(rng);
        return v;
    };
    m.floats("w", {4, 3, 3, 3}, values(4 * 3 * 3 * 3));
    m.floats("b", {4}, values(4));
    m.floats("fc_w", {5, 36}, values(5 * 36));
    m.floats("fc_b", {5}, values(5));
    auto* conv = m.node("Conv", {"x", "w", "b"}, "c");
    OnnxModelMaker::ints(conv, "pads", {1, 1, 1, 1});
    m.node("Relu", {"c"}, "r");
    auto* pool = m.node("MaxPool", {"r"}, "p");
    OnnxModelMaker::ints(pool, "kernel_shape", {2, 2});
    OnnxModelMaker::ints(pool, "strides", {2, 2});
    m.node("Flatten", {"p"}, "f");
    std::string a = "f";
    if (identity_before_gemm) {
        m.node("Identity", {"f"}, "f2");
        a = "f2";
    }
    auto* gemm = m.node("Gemm", {a, "fc_w", "fc_b"}, "y");
    OnnxModelMaker::integer(gemm, "transB", 1);
    return m;
}

int count_ops(const Model& model, tflite::BuiltinOperator code) {
    int n = 0;
    for (const auto& op : model.subgraphs[0].operators) n += model.opcode(op).builtin_code == code ? 1 : 0;
    return n;
}

NdArray random_input(int64_t batch) {
    std::mt19937 rng(9);
    std::uniform_real_distribution<float> u(-1, 1);
    std::vector<float> v(static_cast<size_t>(batch * 3 * 6 * 6));
    for (float& f : v) f = u(rng);
    return NdArray::from<float>({batch, 3, 6, 6}, v);
}

std::vector<float> run(const Model& model, const NdArray& input) {
    auto r = run_model(model, {input}, RunOptions{});
    EXPECT_TRUE(r) << r.error().message;
    if (!r) return {};
    const auto v = r->outputs[0].values<float>();
    return {v.begin(), v.end()};
}

TEST(OnnxLayout, FlattenBeforeGemmNeedsNoTranspose) {
    auto folded = import_onnx_file(small_cnn(1, false).save("onnx_layout", "cnn.onnx"), {});
    auto plain = import_onnx_file(small_cnn(1, true).save("onnx_layout", "cnn_identity.onnx"), {});
    ASSERT_TRUE(folded) << folded.error().message;
    ASSERT_TRUE(plain) << plain.error().message;
    // One TRANSPOSE at the input edge; the plain path needs a second one before the Flatten.
    EXPECT_EQ(count_ops(folded->model, tflite::BuiltinOperator_TRANSPOSE), 1);
    EXPECT_EQ(count_ops(plain->model, tflite::BuiltinOperator_TRANSPOSE), 2);
    EXPECT_EQ(count_ops(folded->model, tflite::BuiltinOperator_RELU), 0) << "Relu is fused into CONV_2D";
    const NdArray x = random_input(1);
    const auto a = run(folded->model, x), b = run(plain->model, x);
    ASSERT_EQ(a.size(), 5u);
    ASSERT_EQ(b.size(), 5u);
    for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-5) << i;
}

TEST(OnnxLayout, ChannelsLastIoHasNoTransposeAtAll) {
    ImportOptions options;
    options.io_layout = IoLayout::kNhwc;
    auto imported = import_onnx_file(small_cnn(1, false).save("onnx_layout", "cnn_nhwc.onnx"), options);
    ASSERT_TRUE(imported) << imported.error().message;
    EXPECT_EQ(count_ops(imported->model, tflite::BuiltinOperator_TRANSPOSE), 0);
    const auto& g = imported->model.subgraphs[0];
    EXPECT_EQ(g.tensors[static_cast<size_t>(g.inputs[0])].shape, (std::vector<int32_t>{1, 6, 6, 3}));
}

TEST(OnnxLayout, SymbolicBatchRunsManyRowsAtOnce) {
    ImportOptions options;
    options.batch = 4;
    auto imported = import_onnx_file(small_cnn(-1, false).save("onnx_layout", "cnn_dynamic.onnx"), options);
    ASSERT_TRUE(imported) << imported.error().message;
    const auto& input =
        imported->model.subgraphs[0].tensors[static_cast<size_t>(imported->model.subgraphs[0].inputs[0])];
    EXPECT_EQ(input.shape, (std::vector<int32_t>{4, 3, 6, 6}));
    ASSERT_TRUE(input.shape_signature);
    EXPECT_EQ(*input.shape_signature, (std::vector<int32_t>{-1, 3, 6, 6}));
    // Three rows at once (a batch the file does not store) equal each row alone.
    const NdArray x = random_input(3);
    const auto all = run(imported->model, x);
    ASSERT_EQ(all.size(), 15u);
    for (int64_t row = 0; row < 3; ++row) {
        const auto v = x.values<float>();
        const size_t per_row = 3 * 6 * 6;
        const NdArray one = NdArray::from<float>({1, 3, 6, 6}, v.subspan(static_cast<size_t>(row) * per_row, per_row));
        const auto single = run(imported->model, one);
        ASSERT_EQ(single.size(), 5u);
        for (size_t i = 0; i < 5; ++i) EXPECT_NEAR(all[static_cast<size_t>(row) * 5 + i], single[i], 1e-5);
    }
}

}  // namespace
}  // namespace litelab::test
