// Element types of tensors. The numeric values equal TFLite's TensorType so that a cast from
// the schema enum is exact; dtype.cpp checks this at compile time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace litelab {

enum class DType : int8_t {
    kFloat32 = 0,
    kFloat16 = 1,
    kInt32 = 2,
    kUInt8 = 3,
    kInt64 = 4,
    kString = 5,
    kBool = 6,
    kInt16 = 7,
    kComplex64 = 8,
    kInt8 = 9,
    kFloat64 = 10,
    kComplex128 = 11,
    kUInt64 = 12,
    kResource = 13,
    kVariant = 14,
    kUInt32 = 15,
    kUInt16 = 16,
    kInt4 = 17,
    kBFloat16 = 18,
    kInt2 = 19,
    kUInt4 = 20,
    kFloat8E4M3FN = 21,
    kFloat8E5M2 = 22,
};

// Upper-case TFLite name ("FLOAT32", "INT8"); "UNKNOWN" for values outside the enum.
std::string_view dtype_name(DType type);
// Parses a TFLite name, case-insensitive ("float32", "INT8").
std::optional<DType> dtype_from_name(std::string_view name);
bool is_known_dtype(int value);

// Bits per element; 0 for types without a fixed size (STRING, RESOURCE, VARIANT).
int dtype_bits(DType type);

// Bytes needed for `elements` values of `type` (INT4/UINT4 pack two per byte, INT2 four); nullopt when the
// type has no fixed size.
std::optional<uint64_t> dtype_storage_bytes(DType type, uint64_t elements);

}  // namespace litelab
