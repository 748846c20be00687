#include "core/one_line.h"

#include <cstdio>

namespace litelab {

std::string one_line(const std::string& text) {
    std::string line;
    line.reserve(text.size());
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u != 0x7f) {
            line += c;
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", u);
            line += escaped;
        }
    }
    return line;
}

}  // namespace litelab
