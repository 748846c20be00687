// NdArray: an n-dimensional array as NumPy stores it in .npy/.npz files, independent of any
// model. It owns its bytes. Numeric data is always C-order and native little-endian whatever
// the file said; FLOAT16 keeps the raw IEEE half bits (read them as uint16_t); BOOL holds one
// byte 0 or 1 per element. STRING arrays (NumPy's unicode 'U' dtype) keep one UTF-8 string per
// element in `strings` and leave `data` empty.
#pragma once

#include <cassert>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "core/dtype.h"
#include "core/result.h"

namespace litelab {

// The DType a C++ element type stands for (uint16_t also reads FLOAT16 bits, see values()).
template <class T>
constexpr DType npy_dtype_of() {
    if constexpr (std::is_same_v<T, float>) return DType::kFloat32;
    else if constexpr (std::is_same_v<T, double>) return DType::kFloat64;
    else if constexpr (std::is_same_v<T, bool>) return DType::kBool;
    else if constexpr (std::is_same_v<T, int8_t>) return DType::kInt8;
    else if constexpr (std::is_same_v<T, uint8_t>) return DType::kUInt8;
    else if constexpr (std::is_same_v<T, int16_t>) return DType::kInt16;
    else if constexpr (std::is_same_v<T, uint16_t>) return DType::kUInt16;
    else if constexpr (std::is_same_v<T, int32_t>) return DType::kInt32;
    else if constexpr (std::is_same_v<T, uint32_t>) return DType::kUInt32;
    else if constexpr (std::is_same_v<T, int64_t>) return DType::kInt64;
    else if constexpr (std::is_same_v<T, uint64_t>) return DType::kUInt64;
    else static_assert(sizeof(T) == 0, "NdArray has no dtype for this element type");
}

// Bytes per element in `data` for the dtypes NdArray supports; 0 for STRING and everything else.
int npy_item_size(DType dtype);

// "(2, 3)", "(3,)", "()": shapes as NumPy prints them, for messages.
std::string format_npy_shape(std::span<const int64_t> shape);

struct NdArray {
    DType dtype = DType::kFloat32;
    std::vector<int64_t> shape;       // () is a 0-d array holding one element
    std::vector<uint8_t> data;        // C-order, native little-endian; empty for STRING
    std::vector<std::string> strings;  // STRING only: one UTF-8 string per element, C-order

    // Product of the shape (1 for a 0-d array). Assumes a consistent array (see check()).
    int64_t element_count() const;

    // Whether dtype, shape, data and strings agree; kUsage error otherwise, naming what is wrong.
    // Writers call this before writing.
    Status check() const;

    // The elements as T, which must match dtype (uint16_t for FLOAT16 bits too). A mismatch is a
    // programming error: it asserts, and gives an empty span in release builds.
    template <class T>
    std::span<const T> values() const {
        if (!holds<T>()) return {};
        return {reinterpret_cast<const T*>(data.data()), data.size() / sizeof(T)};
    }
    template <class T>
    std::span<T> values() {
        if (!holds<T>()) return {};
        return {reinterpret_cast<T*>(data.data()), data.size() / sizeof(T)};
    }

    template <class T>
    static NdArray from(std::vector<int64_t> shape, std::span<const T> values) {
        NdArray array;
        array.dtype = npy_dtype_of<T>();
        array.shape = std::move(shape);
        assert(static_cast<size_t>(array.element_count()) == values.size());
        array.data.resize(values.size_bytes());
        if (!values.empty()) std::memcpy(array.data.data(), values.data(), values.size_bytes());
        if constexpr (std::is_same_v<T, bool>)
            for (auto& b : array.data) b = b != 0;  // a bool's byte is 0 or 1 in NumPy
        return array;
    }
    // FLOAT16 from raw IEEE half bits.
    static NdArray from_float16_bits(std::vector<int64_t> shape, std::span<const uint16_t> bits);
    static NdArray from_strings(std::vector<int64_t> shape, std::vector<std::string> strings);
    // A 0-d string array, as np.array("text").
    static NdArray from_string(std::string text);

    friend bool operator==(const NdArray&, const NdArray&) = default;

private:
    template <class T>
    bool holds() const {
        const bool match = npy_dtype_of<T>() == dtype || (std::is_same_v<T, uint16_t> && dtype == DType::kFloat16);
        assert(match);
        return match;
    }
};

}  // namespace litelab
