// PyTorch's exact GELU pattern, x * 0.5 * (1 + erf(x / sqrt 2)), in both of its Mul orders,
// becomes one GELU operator whose outputs equal std::erf's GELU; a pattern broken by a second
// reader of an intermediate keeps the Erf composition (and computes the same).
#include <gtest/gtest.h>

#include <cmath>

#include "import/onnx/onnx_import.h"
#include "import/onnx_model_maker.h"
#include "run/run_model.h"

namespace litelab::test {
namespace {

enum class Variant { kHalfLast, kHalfFirst, kBroken };

OnnxModelMaker gelu_model(Variant v) {
    OnnxModelMaker m(13, {2, 50});
    m.floats("root2", {}, {1.41421356f});
    m.floats("one", {}, {1.0f});
    m.floats("half", {}, {0.5f});
    m.node("Div", {"x", "root2"}, "scaled");
    m.node("Erf", {"scaled"}, "e");
    m.node("Add", {"e", "one"}, "one_plus");
    if (v == Variant::kHalfFirst) {
        m.node("Mul", {"x", "half"}, "x_half");
        m.node("Mul", {"x_half", "one_plus"}, "y");
    } else if (v == Variant::kHalfLast) {
        m.node("Mul", {"x", "one_plus"}, "prod");
        m.node("Mul", {"prod", "half"}, "y");
    } else {
        // The Erf's output is read twice: not a GELU any more.
        m.node("Mul", {"x", "one_plus"}, "prod");
        m.node("Mul", {"prod", "half"}, "g");
        m.node("Add", {"g", "e"}, "y");
    }
    return m;
}

int count_ops(const Model& model, tflite::BuiltinOperator code) {
    int n = 0;
    for (const auto& op : model.subgraphs[0].operators) n += model.opcode(op).builtin_code == code ? 1 : 0;
    return n;
}

std::vector<float> run(const Model& model, const std::vector<float>& x) {
    auto r = run_model(model, {NdArray::from<float>({2, 50}, x)}, RunOptions{});
    EXPECT_TRUE(r) << r.error().message;
    if (!r) return {};
    const auto v = r->outputs[0].values<float>();
    return {v.begin(), v.end()};
}

TEST(OnnxGelu, BothMulOrdersBecomeOneGelu) {
    std::vector<float> x;
    for (int i = 0; i < 100; ++i) x.push_back(-5.0f + 0.1f * static_cast<float>(i));
    for (Variant v : {Variant::kHalfLast, Variant::kHalfFirst}) {
        auto imported =
            import_onnx_file(gelu_model(v).save("onnx_gelu", v == Variant::kHalfLast ? "last.onnx" : "first.onnx"), {});
        ASSERT_TRUE(imported) << imported.error().message;
        const Model& model = imported->model;
        EXPECT_EQ(model.subgraphs[0].operators.size(), 1u);
        EXPECT_EQ(count_ops(model, tflite::BuiltinOperator_GELU), 1);
        const auto y = run(model, x);
        ASSERT_EQ(y.size(), x.size());
        for (size_t i = 0; i < x.size(); ++i) {
            const double ref = 0.5 * x[i] * (1.0 + std::erf(x[i] / std::sqrt(2.0)));
            EXPECT_NEAR(y[i], ref, 1e-6 + 1e-5 * std::fabs(ref)) << "x = " << x[i];
        }
    }
}

TEST(OnnxGelu, ABrokenPatternKeepsTheErfComposition) {
    auto imported = import_onnx_file(gelu_model(Variant::kBroken).save("onnx_gelu", "broken.onnx"), {});
    ASSERT_TRUE(imported) << imported.error().message;
    EXPECT_EQ(count_ops(imported->model, tflite::BuiltinOperator_GELU), 0);
    std::vector<float> x;
    for (int i = 0; i < 100; ++i) x.push_back(-3.0f + 0.06f * static_cast<float>(i));
    const auto y = run(imported->model, x);
    ASSERT_EQ(y.size(), x.size());
    for (size_t i = 0; i < x.size(); ++i) {
        const double e = std::erf(x[i] / std::sqrt(2.0));
        const double ref = 0.5 * x[i] * (1.0 + e) + e;
        EXPECT_NEAR(y[i], ref, 1e-6 + 1e-5 * std::fabs(ref)) << "x = " << x[i];
    }
}

}  // namespace
}  // namespace litelab::test
