#include "runtime/tensor_info.h"

namespace litelab {

size_t TensorInfo::bytes() const {
    const auto bytes = dtype_storage_bytes(type, static_cast<uint64_t>(elements()));
    return bytes ? static_cast<size_t>(*bytes) : 0;
}

}  // namespace litelab
