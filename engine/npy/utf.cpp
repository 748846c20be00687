#include "npy/utf.h"

namespace litelab::npy_detail {

void append_utf8(std::string& out, uint32_t c) {
    auto put = [&out](uint32_t byte) { out += static_cast<char>(static_cast<uint8_t>(byte)); };
    if (c < 0x80) {
        put(c);
    } else if (c < 0x800) {
        put(0xC0 | (c >> 6));
        put(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        put(0xE0 | (c >> 12));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
    } else {
        put(0xF0 | (c >> 18));
        put(0x80 | ((c >> 12) & 0x3F));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
    }
}

std::vector<uint32_t> decode_utf8(const std::string& text) {
    constexpr uint32_t kReplacement = 0xFFFD;
    std::vector<uint32_t> out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<uint8_t>(text[i]);
        if (lead < 0x80) {
            out.push_back(lead);
            ++i;
            continue;
        }
        // Sequence length, payload bits of the lead byte, and the smallest non-overlong value.
        size_t length = 4;
        uint32_t c = lead & 0x07u;
        uint32_t min = 0x10000;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            c = lead & 0x1Fu;
            min = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            c = lead & 0x0Fu;
            min = 0x800;
        } else if ((lead & 0xF8) != 0xF0) {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        size_t taken = 1;
        while (taken < length && i + taken < text.size() && (static_cast<uint8_t>(text[i + taken]) & 0xC0) == 0x80) {
            c = (c << 6) | (static_cast<uint8_t>(text[i + taken]) & 0x3Fu);
            ++taken;
        }
        // Overlong forms, surrogates and truncated sequences are all invalid.
        out.push_back(taken == length && c >= min && is_scalar_value(c) ? c : kReplacement);
        i += taken;
    }
    return out;
}

}  // namespace litelab::npy_detail
