#include "npy/npy.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstdio>
#include <cstring>
#include <limits>

#include "core/atomic_file.h"
#include "core/mapped_file.h"
#include "core/one_line.h"
#include "npy/npy_header.h"
#include "npy/utf.h"

namespace litelab {
namespace {

using npy_detail::NpyHeader;

// NdArray data is little-endian by definition; only big-endian files need swapping.
static_assert(std::endian::native == std::endian::little, "LiteLab's .npy code assumes a little-endian host");

constexpr uint8_t kMagic[] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
constexpr size_t kAlign = 64;  // NumPy aligns the data to 64 bytes
// 'U0' elements cost no file bytes, so the file size cannot bound their number; this does.
constexpr uint64_t kMaxEmptyStrings = uint64_t{1} << 20;

uint64_t load_le(const uint8_t* p, size_t size) {
    uint64_t value = 0;
    for (size_t i = size; i-- > 0;) value = (value << 8) | p[i];
    return value;
}

// Reverses the bytes of each `unit`-byte group.
void swap_units(std::span<uint8_t> data, size_t unit) {
    for (size_t i = 0; i + unit <= data.size(); i += unit) std::reverse(data.begin() + static_cast<std::ptrdiff_t>(i),
                                                                        data.begin() + static_cast<std::ptrdiff_t>(i + unit));
}

// Visits every element in C order with its position in a Fortran-ordered buffer.
template <class Visit>
void for_each_fortran_element(const std::vector<int64_t>& shape, uint64_t count, Visit visit) {
    if (count == 0) return;
    const size_t rank = shape.size();
    std::vector<uint64_t> stride(rank, 1);  // Fortran strides in elements: the first index is fastest
    for (size_t k = 1; k < rank; ++k) stride[k] = stride[k - 1] * static_cast<uint64_t>(shape[k - 1]);
    std::vector<int64_t> index(rank, 0);
    uint64_t f = 0;
    for (uint64_t c = 0; c < count; ++c) {
        visit(c, f);
        for (size_t k = rank; k-- > 0;) {  // odometer over the C-order index, last axis fastest
            if (++index[k] < shape[k]) {
                f += stride[k];
                break;
            }
            f -= stride[k] * static_cast<uint64_t>(shape[k] - 1);
            index[k] = 0;
        }
    }
}

Result<std::vector<std::string>> decode_strings(std::span<const uint8_t> payload, uint64_t count, uint64_t item_size,
                                                bool big_endian) {
    std::vector<std::string> strings;
    strings.reserve(count);
    const uint64_t code_points = item_size / 4;
    for (uint64_t e = 0; e < count; ++e) {
        const uint8_t* item = payload.data() + e * item_size;
        uint64_t length = code_points;  // NumPy pads with NULs and strips them on reading
        auto code_point = [&](uint64_t i) {
            const uint8_t* p = item + 4 * i;
            return big_endian ? (uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3])
                              : static_cast<uint32_t>(load_le(p, 4));
        };
        while (length > 0 && code_point(length - 1) == 0) --length;
        std::string text;
        text.reserve(length);
        for (uint64_t i = 0; i < length; ++i) {
            const uint32_t c = code_point(i);
            if (!npy_detail::is_scalar_value(c)) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%X", c);
                return make_error(ErrorCode::kInvalid, "string element " + std::to_string(e) + " holds " + hex +
                                                           ", which is not a Unicode character");
            }
            npy_detail::append_utf8(text, c);
        }
        strings.push_back(std::move(text));
    }
    return strings;
}

// The number of elements and data bytes a header declares, refusing what cannot exist.
struct Extent {
    uint64_t count = 0;
    uint64_t bytes = 0;
};

Result<Extent> extent_of(const NpyHeader& header) {
    constexpr auto kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    const std::string what = "the shape " + format_npy_shape(header.shape) + " of '" + one_line(header.descr) + "'";
    uint64_t product = 1;  // of the non-zero dimensions, so that (0, huge, huge) is refused like NumPy
    bool empty = false;
    for (int64_t dim : header.shape) {
        if (dim == 0) {
            empty = true;
            continue;
        }
        if (product > kMax / static_cast<uint64_t>(dim))
            return make_error(ErrorCode::kInvalid, what + " has too many elements");
        product *= static_cast<uint64_t>(dim);
    }
    if (header.item_size > 0 && product > kMax / header.item_size)
        return make_error(ErrorCode::kInvalid, what + " needs more bytes than a file can hold");
    Extent extent;
    extent.count = empty ? 0 : product;
    extent.bytes = extent.count * header.item_size;
    if (header.dtype == DType::kString && header.item_size == 0 && extent.count > kMaxEmptyStrings)
        return make_error(ErrorCode::kUnsupported, what + " holds more empty strings than LiteLab reads");
    return extent;
}

std::string descr_of(const NdArray& array, uint64_t code_points) {
    switch (array.dtype) {
        case DType::kFloat16: return "<f2";
        case DType::kFloat32: return "<f4";
        case DType::kFloat64: return "<f8";
        case DType::kInt8: return "|i1";
        case DType::kUInt8: return "|u1";
        case DType::kInt16: return "<i2";
        case DType::kUInt16: return "<u2";
        case DType::kInt32: return "<i4";
        case DType::kUInt32: return "<u4";
        case DType::kInt64: return "<i8";
        case DType::kUInt64: return "<u8";
        case DType::kBool: return "|b1";
        case DType::kString: return "<U" + std::to_string(code_points);
        default: return "";
    }
}

// Preamble and padded header: the data starts at a multiple of 64 bytes, as NumPy writes it.
std::vector<uint8_t> preamble_and_header(const std::string& dict) {
    for (const size_t prefix : {size_t{10}, size_t{12}}) {
        const size_t unpadded = prefix + dict.size() + 1;  // + the final '\n'
        const size_t header_length = dict.size() + 1 + (kAlign - unpadded % kAlign) % kAlign;
        if (prefix == 10 && header_length > 0xFFFF) continue;  // 1.0 stores the length in 16 bits
        std::vector<uint8_t> out(kMagic, kMagic + sizeof kMagic);
        out.push_back(prefix == 10 ? 1 : 2);
        out.push_back(0);
        for (size_t i = 0; i < prefix - 8; ++i) out.push_back(static_cast<uint8_t>(header_length >> (8 * i)));
        out.insert(out.end(), dict.begin(), dict.end());
        out.resize(prefix + header_length - 1, ' ');
        out.push_back('\n');
        return out;
    }
    return {};  // unreachable: a 2.0 length holds 4 GiB
}

}  // namespace

Result<NdArray> decode_npy(std::span<const uint8_t> bytes) {
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return make_error(ErrorCode::kFormat, "not a .npy file (bad magic)");
    if (bytes.size() < 8) return make_error(ErrorCode::kFormat, "truncated: the file ends inside the .npy preamble");
    const int major = bytes[6];
    const int minor = bytes[7];
    if (major < 1 || major > 3 || minor != 0)
        return make_error(ErrorCode::kUnsupported,
                          "unsupported .npy format version " + std::to_string(major) + "." + std::to_string(minor));
    const size_t prefix = major == 1 ? 10 : 12;
    if (bytes.size() < prefix) return make_error(ErrorCode::kFormat, "truncated: the file ends inside the .npy preamble");
    const uint64_t header_length = load_le(bytes.data() + 8, prefix - 8);
    if (header_length > bytes.size() - prefix)
        return make_error(ErrorCode::kFormat, "truncated: the header needs " + std::to_string(header_length) +
                                                  " bytes but the file has " + std::to_string(bytes.size() - prefix));

    // Versions 1.0 and 2.0 say latin-1, 3.0 says UTF-8; the keys and dtypes we accept are ASCII either way.
    const std::string_view text(reinterpret_cast<const char*>(bytes.data() + prefix), header_length);
    auto parsed = npy_detail::parse_npy_header(text);
    if (!parsed) return parsed.error();
    const NpyHeader& header = *parsed;
    auto extent = extent_of(header);
    if (!extent) return extent.error();

    const auto payload = bytes.subspan(prefix + header_length);
    const std::string what = "the data of shape " + format_npy_shape(header.shape) + " and dtype '" + one_line(header.descr) + "'";
    if (payload.size() < extent->bytes)
        return make_error(ErrorCode::kFormat, "truncated: " + what + " needs " + std::to_string(extent->bytes) +
                                                  " bytes but the file has " + std::to_string(payload.size()));
    if (payload.size() > extent->bytes) {
        const uint64_t extra = payload.size() - extent->bytes;
        return make_error(ErrorCode::kFormat, std::to_string(extra) + (extra == 1 ? " extra byte" : " extra bytes") +
                                                  " after " + what + " (" + std::to_string(extent->bytes) +
                                                  " bytes expected)");
    }

    NdArray array;
    array.dtype = header.dtype;
    array.shape = header.shape;
    const bool reorder = header.fortran_order && header.shape.size() > 1;
    if (header.dtype == DType::kString) {
        auto strings = decode_strings(payload, extent->count, header.item_size, header.big_endian);
        if (!strings) return strings.error();
        if (reorder) {
            array.strings.resize(strings->size());
            for_each_fortran_element(header.shape, extent->count,
                                     [&](uint64_t c, uint64_t f) { array.strings[c] = std::move((*strings)[f]); });
        } else {
            array.strings = std::move(*strings);
        }
        return array;
    }

    const size_t item = header.item_size;
    if (reorder) {
        array.data.resize(payload.size());
        for_each_fortran_element(header.shape, extent->count, [&](uint64_t c, uint64_t f) {
            std::memcpy(array.data.data() + c * item, payload.data() + f * item, item);
        });
    } else {
        array.data.assign(payload.begin(), payload.end());
    }
    if (header.big_endian && item > 1) swap_units(array.data, item);
    if (header.dtype == DType::kBool)  // NumPy treats any non-zero byte as True
        for (auto& b : array.data) b = b != 0;
    return array;
}

Result<NdArray> read_npy_file(const std::string& path) {
    auto file = MappedFile::open(path);
    if (!file) return file.error();
    auto array = decode_npy((*file)->bytes());
    if (!array) return array.error().in_file(path);
    return array;
}

std::vector<uint8_t> encode_npy(const NdArray& array) {
    if (!array.check()) {
        assert(false && "encode_npy: the array fails NdArray::check()");
        return {};
    }
    if (array.dtype != DType::kString) {
        std::vector<uint8_t> out = preamble_and_header(npy_detail::format_npy_header(descr_of(array, 0), array.shape));
        out.insert(out.end(), array.data.begin(), array.data.end());
        return out;
    }

    std::vector<std::vector<uint32_t>> elements;
    elements.reserve(array.strings.size());
    size_t code_points = 1;  // NumPy's smallest unicode dtype is U1, even for ''
    for (const auto& s : array.strings) {
        elements.push_back(npy_detail::decode_utf8(s));
        code_points = std::max(code_points, elements.back().size());
    }
    std::vector<uint8_t> out = preamble_and_header(npy_detail::format_npy_header(descr_of(array, code_points), array.shape));
    const size_t start = out.size();
    out.resize(start + elements.size() * code_points * 4, 0);
    for (size_t e = 0; e < elements.size(); ++e)
        if (!elements[e].empty())
            std::memcpy(out.data() + start + e * code_points * 4, elements[e].data(), elements[e].size() * 4);
    return out;
}

Status write_npy_file(const std::string& path, const NdArray& array) {
    if (auto valid = array.check(); !valid) return valid.error().in_file(path);
    return write_file_atomically(path, encode_npy(array));
}

}  // namespace litelab
