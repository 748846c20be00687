// Statistics and histograms of a constant tensor's values, Qt-free so they can be tested and
// run on a worker thread. Both read the values block by block (TensorValues::decode), never
// holding more than one block of decoded numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "viewers/tensor/tensor_values.h"

namespace litelab::viewers {

// Summary of a set of numbers. NaN and infinities are counted apart and left out of min, max,
// mean and std, so one stray infinity does not hide the spread of the rest.
struct ValueStats {
    uint64_t count = 0;       // every element, finite or not
    uint64_t non_finite = 0;  // NaN and +-inf
    uint64_t zeros = 0;       // exactly 0 (and -0)
    double min = 0;
    double max = 0;
    double mean = 0;
    double std = 0;  // population standard deviation (NumPy's default, ddof=0)

    uint64_t finite() const { return count - non_finite; }
    // The fraction of exact zeros; 0 for an empty tensor.
    double sparsity() const { return count == 0 ? 0 : static_cast<double>(zeros) / static_cast<double>(count); }
};

struct TensorStats {
    ValueStats stored;               // the values as stored (the integers of a quantized tensor)
    std::optional<ValueStats> real;  // quantized tensors only: scale * (q - zero_point)
};

// Not for string tensors (they have no numbers; the result is empty).
TensorStats compute_stats(const TensorValues& values);

// Bins over the stored values. Integer, bool and quantized tensors get bins of whole integers
// (one per value when the range allows), so a bin never splits the values of one quantization
// step; float tensors get `float_bins` equal bins between the finite min and max.
struct Histogram {
    bool integer_bins = false;
    double low = 0;    // left edge of bin 0 (an integer for integer bins)
    double width = 1;  // bin width (a whole number for integer bins)
    std::vector<uint64_t> counts;
    uint64_t non_finite = 0;  // not in any bin

    // Integer bins cover [low + i*width, low + (i+1)*width - 1]; float bins [low + i*width, low + (i+1)*width).
    double bin_low(size_t bin) const { return low + static_cast<double>(bin) * width; }
    double bin_high(size_t bin) const { return bin_low(bin) + width - (integer_bins ? 1 : 0); }
    uint64_t total() const;
};

Histogram compute_histogram(const TensorValues& values, const ValueStats& stored, int float_bins = 64,
                            int max_integer_bins = 256);

}  // namespace litelab::viewers
