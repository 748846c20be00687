#include "npy/nd_array.h"

#include <limits>

namespace litelab {

int npy_item_size(DType dtype) {
    switch (dtype) {
        case DType::kBool:
        case DType::kInt8:
        case DType::kUInt8: return 1;
        case DType::kFloat16:
        case DType::kInt16:
        case DType::kUInt16: return 2;
        case DType::kFloat32:
        case DType::kInt32:
        case DType::kUInt32: return 4;
        case DType::kFloat64:
        case DType::kInt64:
        case DType::kUInt64: return 8;
        default: return 0;
    }
}

std::string format_npy_shape(std::span<const int64_t> shape) {
    std::string text = "(";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) text += ", ";
        text += std::to_string(shape[i]);
    }
    if (shape.size() == 1) text += ",";
    return text + ")";
}

int64_t NdArray::element_count() const {
    // Unsigned so that an inconsistent shape wraps instead of overflowing; check() reports it.
    uint64_t count = 1;
    for (int64_t dim : shape) count *= static_cast<uint64_t>(dim);
    return static_cast<int64_t>(count);
}

Status NdArray::check() const {
    const std::string where = "array of shape " + format_npy_shape(shape);
    uint64_t count = 1;
    bool empty = false;
    for (int64_t dim : shape) {
        if (dim < 0) return make_error(ErrorCode::kUsage, where + ": negative dimension");
        if (dim == 0) empty = true;
    }
    for (int64_t dim : shape) {
        if (dim == 0) continue;
        if (count > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) / static_cast<uint64_t>(dim))
            return make_error(ErrorCode::kUsage, where + ": too many elements");
        count *= static_cast<uint64_t>(dim);
    }
    if (empty) count = 0;

    if (dtype == DType::kString) {
        if (!data.empty()) return make_error(ErrorCode::kUsage, where + ": a STRING array keeps its bytes in strings, not data");
        if (strings.size() != count)
            return make_error(ErrorCode::kUsage, where + ": " + std::to_string(count) + " elements but " +
                                                     std::to_string(strings.size()) + " strings");
        return Status::success();
    }
    const int item = npy_item_size(dtype);
    if (item == 0)
        return make_error(ErrorCode::kUsage, where + ": NumPy has no dtype for " + std::string(dtype_name(dtype)));
    if (!strings.empty()) return make_error(ErrorCode::kUsage, where + ": strings set for a " + std::string(dtype_name(dtype)) + " array");
    if (count > std::numeric_limits<uint64_t>::max() / 8 || data.size() != count * static_cast<uint64_t>(item))
        return make_error(ErrorCode::kUsage, where + " of " + std::string(dtype_name(dtype)) + ": data has " +
                                                 std::to_string(data.size()) + " bytes, " +
                                                 std::to_string(count * static_cast<uint64_t>(item)) + " expected");
    if (dtype == DType::kBool)
        for (uint8_t b : data)
            if (b > 1) return make_error(ErrorCode::kUsage, where + ": a BOOL byte is neither 0 nor 1");
    return Status::success();
}

NdArray NdArray::from_float16_bits(std::vector<int64_t> shape, std::span<const uint16_t> bits) {
    NdArray array = from<uint16_t>(std::move(shape), bits);
    array.dtype = DType::kFloat16;
    return array;
}

NdArray NdArray::from_strings(std::vector<int64_t> shape, std::vector<std::string> strings) {
    NdArray array;
    array.dtype = DType::kString;
    array.shape = std::move(shape);
    array.strings = std::move(strings);
    assert(static_cast<size_t>(array.element_count()) == array.strings.size());
    return array;
}

NdArray NdArray::from_string(std::string text) {
    std::vector<std::string> one;
    one.push_back(std::move(text));
    return from_strings({}, std::move(one));
}

}  // namespace litelab
