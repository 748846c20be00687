// MFCC features for keyword spotting, as LiteLab's bundled wakeword model and its users compute
// them (`litelab featurize`). A clip of clip_samples (zero-padded or cut) is cut into frames of
// `window` samples every `hop` samples (frames past the clip's end read zeros); each frame is
// multiplied by a periodic Hann window, transformed (FFT of fft_size points), its power
// spectrum |X|^2 weighted by `mel_bands` triangular filters spaced evenly on the HTK mel scale
// (2595 log10(1 + f / 700)) between low_hz and high_hz, the band energies logged
// (ln(energy + log_floor)) and turned into cepstra by an orthonormal DCT-II, of which the first
// `coefficients` are kept. Defaults: 16 kHz, 1 s, 30 ms windows every 20 ms: 50 x 13.
#pragma once

#include <span>
#include <vector>

#include "core/result.h"

namespace litelab {

struct MfccOptions {
    int sample_rate = 16000;
    int clip_samples = 16000;
    int window = 480;
    int hop = 320;
    int fft_size = 512;
    int mel_bands = 40;
    double low_hz = 20.0;
    double high_hz = 8000.0;
    int coefficients = 13;
    double log_floor = 1e-6;

    int frames() const { return (clip_samples + hop - 1) / hop; }
};

// Checks the options make sense together (window <= fft_size, bands and coefficients, band edges
// below Nyquist); kUsage error otherwise.
Status check_mfcc_options(const MfccOptions& options);

// A prepared extractor: the window and the mel filters computed once.
class MfccExtractor {
public:
    explicit MfccExtractor(const MfccOptions& options);
    const MfccOptions& options() const { return options_; }
    // frames() x coefficients values, frame-major. `samples` are at options().sample_rate.
    std::vector<float> compute(std::span<const float> samples) const;

private:
    struct Filter {
        int first_bin = 0;
        std::vector<float> weights;  // for bins first_bin, first_bin + 1, ...
    };
    MfccOptions options_;
    std::vector<float> window_;
    std::vector<Filter> filters_;
    std::vector<float> dct_;  // coefficients x mel_bands
};

}  // namespace litelab
