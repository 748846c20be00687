#include "viewers/tensor/tensor_export.h"

#include <algorithm>
#include <cstring>

#include "core/atomic_file.h"
#include "npy/npy.h"

namespace litelab::viewers {
namespace {

// The dtype a .npy holds the values in, for types NumPy has no name for.
DType npy_type_for(DType type) {
    switch (type) {
        case DType::kBFloat16:
        case DType::kFloat8E4M3FN:
        case DType::kFloat8E5M2:
            return DType::kFloat32;
        case DType::kInt4:
        case DType::kInt2:
            return DType::kInt8;
        case DType::kUInt4:
            return DType::kUInt8;
        default:
            return type;
    }
}

template <class T>
void widen_into(const TensorValues& values, std::vector<uint8_t>& data) {
    data.resize(static_cast<size_t>(values.size()) * sizeof(T));
    std::vector<double> block(std::min<uint64_t>(values.size(), 1 << 14));
    for (uint64_t first = 0; first < values.size(); first += block.size()) {
        const std::span<double> part(block.data(),
                                     static_cast<size_t>(std::min<uint64_t>(block.size(), values.size() - first)));
        values.decode(first, part);
        for (size_t i = 0; i < part.size(); ++i) {
            const auto v = static_cast<T>(part[i]);
            std::memcpy(data.data() + (first + i) * sizeof(T), &v, sizeof(T));
        }
    }
}

std::string csv_quoted(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace

NdArray to_nd_array(const TensorValues& values) {
    NdArray array;
    array.shape = values.shape();
    if (values.is_string()) {
        array.dtype = DType::kString;
        array.strings = values.strings();
        return array;
    }
    array.dtype = npy_type_for(values.type());
    if (array.dtype == values.type()) {
        // The .npy layout is the tensor's: C order, little-endian; BOOL bytes are normalised to 0/1.
        const auto bytes =
            values.bytes().first(static_cast<size_t>(values.size()) * static_cast<size_t>(npy_item_size(array.dtype)));
        array.data.assign(bytes.begin(), bytes.end());
        if (array.dtype == DType::kBool)
            for (auto& b : array.data) b = b != 0;
    } else if (array.dtype == DType::kFloat32) {
        widen_into<float>(values, array.data);
    } else if (array.dtype == DType::kInt8) {
        widen_into<int8_t>(values, array.data);
    } else {
        widen_into<uint8_t>(values, array.data);
    }
    return array;
}

Status write_tensor_npy(const TensorValues& values, const std::string& path) {
    return write_npy_file(path, to_nd_array(values));
}

Status write_tensor_csv(const TensorValues& values, bool real, const std::string& path) {
    auto file = AtomicFile::create(path);
    if (!file) return file.error();
    const auto& shape = values.shape();
    const uint64_t columns = shape.size() < 2 || shape.back() == 0 ? 1 : static_cast<uint64_t>(shape.back());
    const bool dequantize = real && values.quantized();
    std::string text;
    auto flush = [&]() -> Status {
        auto status = file->write({reinterpret_cast<const uint8_t*>(text.data()), text.size()});
        text.clear();
        return status;
    };
    for (uint64_t i = 0; i < values.size(); ++i) {
        if (values.is_string())
            text += csv_quoted(values.strings()[static_cast<size_t>(i)]);
        else if (dequantize)
            text += format_real(values.real(i));
        else
            text += format_element(values.element(i), values.type());
        text += (i + 1) % columns == 0 ? '\n' : ',';
        if (text.size() >= (1u << 20)) LITELAB_TRY(flush());
    }
    LITELAB_TRY(flush());
    return file->commit();
}

}  // namespace litelab::viewers
