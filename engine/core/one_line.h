// Messages are one line each. Names that come from files may hold control characters (a
// newline in a tensor name); one_line() shows those as \xNN so a message never spills.
#pragma once

#include <string>

namespace litelab {

std::string one_line(const std::string& text);

}  // namespace litelab
