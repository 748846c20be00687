// Reading then writing a model must give a file that decodes to the same Model.
#include <gtest/gtest.h>

#include <filesystem>

#include "model/demo_model.h"
#include "support/test_paths.h"
#include "tflite/reader.h"
#include "tflite/writer.h"

namespace litelab {
namespace {

const char* const kSharedModels[] = {"hello_world_float.tflite", "hello_world_int8.tflite",
                                     "micro_speech_quantized.tflite", "person_detect.tflite",
                                     "trained_lstm.tflite"};

Model reread(const std::vector<uint8_t>& bytes) {
    auto owned = std::make_shared<std::vector<uint8_t>>(bytes);
    auto read = read_tflite_bytes(*owned, owned, "round-trip");
    EXPECT_TRUE(read.ok()) << read.error().message;
    return read.ok() ? read->model : Model{};
}

class SharedModelRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(SharedModelRoundTrip, DecodesToTheSameModel) {
    const auto path = test::shared_model(std::string("tflite/") + GetParam());
    if (!path) GTEST_SKIP() << "../shared/models is absent";
    auto read = read_tflite_file(*path);
    ASSERT_TRUE(read.ok()) << read.error().message;
    auto bytes = serialize_tflite(read->model);
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    EXPECT_EQ(reread(*bytes), read->model);
    // Deterministic: the same model always gives the same bytes.
    EXPECT_EQ(*serialize_tflite(read->model), *bytes);
    // And writing the re-read model again changes nothing.
    EXPECT_EQ(*serialize_tflite(reread(*bytes)), *bytes);
}

TEST_P(SharedModelRoundTrip, ExternalBuffersDecodeToTheSameModel) {
    const auto path = test::shared_model(std::string("tflite/") + GetParam());
    if (!path) GTEST_SKIP() << "../shared/models is absent";
    auto read = read_tflite_file(*path);
    ASSERT_TRUE(read.ok());
    auto bytes = serialize_tflite(read->model, WriteOptions{.external_buffers = true});
    ASSERT_TRUE(bytes.ok());
    const Model back = reread(*bytes);
    EXPECT_EQ(back, read->model);
    for (const auto& buffer : back.buffers) {
        if (buffer.data.empty()) continue;
        EXPECT_GT(buffer.external_offset, 1u);
        EXPECT_EQ(buffer.external_offset % 16, 0u);
    }
}

INSTANTIATE_TEST_SUITE_P(Shared, SharedModelRoundTrip, ::testing::ValuesIn(kSharedModels));

TEST(RoundTrip, DemoModelThroughAFile) {
    const Model model = make_demo_model();
    const std::string dir = test::scratch_dir("round_trip_demo");
    const std::string path = dir + "/demo.tflite";
    ASSERT_TRUE(write_tflite_file(model, path).ok());
    auto read = read_tflite_file(path);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_TRUE(read->warnings.empty());
    EXPECT_EQ(read->model, model);
    // Only the target file is left behind: no temporary files.
    size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 1u);
}

TEST(RoundTrip, InlineBuffersAreSixteenByteAligned) {
    const Model model = make_demo_model();
    auto bytes = serialize_tflite(model);
    ASSERT_TRUE(bytes.ok());
    const auto* fb = tflite::GetModel(bytes->data());
    for (const auto* buffer : *fb->buffers()) {
        if (buffer->data() && buffer->data()->size() > 0) {
            EXPECT_EQ((buffer->data()->data() - bytes->data()) % 16, 0);
        }
    }
}

TEST(RoundTrip, WriteFailureLeavesNothingBehind) {
    const std::string dir = test::scratch_dir("round_trip_fail");
    auto status = write_tflite_file(make_demo_model(), dir + "/missing/sub/dir/out.tflite");
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find(dir + "/missing/sub/dir/out.tflite: cannot create file"), std::string::npos)
        << status.error().message;
}

}  // namespace
}  // namespace litelab

namespace litelab {
namespace {

TEST(RoundTrip, KeepsAConsistentDeprecatedBuiltinCode) {
    // Files from TFLite >= 2.3 may leave deprecated_builtin_code at 0 beside the full code.
    Model model = make_demo_model();
    for (auto& code : model.operator_codes) code.deprecated_builtin_code = 0;
    auto bytes = serialize_tflite(model);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(reread(*bytes), model);
    // A stored code that names another operator is replaced by the saturated one (127 for
    // operators past int8's range), which old readers understand as "look at builtin_code".
    model.operator_codes[0].builtin_code = tflite::BuiltinOperator_CUMSUM;
    model.operator_codes[0].deprecated_builtin_code = 5;
    const Model back = reread(*serialize_tflite(model));
    EXPECT_EQ(back.operator_codes[0].builtin_code, tflite::BuiltinOperator_CUMSUM);
    EXPECT_EQ(back.operator_codes[0].deprecated_builtin_code, 127);
}

}  // namespace
}  // namespace litelab
