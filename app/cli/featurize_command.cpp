#include <iostream>

#include "audio/audio_file.h"
#include "audio/mfcc.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "npy/npz.h"

namespace litelab::cli {

namespace {

constexpr const char* kHelp = R"(usage: litelab featurize WAV [WAV ...] -o FEATURES.npz

Computes the MFCC features LiteLab's keyword-spotting examples use, one clip per file, and
writes them as array x of shape [files, 50, 13, 1] (float32, in the order given), the input
layout of the wakeword model.

Each file is read as mono (channels averaged) and must be sampled at 16 kHz. The first second
is used (shorter clips are padded with silence); every 20 ms a 30 ms frame (480 samples) is
windowed (periodic Hann), transformed with a 512-point FFT, its power spectrum weighted by 40
triangular mel filters (HTK mel scale, 20 Hz to 8 kHz), logged (ln(energy + 1e-6)) and turned
into 13 cepstral coefficients by an orthonormal DCT-II. Details: docs/features.md.

  -o, --output FILE     where to write the .npz (temporary file, then renamed)
)";

}  // namespace

int run_featurize(const std::vector<std::string>& args) {
    CommandLine line({"--help"}, {"--output"}, {{"-o", "--output"}, {"-h", "--help"}});
    if (!line.parse(args)) return usage_error("featurize", line.error());
    if (line.has("--help")) {
        std::cout << kHelp;
        return kExitOk;
    }
    if (line.positional().empty()) return usage_error("featurize", "expected at least one sound file");
    const auto output = line.value("--output");
    if (!output) return usage_error("featurize", "-o FEATURES.npz is required");

    const MfccOptions options;
    const MfccExtractor extractor(options);
    const auto files = static_cast<int64_t>(line.positional().size());
    std::vector<float> features;
    features.reserve(static_cast<size_t>(files * options.frames() * options.coefficients));
    for (const std::string& path : line.positional()) {
        auto audio = read_audio_file(path);
        if (!audio) {
            print_error(audio.error().message);
            return kExitFailure;
        }
        if (audio->sample_rate != options.sample_rate) {
            print_error(path + ": sampled at " + std::to_string(audio->sample_rate) + " Hz; the features need " +
                        std::to_string(options.sample_rate) + " Hz (resample it, e.g. sox IN -r 16000 OUT.wav)");
            return kExitFailure;
        }
        const std::vector<float> clip = extractor.compute(audio->samples);
        features.insert(features.end(), clip.begin(), clip.end());
    }
    NdArray x = NdArray::from<float>({files, options.frames(), options.coefficients, 1}, features);
    if (auto written = write_npz_file(*output, {{"x", std::move(x)}}); !written) {
        print_error(written.error().message);
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace litelab::cli
