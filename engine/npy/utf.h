// UTF-8 <-> code points, for NumPy's 'U' dtype (UTF-32 in the file, UTF-8 in NdArray).
// Internal to engine/npy.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace litelab::npy_detail {

// Whether `c` is a Unicode scalar value (not a surrogate, at most U+10FFFF).
inline bool is_scalar_value(uint32_t c) { return c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF); }

// Appends `c`, which must be a scalar value.
void append_utf8(std::string& out, uint32_t c);

// Decodes UTF-8; each invalid or truncated sequence becomes U+FFFD.
std::vector<uint32_t> decode_utf8(const std::string& text);

}  // namespace litelab::npy_detail
