// TensorValues: a read-only, decoding view of one constant tensor's bytes, for the tensor
// inspector. Nothing is decoded up front: the table asks for single elements, statistics and
// exports for blocks, so a tensor of ten million elements costs no more memory than its bytes.
//
// Qt-free so that decoding can be tested on its own. The view keeps whatever owns the bytes
// alive (the Model's shared pointer), so it may be handed to a worker thread and outlive the
// widget that made it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "core/result.h"

namespace litelab::viewers {

// Affine quantization as a tensor stores it (a copy of what the inspector needs of
// litelab::Quantization, so this header stays free of the flatbuffer schema).
struct QuantParams {
    std::vector<float> scale;         // one per tensor, or one per channel along `axis`
    std::vector<int64_t> zero_point;  // same count as `scale`, or one, or none (zero)
    int32_t axis = 0;                 // quantized_dimension
};

// How the stored values of a type read: the table formats, the statistics accumulate and the
// histogram bins by this family.
enum class ValueFamily { kFloat, kSigned, kUnsigned, kBool, kString };

// One element as stored, exact for every type (a double would round large 64-bit integers).
struct Element {
    ValueFamily family = ValueFamily::kFloat;
    double f = 0;    // kFloat
    int64_t i = 0;   // kSigned and kBool
    uint64_t u = 0;  // kUnsigned
};

class TensorValues {
public:
    // Checks that `type` can be shown and that `bytes` hold every element of `shape`. Errors
    // are one line for the user, e.g. "COMPLEX64 values are not shown".
    static Result<TensorValues> create(DType type, std::vector<int64_t> shape, std::optional<QuantParams> quant,
                                       std::span<const uint8_t> bytes, std::shared_ptr<const void> owner);

    DType type() const { return type_; }
    ValueFamily family() const { return family_; }
    const std::vector<int64_t>& shape() const { return shape_; }
    uint64_t size() const { return size_; }
    bool is_string() const { return family_ == ValueFamily::kString; }
    // Integer values with a scale: real = scale * (q - zero_point), per channel when per_axis().
    bool quantized() const { return quant_.has_value(); }
    bool per_axis() const { return quant_ && quant_->scale.size() > 1; }
    const std::optional<QuantParams>& quant() const { return quant_; }
    std::span<const uint8_t> bytes() const { return bytes_; }

    // Element `index` (C order) as stored. Not for strings.
    Element element(uint64_t index) const;
    // Element `index` as a real number: dequantized (in float, as TFLite's DEQUANTIZE rounds)
    // for quantized tensors, the stored value otherwise.
    double real(uint64_t index) const;
    // The channel of element `index` along the quantized dimension (0 unless per-axis).
    size_t channel(uint64_t index) const;
    float scale_of_channel(size_t channel) const;
    int64_t zero_point_of_channel(size_t channel) const;

    // Decodes `out.size()` elements from `first` into doubles: stored values, or real ones.
    // The fast path for statistics, histograms and exports.
    void decode(uint64_t first, std::span<double> out) const;
    void decode_real(uint64_t first, std::span<double> out) const;

    // String tensors: the strings, in C order (parsed once by create()).
    const std::vector<std::string>& strings() const { return strings_; }

private:
    TensorValues() = default;

    DType type_ = DType::kFloat32;
    ValueFamily family_ = ValueFamily::kFloat;
    std::vector<int64_t> shape_;
    uint64_t size_ = 0;
    std::optional<QuantParams> quant_;
    uint64_t channel_stride_ = 1;  // elements per step along the quantized dimension
    size_t channels_ = 1;
    std::span<const uint8_t> bytes_;
    std::shared_ptr<const void> owner_;
    std::vector<std::string> strings_;
};

// How the table (and the CSV export, which writes what the table shows) lays a tensor out: the
// last dimension across, everything before it flattened down the rows. A tensor of rank 0 or 1,
// a string tensor, or one whose last dimension is wider than `max_columns` is shown flat
// instead: one element per row, its full index as the row header.
struct TableShape {
    uint64_t rows = 0;
    uint64_t columns = 1;
    bool flat = true;
};
constexpr uint64_t kMaxTableColumns = 256;
TableShape table_shape(const TensorValues& values, uint64_t max_columns = kMaxTableColumns);

// Shortest text that reads back as the same value: floats of 32 bits and less as float
// ("0.1", not "0.10000000149011612"), FLOAT64 as double, integers exactly. Never localised.
std::string format_element(const Element& element, DType type);
std::string format_real(double value);

// "[2, 0, 15]": an element or row index as the table's header shows it.
std::string format_index(std::span<const int64_t> index);
// The C-order index tuple of flat element `flat` in `shape`.
std::vector<int64_t> unravel_index(uint64_t flat, std::span<const int64_t> shape);

}  // namespace litelab::viewers
