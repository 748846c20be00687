// Bad ONNX input gives one line naming the file and the problem, never a crash: missing and
// corrupt files, truncated models, unknown operators (all listed at once), a too-new opset,
// inconsistent initializers, undefined inputs, computed weights, dynamic non-batch dimensions.
#include <gtest/gtest.h>

#include <onnx/onnx_pb.h>

#include <filesystem>
#include <fstream>

#include "import/onnx/onnx_import.h"
#include "import/onnx_model_maker.h"
#include "import/onnx_suite.h"
#include "support/test_paths.h"

namespace litelab::test {
namespace {

std::string write_file(const std::string& name, const std::string& bytes) {
    const std::string path = scratch_dir("onnx_errors") + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

struct ModelMaker : OnnxModelMaker {
    explicit ModelMaker(int64_t opset = 13, const std::vector<int64_t>& dims = {1, 3, 4, 4})
        : OnnxModelMaker(opset, dims) {}
    std::string save(const std::string& name) const { return OnnxModelMaker::save("onnx_errors", name); }
};

std::string error_of(const std::string& path) {
    auto r = import_onnx_file(path, {});
    EXPECT_FALSE(r.ok()) << path << " converted";
    if (r.ok()) return {};
    const std::string& m = r.error().message;
    EXPECT_EQ(m.rfind(path + ": ", 0), 0u) << "does not name the file: " << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << "more than one line: " << m;
    return m;
}

TEST(OnnxErrors, MissingAndCorruptFiles) {
    EXPECT_NE(error_of(scratch_dir("onnx_errors") + "/absent.onnx").find("absent.onnx"), std::string::npos);
    EXPECT_NE(
        error_of(write_file("garbage.onnx", std::string("\xff\xff\xff\xff garbage", 13))).find("not an ONNX model"),
        std::string::npos);
    ::onnx::ModelProto no_graph;
    no_graph.set_ir_version(7);
    EXPECT_NE(error_of(write_file("no_graph.onnx", no_graph.SerializeAsString())).find("no graph"), std::string::npos);
    EXPECT_NE(error_of(write_file("empty.onnx", "")).find("empty.onnx"), std::string::npos);
}

TEST(OnnxErrors, TruncatedModelsNeverCrash) {
    const auto root = onnx_suite_dir();
    if (!root) GTEST_SKIP() << "libonnx-testdata is not installed";
    std::ifstream in(*root + "/pytorch-converted/test_Conv2d/model.onnx", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GT(bytes.size(), 100u);
    for (size_t cut : {size_t{1}, size_t{10}, bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
        const std::string path = write_file("truncated_" + std::to_string(cut) + ".onnx", bytes.substr(0, cut));
        auto r = import_onnx_file(path, {});
        if (!r.ok()) {
            EXPECT_EQ(r.error().message.rfind(path + ": ", 0), 0u) << r.error().message;
        }
    }
}

TEST(OnnxErrors, UnsupportedOperatorsAreListedAllAtOnce) {
    ModelMaker m;
    m.node("NonZero", {"x"}, "a");
    m.node("Relu", {"a"}, "b");
    m.node("Einsum", {"b"}, "y");
    const std::string message = error_of(m.save("unsupported.onnx"));
    EXPECT_NE(message.find("unsupported operators: Einsum, NonZero"), std::string::npos) << message;
}

TEST(OnnxErrors, NewerOpsetsAreRefused) {
    ModelMaker m(18);
    m.node("Relu", {"x"}, "y");
    EXPECT_NE(error_of(m.save("opset18.onnx")).find("opset 18 is newer than LiteLab supports"), std::string::npos);
}

TEST(OnnxErrors, InitializerWithTooFewBytes) {
    ModelMaker m;
    auto* w = m.model.mutable_graph()->add_initializer();
    w->set_name("w");
    w->set_data_type(::onnx::TensorProto::FLOAT);
    for (int64_t d : {2, 3, 3, 3}) w->add_dims(d);
    w->set_raw_data(std::string(12, '\0'));
    m.node("Conv", {"x", "w"}, "y");
    const std::string message = error_of(m.save("short_initializer.onnx"));
    EXPECT_NE(message.find("initializer tensor 'w': 12 bytes of data for 54 elements"), std::string::npos) << message;
}

TEST(OnnxErrors, UndefinedInputsAndComputedWeights) {
    ModelMaker undefined;
    undefined.node("Add", {"x", "nowhere"}, "y");
    EXPECT_NE(error_of(undefined.save("undefined.onnx")).find("reads 'nowhere'"), std::string::npos);

    ModelMaker computed;
    computed.node("Relu", {"x"}, "w");
    auto* conv = computed.node("Conv", {"x", "w"}, "y");
    conv->set_name("conv1");
    const std::string message = error_of(computed.save("computed_weights.onnx"));
    EXPECT_NE(message.find("Conv 'conv1': the weights must be constant"), std::string::npos) << message;
}

TEST(OnnxErrors, OnlyTheBatchMayBeDynamic) {
    ModelMaker m(13, {1, 3, -1, 4});
    m.node("Relu", {"x"}, "y");
    EXPECT_NE(error_of(m.save("dynamic_height.onnx")).find("dynamic dimension 2"), std::string::npos);
}

TEST(OnnxErrors, ExternalDataIsRefused) {
    ModelMaker m;
    auto* w = m.model.mutable_graph()->add_initializer();
    w->set_name("w");
    w->set_data_type(::onnx::TensorProto::FLOAT);
    w->add_dims(1);
    w->set_data_location(::onnx::TensorProto::EXTERNAL);
    auto* e = w->add_external_data();
    e->set_key("location");
    e->set_value("weights.bin");
    m.node("Add", {"x", "w"}, "y");
    EXPECT_NE(error_of(m.save("external.onnx")).find("external file"), std::string::npos);
}

}  // namespace
}  // namespace litelab::test
