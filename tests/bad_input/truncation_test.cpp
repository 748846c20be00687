// Bad input: cut-off models, through the reader and the CLI.
#include "bad_input_support.h"

namespace litelab::bad_input {
namespace {

// ---------------------------------------------------------------------------------------------
// Truncations: every prefix of the demo model, through the CLI in chunks (one CTest test
// each, to keep within the timeout) and in-process.

// Every prefix goes through the reader in-process (EveryPrefixIsRefusedByTheReader); through the
// CLI, where each case costs two processes (slow under ASan), a spread of lengths: every cut in
// the header, then a prime stride across the file, then the last bytes.
std::vector<size_t> cli_truncation_lengths(size_t size) {
    std::vector<size_t> lengths;
    for (size_t n = 0; n < std::min<size_t>(size, 64); ++n) lengths.push_back(n);
    for (size_t n = 64; n < size; n += 61) lengths.push_back(n);
    for (size_t n = size > 8 ? size - 8 : 0; n < size; ++n) lengths.push_back(n);
    return lengths;
}

void expect_cli_refuses_truncations(const Bytes8& full, const std::string& dir) {
    const std::string file = (fs::path(dir) / "truncated.tflite").string();
    std::vector<std::string> failures;
    std::map<std::string, size_t> problems;  // problem text -> count, for the log
    for (size_t length : cli_truncation_lengths(full.size())) {
        write_bytes(file, {full.data(), length});
        const Refusal r = check_refused(file, "", dir, /*with_reader=*/false);
        if (!r.problem.empty()) failures.push_back(std::to_string(length) + " bytes: " + r.problem);
        else ++problems[r.line.substr(0, r.line.find(" ("))];
        if (failures.size() >= 10) break;
    }
    for (const auto& [text, count] : problems) std::printf("%6zu x %s\n", count, text.c_str());
    EXPECT_TRUE(failures.empty()) << failures.size() << " truncations misbehaved:" << listed(failures);
}

TEST(BadInputTruncation, DemoModelThroughTheCli) {
    const std::string dir = test::scratch_dir("bad_input/truncation_demo");
    const std::string source = (fs::path(dir) / "demo.tflite").string();
    const auto made = test::run_process({test::cli_path(), "demo-model", "-o", source}, kProcessTimeout);
    ASSERT_EQ(made.exit_code, 0) << made.err;
    const Bytes8 full = read_bytes(source);
    ASSERT_GT(full.size(), 1000u);
    expect_cli_refuses_truncations(full, dir);
}

TEST_F(BadInput, EveryPrefixIsRefusedByTheReader) {
    const Model model = demo();
    for (const bool external : {false, true}) {
        const Bytes8 full = serialized(model, external);
        ASSERT_FALSE(full.empty());
        std::vector<std::string> failures;
        for (size_t length = 0; length < full.size() && failures.size() < 10; ++length)
            if (auto p = reader_refusal_problem({full.data(), length}, "demo"); !p.empty())
                failures.push_back(std::to_string(length) + ": " + p);
        EXPECT_TRUE(failures.empty()) << (external ? "external buffers, " : "") << "failures:" << listed(failures);
    }
}

// External buffers sit after the flatbuffer: a cut there leaves a valid flatbuffer whose
// buffers lie outside the file.
TEST_F(BadInput, TruncatedExternalBuffersAreOutsideTheFile) {
    const std::string source = path("external.tflite");
    write_bytes(source, cli_demo_model());
    const auto made =
        test::run_process({test::cli_path(), "convert", source, "-o", source + ".ext", "--external-buffers"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    const Bytes8 full = read_bytes(source + ".ext");
    ASSERT_FALSE(full.empty());
    expect_refused(file_with("cut.tflite", {full.data(), full.size() - 1}), "lies outside the file");
}

TEST_F(BadInput, PrefixesOfSharedModels) {
    bool any = false;
    for (const char* name : {"hello_world_int8.tflite", "hello_world_float.tflite", "micro_speech_quantized.tflite",
                             "trained_lstm.tflite", "person_detect.tflite"}) {
        const auto shared = test::shared_model(std::string("tflite/") + name);
        if (!shared) continue;
        any = true;
        const Bytes8 full = read_bytes(*shared);
        ASSERT_FALSE(full.empty()) << *shared;
        // Every length in-process; the big model at a stride to bound the time.
        const size_t stride = full.size() > 65536 ? 97 : 1;
        std::vector<std::string> failures;
        for (size_t length = 0; length < full.size() && failures.size() < 10; length += stride)
            if (auto p = reader_refusal_problem({full.data(), length}, name); !p.empty())
                failures.push_back(std::to_string(length) + ": " + p);
        EXPECT_TRUE(failures.empty()) << name << ", failures:" << listed(failures);
    }
    if (!any) GTEST_SKIP() << "../shared/models/tflite is absent";
}

// hello_world_int8 is small enough to cut at every length through the CLI as well.
TEST(BadInputTruncation, HelloWorldThroughTheCli) {
    const auto shared = test::shared_model("tflite/hello_world_int8.tflite");
    if (!shared) GTEST_SKIP() << "../shared/models/tflite/hello_world_int8.tflite is absent";
    expect_cli_refuses_truncations(read_bytes(*shared), test::scratch_dir("bad_input/truncation_hello"));
}

}  // namespace
}  // namespace litelab::bad_input
