#include "audio/mfcc.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <string>

#include <unsupported/Eigen/FFT>

namespace litelab {

namespace {

double hz_to_mel(double hz) {
    return 2595.0 * std::log10(1.0 + hz / 700.0);
}
double mel_to_hz(double mel) {
    return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
}

}  // namespace

Status check_mfcc_options(const MfccOptions& o) {
    auto bad = [](const std::string& what) { return make_error(ErrorCode::kUsage, "MFCC options: " + what); };
    if (o.sample_rate < 1000 || o.sample_rate > 384000) return bad("sample rate " + std::to_string(o.sample_rate));
    if (o.clip_samples < 1 || o.clip_samples > o.sample_rate * 600) return bad("clip length out of range");
    if (o.window < 16 || o.window > o.fft_size) return bad("the window must be 16 samples to fft_size");
    if (o.fft_size > (1 << 16) || (o.fft_size & (o.fft_size - 1)) != 0) return bad("fft_size must be a power of two");
    if (o.hop < 1) return bad("the hop must be positive");
    if (o.mel_bands < 2 || o.mel_bands > o.fft_size / 2) return bad("mel bands out of range");
    if (o.coefficients < 1 || o.coefficients > o.mel_bands) return bad("coefficients must be 1 to mel_bands");
    if (!(o.low_hz >= 0.0 && o.low_hz < o.high_hz && o.high_hz <= o.sample_rate / 2.0))
        return bad("band edges must satisfy 0 <= low < high <= sample_rate / 2");
    if (!(o.log_floor > 0.0)) return bad("the log floor must be positive");
    return {};
}

MfccExtractor::MfccExtractor(const MfccOptions& options) : options_(options) {
    const double pi = std::numbers::pi;
    window_.resize(static_cast<size_t>(options.window));
    for (int n = 0; n < options.window; ++n)
        window_[static_cast<size_t>(n)] = static_cast<float>(0.5 - 0.5 * std::cos(2.0 * pi * n / options.window));

    // Band m spans the mel points m, m + 1, m + 2 (in Hz); weights rise from 0 to 1 and fall back.
    const int bins = options.fft_size / 2 + 1;
    const double low = hz_to_mel(options.low_hz), high = hz_to_mel(options.high_hz);
    std::vector<double> edges(static_cast<size_t>(options.mel_bands + 2));
    for (size_t i = 0; i < edges.size(); ++i)
        edges[i] = mel_to_hz(low + (high - low) * static_cast<double>(i) / static_cast<double>(options.mel_bands + 1));
    for (int m = 0; m < options.mel_bands; ++m) {
        const double left = edges[static_cast<size_t>(m)], centre = edges[static_cast<size_t>(m) + 1],
                     right = edges[static_cast<size_t>(m) + 2];
        Filter filter;
        filter.first_bin = -1;
        for (int k = 0; k < bins; ++k) {
            const double hz = static_cast<double>(k) * options.sample_rate / options.fft_size;
            const double weight =
                std::max(0.0, std::min((hz - left) / (centre - left), (right - hz) / (right - centre)));
            if (weight <= 0.0) {
                if (filter.first_bin >= 0) break;
                continue;
            }
            if (filter.first_bin < 0) filter.first_bin = k;
            // Bins between two positive weights that are themselves zero cannot occur: a triangle is convex.
            filter.weights.push_back(static_cast<float>(weight));
        }
        if (filter.first_bin < 0) filter.first_bin = 0;  // a band narrower than a bin: no energy
        filters_.push_back(std::move(filter));
    }

    const int bands = options.mel_bands;
    dct_.resize(static_cast<size_t>(options.coefficients * bands));
    for (int k = 0; k < options.coefficients; ++k) {
        const double scale = std::sqrt((k == 0 ? 1.0 : 2.0) / bands);
        for (int m = 0; m < bands; ++m)
            dct_[static_cast<size_t>(k * bands + m)] = static_cast<float>(scale * std::cos(pi * k * (m + 0.5) / bands));
    }
}

std::vector<float> MfccExtractor::compute(std::span<const float> samples) const {
    const MfccOptions& o = options_;
    const int frames = o.frames();
    const auto clip = static_cast<int64_t>(std::min<size_t>(samples.size(), static_cast<size_t>(o.clip_samples)));
    std::vector<float> out(static_cast<size_t>(frames * o.coefficients));
    Eigen::FFT<float> fft;
    fft.SetFlag(Eigen::FFT<float>::HalfSpectrum);
    std::vector<float> frame(static_cast<size_t>(o.fft_size));
    std::vector<std::complex<float>> spectrum;
    std::vector<float> power(static_cast<size_t>(o.fft_size / 2 + 1));
    std::vector<float> log_mel(static_cast<size_t>(o.mel_bands));
    for (int f = 0; f < frames; ++f) {
        std::fill(frame.begin(), frame.end(), 0.0f);
        const int64_t start = int64_t{f} * o.hop;
        for (int n = 0; n < o.window; ++n) {
            const int64_t at = start + n;
            if (at < clip)
                frame[static_cast<size_t>(n)] = samples[static_cast<size_t>(at)] * window_[static_cast<size_t>(n)];
        }
        fft.fwd(spectrum, frame);
        for (size_t k = 0; k < power.size(); ++k) power[k] = std::norm(spectrum[k]);
        for (size_t m = 0; m < filters_.size(); ++m) {
            const Filter& filter = filters_[m];
            double energy = 0.0;
            for (size_t i = 0; i < filter.weights.size(); ++i)
                energy += double{filter.weights[i]} * power[static_cast<size_t>(filter.first_bin) + i];
            log_mel[m] = static_cast<float>(std::log(energy + o.log_floor));
        }
        for (int k = 0; k < o.coefficients; ++k) {
            double c = 0.0;
            for (int m = 0; m < o.mel_bands; ++m)
                c += double{dct_[static_cast<size_t>(k * o.mel_bands + m)]} * log_mel[static_cast<size_t>(m)];
            out[static_cast<size_t>(f * o.coefficients + k)] = static_cast<float>(c);
        }
    }
    return out;
}

}  // namespace litelab
