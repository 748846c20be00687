// `litelab featurize` against an independent NumPy computation of the same MFCC definition
// (tests/audio/mfcc_reference.py: float64, NumPy's FFT, Python's wave module), on sound files
// the script writes (8/16/24-bit, stereo, shorter and longer than a second) and on the golden
// clips of ../shared; and its one-line errors.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "audio/mfcc.h"
#include "npy/npz.h"
#include "support/process.h"
#include "support/test_paths.h"

namespace litelab {
namespace {

test::ProcessResult litelab(std::vector<std::string> args) {
    args.insert(args.begin(), test::cli_path());
    return test::run_process(args, 60);
}

test::ProcessResult reference(std::vector<std::string> args) {
    args.insert(args.begin(), {test::python(), LITELAB_MFCC_REFERENCE});
    return test::run_process(args, 120);
}

// The script's sound files, written once per test run.
const std::string& wav_dir() {
    static const std::string dir = [] {
        const std::string d = test::scratch_dir("featurize_wavs");
        const auto made = reference({"--make-wavs", d});
        EXPECT_EQ(made.exit_code, 0) << made.err;
        return d;
    }();
    return dir;
}

TEST(Featurize, MatchesTheNumpyReference) {
    std::vector<std::string> wavs;
    for (const char* name :
         {"chirp_16bit.wav", "chirp_24bit.wav", "chirp_8bit.wav", "short_stereo.wav", "long_noise.wav"})
        wavs.push_back(wav_dir() + "/" + name);
    for (const char* golden : {"golden/yes_30ms.wav", "golden/no_30ms.wav"})
        if (const auto path = test::shared_model(golden)) wavs.push_back(*path);

    const std::string dir = test::scratch_dir("featurize_compare");
    std::vector<std::string> ours_args{"featurize"};
    ours_args.insert(ours_args.end(), wavs.begin(), wavs.end());
    ours_args.insert(ours_args.end(), {"-o", dir + "/ours.npz"});
    const auto ours_run = litelab(ours_args);
    ASSERT_EQ(ours_run.exit_code, 0) << ours_run.err;
    std::vector<std::string> ref_args{dir + "/reference.npz"};
    ref_args.insert(ref_args.end(), wavs.begin(), wavs.end());
    const auto ref_run = reference(ref_args);
    ASSERT_EQ(ref_run.exit_code, 0) << ref_run.err;

    auto ours = read_npz_file(dir + "/ours.npz");
    auto ref = read_npz_file(dir + "/reference.npz");
    ASSERT_TRUE(ours.ok() && ref.ok());
    const NdArray* x = find(*ours, "x");
    const NdArray* expected = find(*ref, "x");
    ASSERT_TRUE(x && expected);
    ASSERT_EQ(x->dtype, DType::kFloat32);
    const auto files = static_cast<int64_t>(wavs.size());
    ASSERT_EQ(x->shape, (std::vector<int64_t>{files, 50, 13, 1}));
    ASSERT_EQ(expected->shape, x->shape);
    const auto a = x->values<float>();
    const auto b = expected->values<double>();
    double worst = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        const double diff = std::abs(double{a[i]} - b[i]);
        worst = std::max(worst, diff);
        ASSERT_LE(diff, 1e-3 + 1e-4 * std::abs(b[i])) << wavs[i / (50 * 13)] << " frame " << (i / 13) % 50
                                                      << " coefficient " << i % 13 << ": " << a[i] << " vs " << b[i];
    }
    std::cout << wavs.size() << " files, max |litelab - numpy| = " << worst << "\n";
}

TEST(Featurize, SilenceGivesTheLogFloorInTheFirstCoefficientOnly) {
    // Hand-checked: every band energy is 0, so each log is ln(1e-6); the orthonormal DCT of a
    // constant c over 40 bands is c * sqrt(40) in coefficient 0 and 0 elsewhere.
    const MfccExtractor extractor{MfccOptions{}};
    const std::vector<float> silence(16000, 0.0f);
    const std::vector<float> out = extractor.compute(silence);
    ASSERT_EQ(out.size(), 50u * 13u);
    const double expected = std::log(1e-6) * std::sqrt(40.0);
    for (size_t i = 0; i < out.size(); ++i) {
        if (i % 13 == 0)
            EXPECT_NEAR(out[i], expected, 1e-3);
        else
            EXPECT_NEAR(out[i], 0.0, 1e-4);
    }
}

TEST(Featurize, OptionsAreChecked) {
    MfccOptions o;
    EXPECT_TRUE(check_mfcc_options(o).ok());
    o.window = 1024;  // wider than the FFT
    EXPECT_FALSE(check_mfcc_options(o).ok());
    o = {};
    o.high_hz = 9000;  // above Nyquist
    EXPECT_FALSE(check_mfcc_options(o).ok());
    o = {};
    o.coefficients = 41;
    EXPECT_FALSE(check_mfcc_options(o).ok());
}

void expect_refused(const test::ProcessResult& run, const std::string& path, const std::string& out,
                    const std::string& problem) {
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(run.err.rfind("litelab: " + path + ": ", 0), 0u) << run.err;
    EXPECT_NE(run.err.find(problem), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Featurize, BadFilesGiveOneLineAndNoOutput) {
    const std::string dir = test::scratch_dir("featurize_bad");
    const std::string out = dir + "/features.npz";
    const std::string good = wav_dir() + "/chirp_16bit.wav";

    const std::string text = dir + "/notes.wav";
    std::ofstream(text) << "not a sound file\n";
    expect_refused(litelab({"featurize", good, text, "-o", out}), text, out, "not a sound file");
    expect_refused(litelab({"featurize", wav_dir() + "/cd_rate.wav", "-o", out}), wav_dir() + "/cd_rate.wav", out,
                   "44100 Hz");
    expect_refused(litelab({"featurize", wav_dir() + "/empty.wav", "-o", out}), wav_dir() + "/empty.wav", out,
                   "no samples");
    expect_refused(litelab({"featurize", dir + "/missing.wav", "-o", out}), dir + "/missing.wav", out, "cannot open");
    expect_refused(litelab({"featurize", dir, "-o", out}), dir, out, "not a regular file");

    EXPECT_EQ(litelab({"featurize", "-o", out}).exit_code, 2);
    EXPECT_EQ(litelab({"featurize", good}).exit_code, 2);
}

}  // namespace
}  // namespace litelab
