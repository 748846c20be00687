// Decodes the custom options of CUSTOM operators, which TFLite stores as FlexBuffers maps.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace litelab {

// The options as JSON-like text ({"max_detections": 10, ...}); nullopt when the bytes are not
// a valid FlexBuffer (they are verified before anything is read).
std::optional<std::string> decode_flexbuffer_options(std::span<const uint8_t> bytes);

}  // namespace litelab
