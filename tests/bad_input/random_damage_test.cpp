// Bad input: random bytes and randomly damaged models (fixed seeds, so failures reproduce).
#include "bad_input_support.h"

namespace litelab::bad_input {
namespace {

// ---------------------------------------------------------------------------------------------
// Random bytes and random damage (fixed seeds: failures reproduce)

TEST_F(BadInput, RandomBytesThroughTheCli) {
    std::mt19937 rng(20240611);
    const std::string file = path("random.tflite");
    std::vector<std::string> failures;
    for (int i = 0; i < 300 && failures.size() < 10; ++i) {
        Bytes8 bytes(std::uniform_int_distribution<size_t>(0, 4096)(rng));
        for (auto& b : bytes) b = static_cast<uint8_t>(rng());
        // A third carry the identifier and a small root offset, to get past the first checks.
        if (i % 3 != 0 && bytes.size() >= 8) std::memcpy(bytes.data() + 4, "TFL3", 4);
        if (i % 3 == 2 && bytes.size() >= 8) {
            const uint32_t root = 8 + 4 * (rng() % 8);
            std::memcpy(bytes.data(), &root, 4);  // little-endian hosts only, as flatbuffers here
        }
        write_bytes(file, bytes);
        const Refusal r = check_refused(file, "", dir_);
        if (!r.problem.empty()) failures.push_back("case " + std::to_string(i) + ": " + r.problem);
    }
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

TEST_F(BadInput, RandomBytesThroughTheReader) {
    std::mt19937 rng(7);
    std::vector<std::string> failures;
    for (int i = 0; i < 20000 && failures.size() < 10; ++i) {
        Bytes8 bytes(std::uniform_int_distribution<size_t>(0, 512)(rng));
        for (auto& b : bytes) b = static_cast<uint8_t>(rng());
        if (i % 2 == 0 && bytes.size() >= 8) std::memcpy(bytes.data() + 4, "TFL3", 4);
        if (auto p = reader_refusal_problem(bytes, "random"); !p.empty())
            failures.push_back("case " + std::to_string(i) + ": " + p);
    }
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

// A few bytes of a valid model overwritten: the result may be readable (the damage hit a
// weight) or not, but it is never a crash, and a refusal keeps to the contract.
TEST_F(BadInput, DamagedDemoModelsThroughTheReader) {
    const Bytes8 original = serialized(demo());
    std::mt19937 rng(99);
    std::vector<std::string> failures;
    size_t accepted = 0;
    for (int i = 0; i < 3000 && failures.size() < 10; ++i) {
        Bytes8 bytes = original;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const size_t at = 8 + rng() % (bytes.size() - 8);
            bytes[at] = static_cast<uint8_t>(rng());
        }
        auto owned = std::make_shared<const Bytes8>(std::move(bytes));
        const auto read = read_tflite_bytes({owned->data(), owned->size()}, owned, "damaged");
        if (read.ok()) {
            ++accepted;
            if (auto p = isolated([&] { return exercise_accepted(*read, "damaged"); }); !p.empty())
                failures.push_back("case " + std::to_string(i) + ": " + p);
        } else if (read.error().message.find('\n') != std::string::npos) {
            failures.push_back("case " + std::to_string(i) + ": not one line: " + visible(read.error().message));
        }
    }
    std::printf("%zu of 3000 damaged models were readable\n", accepted);
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

TEST_F(BadInput, DamagedDemoModelsThroughTheCli) {
    const Bytes8 original = cli_demo_model();
    std::mt19937 rng(4242);
    const std::string file = path("damaged.tflite");
    const std::string out = path("damaged_out.tflite");
    std::vector<std::string> failures;
    for (int i = 0; i < 200 && failures.size() < 10; ++i) {
        Bytes8 bytes = original;
        for (int e = 0; e < 3; ++e) bytes[8 + rng() % (bytes.size() - 8)] = static_cast<uint8_t>(rng());
        write_bytes(file, bytes);
        const auto inspect = test::run_process({test::cli_path(), "inspect", file}, kProcessTimeout);
        const std::string where = "case " + std::to_string(i) + ": ";
        if (inspect.exit_code == 1) {
            if (auto p = error_line_problem(inspect, file, ""); !p.empty()) failures.push_back(where + p);
        } else if (inspect.exit_code != 0) {
            failures.push_back(where + "inspect " + exit_text(inspect.exit_code));
        }
        fs::remove(out);
        const auto convert = test::run_process({test::cli_path(), "convert", file, "-o", out}, kProcessTimeout);
        if (convert.exit_code != 0 && convert.exit_code != 1)
            failures.push_back(where + "convert " + exit_text(convert.exit_code));
        if (convert.exit_code == 1 && fs::exists(out)) failures.push_back(where + "convert failed but wrote output");
        if (!leftover_temp_files(out).empty()) failures.push_back(where + "convert left a temporary file");
    }
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

}  // namespace
}  // namespace litelab::bad_input
