#include "tflite/custom_options.h"

#include <flatbuffers/flexbuffers.h>

namespace litelab {

std::optional<std::string> decode_flexbuffer_options(std::span<const uint8_t> bytes) {
    if (bytes.empty() || !flexbuffers::VerifyBuffer(bytes.data(), bytes.size())) return std::nullopt;
    std::string text;
    flexbuffers::GetRoot(bytes.data(), bytes.size()).ToString(/*strings_quoted=*/true, /*keys_quoted=*/true, text);
    return text;
}

}  // namespace litelab
