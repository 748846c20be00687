// Bad input: regression files that once crashed LiteLab, and writes that fail.
#include "bad_input_support.h"

namespace litelab::bad_input {
namespace {

// ---------------------------------------------------------------------------------------------
// Regressions: inputs in tests/data/bad_input that once crashed or misled LiteLab (see its
// README). Each is read or refused cleanly, in-process and through every CLI command.

TEST_F(BadInput, Regressions) {
    const fs::path data = test::test_data("bad_input");
    ASSERT_TRUE(fs::is_directory(data)) << data;
    std::vector<std::string> failures;
    size_t count = 0;
    for (const auto& entry : fs::directory_iterator(data)) {
        if (entry.path().extension() != ".tflite") continue;
        ++count;
        const std::string file = entry.path().string();
        const std::string name = entry.path().filename().string();
        const std::string in_process = isolated([&]() -> std::string {
            const auto read = read_tflite_file(file);
            if (read.ok()) return exercise_accepted(*read, name);
            return read.error().message.find('\n') == std::string::npos ? "" : "the error is not one line";
        });
        if (!in_process.empty()) failures.push_back(name + ": " + in_process);
        for (const char* format : {"--quant", "--json", "--summary"}) {
            const auto r = test::run_process({test::cli_path(), "inspect", file, format}, kProcessTimeout);
            if (r.exit_code == 1) {
                if (auto p = error_line_problem(r, file, ""); !p.empty())
                    failures.push_back(name + ": inspect " + format + ": " + p);
            } else if (r.exit_code != 0) {
                failures.push_back(name + ": inspect " + format + ": " + exit_text(r.exit_code) + "; " +
                                   visible(r.err));
            }
        }
        const std::string out = path(name);
        const auto convert = test::run_process({test::cli_path(), "convert", file, "-o", out}, kProcessTimeout);
        if (convert.exit_code == 0) {
            // A rewrite of a rewrite changes nothing.
            const auto again = test::run_process({test::cli_path(), "convert", out, "-o", out + "2"}, kProcessTimeout);
            if (again.exit_code != 0 || read_bytes(out) != read_bytes(out + "2"))
                failures.push_back(name + ": converting the converted file changes it " + visible(again.err));
        } else if (convert.exit_code != 1) {
            failures.push_back(name + ": convert: " + exit_text(convert.exit_code) + "; " + visible(convert.err));
        }
    }
    EXPECT_GT(count, 0u);
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

// ---------------------------------------------------------------------------------------------
// Writing: a failed write leaves nothing behind

TEST_F(BadInput, ConvertIntoMissingDirectoryFails) {
    const std::string source = file_with("good.tflite", cli_demo_model());
    const std::string out = path("no_such_dir/out.tflite");
    const auto r = test::run_process({test::cli_path(), "convert", source, "-o", out}, kProcessTimeout);
    EXPECT_EQ(error_line_problem(r, out, "No such file or directory"), "");
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(BadInput, ConvertOverADirectoryFailsWithoutLeftovers) {
    const std::string source = file_with("good.tflite", cli_demo_model());
    const std::string out = path("taken");
    fs::create_directories(out);
    const auto r = test::run_process({test::cli_path(), "convert", source, "-o", out}, kProcessTimeout);
    EXPECT_EQ(error_line_problem(r, out, ""), "");
    EXPECT_TRUE(fs::is_directory(out));
    EXPECT_TRUE(leftover_temp_files(out).empty());
}

// ---------------------------------------------------------------------------------------------
// Usage errors: exit code 2, nothing on stdout

TEST_F(BadInput, UsageErrorsExitWithTwo) {
    const std::string model = file_with("good.tflite", cli_demo_model());
    const std::string out = path("out.tflite");
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"frobnicate", model},
        {"inspect"},
        {"inspect", model, model},
        {"inspect", "--bogus", model},
        {"inspect", model, "--json", "--summary"},
        {"inspect", model, "--json=yes"},
        {"convert", model},
        {"convert", model, "-o"},
        {"convert", "-o", out},
        {"convert", model, "-o", out, "--output", out},
        {"convert", model, "-o", out, "--unknown"},
        {"demo-model"},
        {"demo-model", "extra", "-o", out},
    };
    for (const auto& args : cases) {
        std::vector<std::string> argv = {test::cli_path()};
        argv.insert(argv.end(), args.begin(), args.end());
        std::string shown;
        for (const auto& a : args) shown += " " + a;
        const auto r = test::run_process(argv, kProcessTimeout);
        EXPECT_EQ(r.exit_code, 2) << "litelab" << shown << "\nstderr: " << visible(r.err);
        EXPECT_EQ(r.out, "") << "litelab" << shown;
        EXPECT_FALSE(r.err.empty()) << "litelab" << shown;
        if (!args.empty()) {
            EXPECT_EQ(r.err.rfind("litelab: ", 0), 0u) << "litelab" << shown << ": " << visible(r.err);
        }
        EXPECT_FALSE(fs::exists(out)) << "litelab" << shown << " wrote " << out;
        EXPECT_TRUE(leftover_temp_files(out).empty()) << "litelab" << shown;
    }
}

}  // namespace
}  // namespace litelab::bad_input
