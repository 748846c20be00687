#include "viewers/tensor/tensor_stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace litelab::viewers {
namespace {

constexpr size_t kBlock = 1 << 14;

// Accumulates block by block: each block's mean and sum of squared deviations are exact
// two-pass values over numbers in cache, merged with Chan et al.'s pairwise update, so the
// whole tensor is decoded once and the variance does not cancel catastrophically.
class Accumulator {
public:
    void add(std::span<const double> block) {
        stats_.count += block.size();
        double sum = 0;
        uint64_t finite = 0;
        for (const double v : block) {
            if (!std::isfinite(v)) {
                ++stats_.non_finite;
                continue;
            }
            if (v == 0) ++stats_.zeros;
            min_ = std::min(min_, v);
            max_ = std::max(max_, v);
            sum += v;
            ++finite;
        }
        if (finite == 0) return;
        const double mean = sum / static_cast<double>(finite);
        double m2 = 0;
        for (const double v : block)
            if (std::isfinite(v)) m2 += (v - mean) * (v - mean);
        const auto n = static_cast<double>(n_);
        const auto k = static_cast<double>(finite);
        const double delta = mean - mean_;
        mean_ += delta * k / (n + k);
        m2_ += m2 + delta * delta * n * k / (n + k);
        n_ += finite;
    }

    ValueStats finish() {
        if (n_ > 0) {
            stats_.min = min_;
            stats_.max = max_;
            stats_.mean = mean_;
            stats_.std = std::sqrt(m2_ / static_cast<double>(n_));
        }
        return stats_;
    }

private:
    ValueStats stats_;
    uint64_t n_ = 0;
    double mean_ = 0;
    double m2_ = 0;
    double min_ = std::numeric_limits<double>::infinity();
    double max_ = -std::numeric_limits<double>::infinity();
};

}  // namespace

TensorStats compute_stats(const TensorValues& values) {
    TensorStats result;
    if (values.is_string()) return result;
    Accumulator stored;
    Accumulator real;
    std::vector<double> block(std::min<uint64_t>(kBlock, values.size()));
    for (uint64_t first = 0; first < values.size(); first += block.size()) {
        const std::span<double> part(block.data(),
                                     static_cast<size_t>(std::min<uint64_t>(block.size(), values.size() - first)));
        values.decode(first, part);
        stored.add(part);
        if (values.quantized()) {
            values.decode_real(first, part);
            real.add(part);
        }
    }
    result.stored = stored.finish();
    if (values.quantized()) result.real = real.finish();
    return result;
}

uint64_t Histogram::total() const {
    return std::accumulate(counts.begin(), counts.end(), uint64_t{0});
}

Histogram compute_histogram(const TensorValues& values, const ValueStats& stored, int float_bins,
                            int max_integer_bins) {
    Histogram histogram;
    histogram.non_finite = stored.non_finite;
    if (values.is_string() || stored.finite() == 0) return histogram;
    histogram.integer_bins = values.family() != ValueFamily::kFloat;
    histogram.low = stored.min;
    size_t bins = 1;
    if (histogram.integer_bins) {
        // Whole-integer widths: range / bins rounded up, so at most max_integer_bins bins.
        const double range = stored.max - stored.min + 1;
        histogram.width = std::max(1.0, std::ceil(range / max_integer_bins));
        bins = static_cast<size_t>(std::ceil(range / histogram.width));
    } else if (stored.max > stored.min) {
        bins = static_cast<size_t>(std::max(1, float_bins));
        histogram.width = (stored.max - stored.min) / static_cast<double>(bins);
    }
    histogram.counts.assign(bins, 0);
    std::vector<double> block(std::min<uint64_t>(kBlock, values.size()));
    const double last = static_cast<double>(bins - 1);
    for (uint64_t first = 0; first < values.size(); first += block.size()) {
        const std::span<double> part(block.data(),
                                     static_cast<size_t>(std::min<uint64_t>(block.size(), values.size() - first)));
        values.decode(first, part);
        for (const double v : part) {
            if (!std::isfinite(v)) continue;
            // The maximum lands in the last bin (float bins are closed on the right at the end).
            const double bin = std::clamp(std::floor((v - histogram.low) / histogram.width), 0.0, last);
            ++histogram.counts[static_cast<size_t>(bin)];
        }
    }
    return histogram;
}

}  // namespace litelab::viewers
