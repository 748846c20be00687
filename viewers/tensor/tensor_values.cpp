#include "viewers/tensor/tensor_values.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "runtime/kernels/quantize/half_float.h"

namespace litelab::viewers {
namespace {

std::optional<ValueFamily> family_of(DType type) {
    switch (type) {
        case DType::kFloat32:
        case DType::kFloat16:
        case DType::kBFloat16:
        case DType::kFloat64:
        case DType::kFloat8E4M3FN:
        case DType::kFloat8E5M2:
            return ValueFamily::kFloat;
        case DType::kInt8:
        case DType::kInt16:
        case DType::kInt32:
        case DType::kInt64:
        case DType::kInt4:
        case DType::kInt2:
            return ValueFamily::kSigned;
        case DType::kUInt8:
        case DType::kUInt16:
        case DType::kUInt32:
        case DType::kUInt64:
        case DType::kUInt4:
            return ValueFamily::kUnsigned;
        case DType::kBool:
            return ValueFamily::kBool;
        case DType::kString:
            return ValueFamily::kString;
        default:
            return std::nullopt;  // complex numbers, resources, variants
    }
}

template <class T>
T load(const uint8_t* bytes, uint64_t index) {
    T value;
    std::memcpy(&value, bytes + index * sizeof(T), sizeof(T));
    return value;
}

float bfloat16_to_float(uint16_t bits) {
    return std::bit_cast<float>(uint32_t{bits} << 16);
}

// E4M3FN: bias 7, no infinities, S.1111.111 is NaN; exponent 0 holds subnormals m * 2^-9.
float float8_e4m3fn_to_float(uint8_t bits) {
    const bool negative = (bits & 0x80u) != 0;
    const int exponent = (bits >> 3) & 0xF;
    const int mantissa = bits & 0x7;
    float magnitude;
    if (exponent == 0xF && mantissa == 0x7)
        magnitude = std::numeric_limits<float>::quiet_NaN();
    else if (exponent == 0)
        magnitude = std::ldexp(static_cast<float>(mantissa), -9);
    else
        magnitude = std::ldexp(static_cast<float>(8 + mantissa), exponent - 7 - 3);
    return negative ? -magnitude : magnitude;
}

// E5M2 is the upper byte of an IEEE half.
float float8_e5m2_to_float(uint8_t bits) {
    return quantize::half_to_float(static_cast<uint16_t>(bits << 8));
}

// INT4/UINT4 pack two elements per byte, the first in the low nibble (TFLite's
// UnpackDenseInt4IntoInt8 reads them so); INT2 packs four, the first in the lowest bits.
int64_t packed_bits(const uint8_t* bytes, uint64_t index, int bits, bool is_signed) {
    const uint64_t per_byte = 8u / static_cast<unsigned>(bits);
    const unsigned shift = static_cast<unsigned>(index % per_byte) * static_cast<unsigned>(bits);
    const unsigned mask = (1u << static_cast<unsigned>(bits)) - 1u;
    const unsigned raw = (bytes[index / per_byte] >> shift) & mask;
    const auto value = static_cast<int64_t>(raw);
    if (is_signed && (raw & (1u << (static_cast<unsigned>(bits) - 1u))) != 0) return value - (int64_t{1} << bits);
    return value;
}

template <class T>
void decode_as(const uint8_t* bytes, uint64_t first, std::span<double> out) {
    for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<double>(load<T>(bytes, first + i));
}

template <class Convert>
void decode_with(uint64_t first, std::span<double> out, Convert convert) {
    for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<double>(convert(first + i));
}

// TFLite's string buffer: int32 count, count + 1 int32 offsets from the buffer start, the bytes.
Result<std::vector<std::string>> parse_strings(std::span<const uint8_t> bytes, uint64_t expected) {
    auto bad = [](std::string what) { return make_error(ErrorCode::kInvalid, "the string buffer " + what); };
    if (bytes.size() < 4) return bad("is shorter than its count");
    const auto count = load<int32_t>(bytes.data(), 0);
    if (count < 0 || static_cast<uint64_t>(count) != expected)
        return bad("holds " + std::to_string(count) + " strings but the shape has " + std::to_string(expected));
    const uint64_t header = 4u * (static_cast<uint64_t>(count) + 2u);
    if (header > bytes.size()) return bad("is shorter than its offsets");
    std::vector<std::string> strings;
    strings.reserve(static_cast<size_t>(count));
    for (int32_t i = 0; i < count; ++i) {
        const auto begin = load<int32_t>(bytes.data() + 4, static_cast<uint64_t>(i));
        const auto end = load<int32_t>(bytes.data() + 4, static_cast<uint64_t>(i) + 1);
        if (begin < 0 || end < begin || static_cast<uint64_t>(begin) < header ||
            static_cast<uint64_t>(end) > bytes.size())
            return bad("has an offset outside the buffer");
        strings.emplace_back(reinterpret_cast<const char*>(bytes.data()) + begin, static_cast<size_t>(end - begin));
    }
    return strings;
}

template <class T>
std::string shortest(T value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace

Result<TensorValues> TensorValues::create(DType type, std::vector<int64_t> shape, std::optional<QuantParams> quant,
                                          std::span<const uint8_t> bytes, std::shared_ptr<const void> owner) {
    const auto family = family_of(type);
    if (!family) return make_error(ErrorCode::kUnsupported, std::string(dtype_name(type)) + " values are not shown");
    uint64_t size = 1;
    for (const int64_t dim : shape) {
        if (dim < 0) return make_error(ErrorCode::kInvalid, "the shape has a negative dimension");
        if (dim != 0 && size > (uint64_t{1} << 62) / static_cast<uint64_t>(dim))
            return make_error(ErrorCode::kInvalid, "the shape has too many elements");
        size *= static_cast<uint64_t>(dim);
    }
    TensorValues values;
    values.type_ = type;
    values.family_ = *family;
    values.shape_ = std::move(shape);
    values.size_ = size;
    values.bytes_ = bytes;
    values.owner_ = std::move(owner);
    if (*family == ValueFamily::kString) {
        auto strings = parse_strings(bytes, size);
        if (!strings) return strings.error();
        values.strings_ = std::move(strings).value();
        return values;
    }
    const auto needed = dtype_storage_bytes(type, size);
    if (!needed || *needed > bytes.size())
        return make_error(ErrorCode::kInvalid, "the buffer holds " + std::to_string(bytes.size()) +
                                                   " bytes but the shape needs " + std::to_string(needed.value_or(0)));
    // Only integers are dequantized; float tensors may carry min/max or a scale for information.
    const bool integer = *family == ValueFamily::kSigned || *family == ValueFamily::kUnsigned;
    if (integer && quant && !quant->scale.empty()) {
        const size_t channels = quant->scale.size();
        if (!quant->zero_point.empty() && quant->zero_point.size() != 1 && quant->zero_point.size() != channels)
            return make_error(ErrorCode::kInvalid, "the quantization has " + std::to_string(channels) + " scales but " +
                                                       std::to_string(quant->zero_point.size()) + " zero points");
        if (channels > 1) {
            const auto axis = static_cast<size_t>(quant->axis);
            if (quant->axis < 0 || axis >= values.shape_.size() ||
                static_cast<uint64_t>(values.shape_[axis]) != channels)
                return make_error(ErrorCode::kInvalid, "the quantized dimension " + std::to_string(quant->axis) +
                                                           " does not have " + std::to_string(channels) + " channels");
            for (size_t d = axis + 1; d < values.shape_.size(); ++d)
                values.channel_stride_ *= static_cast<uint64_t>(values.shape_[d]);
            values.channels_ = channels;
        }
        values.quant_ = std::move(quant);
    }
    return values;
}

Element TensorValues::element(uint64_t index) const {
    const uint8_t* p = bytes_.data();
    Element e;
    e.family = family_;
    switch (type_) {
        case DType::kFloat32:
            e.f = load<float>(p, index);
            break;
        case DType::kFloat16:
            e.f = quantize::half_to_float(load<uint16_t>(p, index));
            break;
        case DType::kBFloat16:
            e.f = bfloat16_to_float(load<uint16_t>(p, index));
            break;
        case DType::kFloat64:
            e.f = load<double>(p, index);
            break;
        case DType::kFloat8E4M3FN:
            e.f = float8_e4m3fn_to_float(p[index]);
            break;
        case DType::kFloat8E5M2:
            e.f = float8_e5m2_to_float(p[index]);
            break;
        case DType::kInt8:
            e.i = load<int8_t>(p, index);
            break;
        case DType::kInt16:
            e.i = load<int16_t>(p, index);
            break;
        case DType::kInt32:
            e.i = load<int32_t>(p, index);
            break;
        case DType::kInt64:
            e.i = load<int64_t>(p, index);
            break;
        case DType::kInt4:
            e.i = packed_bits(p, index, 4, true);
            break;
        case DType::kInt2:
            e.i = packed_bits(p, index, 2, true);
            break;
        case DType::kUInt8:
            e.u = p[index];
            break;
        case DType::kUInt16:
            e.u = load<uint16_t>(p, index);
            break;
        case DType::kUInt32:
            e.u = load<uint32_t>(p, index);
            break;
        case DType::kUInt64:
            e.u = load<uint64_t>(p, index);
            break;
        case DType::kUInt4:
            e.u = static_cast<uint64_t>(packed_bits(p, index, 4, false));
            break;
        case DType::kBool:
            e.i = p[index] != 0 ? 1 : 0;
            break;
        default:
            break;  // create() admits no other type
    }
    return e;
}

void TensorValues::decode(uint64_t first, std::span<double> out) const {
    const uint8_t* p = bytes_.data();
    switch (type_) {
        case DType::kFloat32:
            decode_as<float>(p, first, out);
            break;
        case DType::kFloat64:
            decode_as<double>(p, first, out);
            break;
        case DType::kInt8:
            decode_as<int8_t>(p, first, out);
            break;
        case DType::kInt16:
            decode_as<int16_t>(p, first, out);
            break;
        case DType::kInt32:
            decode_as<int32_t>(p, first, out);
            break;
        case DType::kInt64:
            decode_as<int64_t>(p, first, out);
            break;
        case DType::kUInt8:
            decode_as<uint8_t>(p, first, out);
            break;
        case DType::kUInt16:
            decode_as<uint16_t>(p, first, out);
            break;
        case DType::kUInt32:
            decode_as<uint32_t>(p, first, out);
            break;
        case DType::kUInt64:
            decode_as<uint64_t>(p, first, out);
            break;
        case DType::kFloat16:
            decode_with(first, out, [p](uint64_t i) { return quantize::half_to_float(load<uint16_t>(p, i)); });
            break;
        case DType::kBFloat16:
            decode_with(first, out, [p](uint64_t i) { return bfloat16_to_float(load<uint16_t>(p, i)); });
            break;
        case DType::kFloat8E4M3FN:
            decode_with(first, out, [p](uint64_t i) { return float8_e4m3fn_to_float(p[i]); });
            break;
        case DType::kFloat8E5M2:
            decode_with(first, out, [p](uint64_t i) { return float8_e5m2_to_float(p[i]); });
            break;
        case DType::kInt4:
            decode_with(first, out, [p](uint64_t i) { return packed_bits(p, i, 4, true); });
            break;
        case DType::kUInt4:
            decode_with(first, out, [p](uint64_t i) { return packed_bits(p, i, 4, false); });
            break;
        case DType::kInt2:
            decode_with(first, out, [p](uint64_t i) { return packed_bits(p, i, 2, true); });
            break;
        case DType::kBool:
            decode_with(first, out, [p](uint64_t i) { return p[i] != 0 ? 1 : 0; });
            break;
        default:
            break;
    }
}

size_t TensorValues::channel(uint64_t index) const {
    return channels_ > 1 ? static_cast<size_t>((index / channel_stride_) % channels_) : 0;
}

float TensorValues::scale_of_channel(size_t channel) const {
    if (!quant_) return 1.0f;
    return quant_->scale[channel < quant_->scale.size() ? channel : 0];
}

int64_t TensorValues::zero_point_of_channel(size_t channel) const {
    if (!quant_ || quant_->zero_point.empty()) return 0;
    return quant_->zero_point[channel < quant_->zero_point.size() ? channel : 0];
}

double TensorValues::real(uint64_t index) const {
    double stored = 0;
    decode(index, std::span<double>(&stored, 1));
    if (!quant_) return stored;
    const size_t c = channel(index);
    return static_cast<float>(static_cast<double>(scale_of_channel(c)) *
                              (stored - static_cast<double>(zero_point_of_channel(c))));
}

void TensorValues::decode_real(uint64_t first, std::span<double> out) const {
    decode(first, out);
    if (!quant_ || out.empty()) return;
    // Walk the channels with counters: a division per element would cost more than the decoding.
    size_t c = channel(first);
    uint64_t left_in_channel = channel_stride_ - first % channel_stride_;
    auto scale = static_cast<double>(scale_of_channel(c));
    auto zero = static_cast<double>(zero_point_of_channel(c));
    for (double& v : out) {
        v = static_cast<float>(scale * (v - zero));
        if (channels_ > 1 && --left_in_channel == 0) {
            left_in_channel = channel_stride_;
            c = c + 1 == channels_ ? 0 : c + 1;
            scale = static_cast<double>(scale_of_channel(c));
            zero = static_cast<double>(zero_point_of_channel(c));
        }
    }
}

TableShape table_shape(const TensorValues& values, uint64_t max_columns) {
    const auto& shape = values.shape();
    TableShape table;
    const uint64_t last = shape.empty() ? 1 : static_cast<uint64_t>(shape.back());
    if (values.is_string() || shape.size() < 2 || last > max_columns || last == 0) {
        table.rows = values.size();
        return table;
    }
    table.flat = false;
    table.columns = last;
    table.rows = values.size() / last;
    return table;
}

std::string format_element(const Element& element, DType type) {
    switch (element.family) {
        case ValueFamily::kFloat:
            return type == DType::kFloat64 ? shortest(element.f) : shortest(static_cast<float>(element.f));
        case ValueFamily::kSigned:
            return std::to_string(element.i);
        case ValueFamily::kUnsigned:
            return std::to_string(element.u);
        case ValueFamily::kBool:
            return element.i != 0 ? "true" : "false";
        case ValueFamily::kString:
            break;
    }
    return {};
}

std::string format_real(double value) {
    return shortest(static_cast<float>(value));
}

std::string format_index(std::span<const int64_t> index) {
    std::string text = "[";
    for (size_t i = 0; i < index.size(); ++i) {
        if (i > 0) text += ", ";
        text += std::to_string(index[i]);
    }
    return text + "]";
}

std::vector<int64_t> unravel_index(uint64_t flat, std::span<const int64_t> shape) {
    std::vector<int64_t> index(shape.size(), 0);
    for (size_t d = shape.size(); d-- > 0;) {
        const auto dim = static_cast<uint64_t>(shape[d]);
        if (dim == 0) continue;
        index[d] = static_cast<int64_t>(flat % dim);
        flat /= dim;
    }
    return index;
}

}  // namespace litelab::viewers
