// person_detect.tflite (int8 MobileNet-style, from tflite-micro) on its own test images: the
// BMP's 96x96 8-bit pixels, read top to bottom and reinterpreted as int8, score "person"
// (output index 1) 113 vs -113 for person.bmp and -60 vs 60 for no_person.bmp in LiteRT, Arm NN
// and the classic TFLite interpreter (see ../shared/models/README.md).
// Both are checked exactly: they are the end of 31 layers of requantization, and every layer's
// output equals LiteRT's (convolutions scale in float as XNNPACK does, conv_quant.h). With
// TFLite's reference double rounding no_person.bmp ended at 57 vs -57, with a fixed-point
// single rounding at 59 vs -59.
#include <gtest/gtest.h>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_BMP
#include <stb/stb_image.h>

#include <cstring>
#include <memory>

#include "runtime/interpreter.h"
#include "support/test_paths.h"
#include "tflite/reader.h"

namespace litelab {
namespace {

std::vector<int8_t> bmp_as_int8(const std::string& path) {
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load(path.c_str(), &width, &height, &channels, 1), stbi_image_free);
    EXPECT_TRUE(pixels) << path << ": " << stbi_failure_reason();
    if (!pixels) return {};
    EXPECT_EQ(width, 96);
    EXPECT_EQ(height, 96);
    std::vector<int8_t> data(static_cast<size_t>(width * height));
    std::memcpy(data.data(), pixels.get(), data.size());  // two's complement reinterpretation
    return data;
}

class PersonDetect : public ::testing::TestWithParam<int> {};

TEST_P(PersonDetect, ScoresTheGoldenImagesLikeTFLite) {
    const auto model_path = test::shared_model("tflite/person_detect.tflite");
    const auto person = test::shared_model("golden/person.bmp");
    const auto no_person = test::shared_model("golden/no_person.bmp");
    if (!model_path || !person || !no_person) GTEST_SKIP() << "../shared/models is absent";
    auto read = read_tflite_file(*model_path);
    ASSERT_TRUE(read) << read.error().message;
    CompileOptions options;
    options.threads = GetParam();
    auto interpreter = Interpreter::compile(read->model, options);
    ASSERT_TRUE(interpreter) << interpreter.error().message;
    ASSERT_EQ((*interpreter)->input_info(0).type, DType::kInt8);
    ASSERT_EQ((*interpreter)->output_info(0).elements(), 2);

    Execution execution(*interpreter);
    const struct {
        const std::string& image;
        int no_person_score, person_score;
    } goldens[] = {{*person, -113, 113}, {*no_person, 60, -60}};
    for (const auto& golden : goldens) {
        const std::vector<int8_t> pixels = bmp_as_int8(golden.image);
        ASSERT_EQ(pixels.size(), execution.input(0).size());
        std::memcpy(execution.input(0).data(), pixels.data(), pixels.size());
        ASSERT_TRUE(execution.run());
        const auto* scores = reinterpret_cast<const int8_t*>(execution.output(0).data());
        EXPECT_EQ(scores[0], golden.no_person_score) << golden.image;
        EXPECT_EQ(scores[1], golden.person_score) << golden.image;
    }
}

INSTANTIATE_TEST_SUITE_P(Threads, PersonDetect, ::testing::Values(1, 2));

}  // namespace
}  // namespace litelab
