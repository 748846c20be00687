#include "core/dtype.h"

#include <array>
#include <cctype>

namespace litelab {
namespace {

struct DTypeInfo {
    DType type;
    std::string_view name;
    int bits;
};

constexpr std::array<DTypeInfo, 23> kTypes = {{
    {DType::kFloat32, "FLOAT32", 32},    {DType::kFloat16, "FLOAT16", 16},
    {DType::kInt32, "INT32", 32},        {DType::kUInt8, "UINT8", 8},
    {DType::kInt64, "INT64", 64},        {DType::kString, "STRING", 0},
    {DType::kBool, "BOOL", 8},           {DType::kInt16, "INT16", 16},
    {DType::kComplex64, "COMPLEX64", 64}, {DType::kInt8, "INT8", 8},
    {DType::kFloat64, "FLOAT64", 64},    {DType::kComplex128, "COMPLEX128", 128},
    {DType::kUInt64, "UINT64", 64},      {DType::kResource, "RESOURCE", 0},
    {DType::kVariant, "VARIANT", 0},     {DType::kUInt32, "UINT32", 32},
    {DType::kUInt16, "UINT16", 16},      {DType::kInt4, "INT4", 4},
    {DType::kBFloat16, "BFLOAT16", 16},  {DType::kInt2, "INT2", 2},
    {DType::kUInt4, "UINT4", 4},         {DType::kFloat8E4M3FN, "FLOAT8_E4M3FN", 8},
    {DType::kFloat8E5M2, "FLOAT8_E5M2", 8},
}};

constexpr bool table_is_indexed_by_value() {
    for (size_t i = 0; i < kTypes.size(); ++i)
        if (static_cast<size_t>(kTypes[i].type) != i) return false;
    return true;
}
static_assert(table_is_indexed_by_value());

}  // namespace

bool is_known_dtype(int value) { return value >= 0 && value < static_cast<int>(kTypes.size()); }

std::string_view dtype_name(DType type) {
    const int value = static_cast<int>(type);
    return is_known_dtype(value) ? kTypes[static_cast<size_t>(value)].name : "UNKNOWN";
}

std::optional<DType> dtype_from_name(std::string_view name) {
    for (const auto& info : kTypes) {
        if (info.name.size() != name.size()) continue;
        bool same = true;
        for (size_t i = 0; i < name.size() && same; ++i)
            same = std::toupper(static_cast<unsigned char>(name[i])) == info.name[i];
        if (same) return info.type;
    }
    return std::nullopt;
}

int dtype_bits(DType type) {
    const int value = static_cast<int>(type);
    return is_known_dtype(value) ? kTypes[static_cast<size_t>(value)].bits : 0;
}

std::optional<uint64_t> dtype_storage_bytes(DType type, uint64_t elements) {
    const int bits = dtype_bits(type);
    if (bits == 0 || elements > UINT64_MAX / 16) return std::nullopt;
    if (bits < 8) return (elements * static_cast<uint64_t>(bits) + 7) / 8;
    return elements * static_cast<uint64_t>(bits / 8);
}

}  // namespace litelab
