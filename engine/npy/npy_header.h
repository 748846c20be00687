// The .npy header: a Python dict literal such as
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// NumPy reads it with ast.literal_eval, so any literal it accepts is accepted here (keys in any
// order, either quote, spaces, trailing commas, Python 2's 3L). Internal to engine/npy.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dtype.h"
#include "core/result.h"

namespace litelab::npy_detail {

struct NpyHeader {
    DType dtype = DType::kFloat32;
    uint64_t item_size = 0;     // bytes per element in the file (4 per code point for STRING)
    bool big_endian = false;    // multi-byte items (and STRING code points) need swapping
    bool fortran_order = false;
    std::vector<int64_t> shape;
    std::string descr;          // as written, for messages
};

// Errors read "bad .npy header: ..." or "unsupported dtype '<c8' (complex numbers)", no path.
Result<NpyHeader> parse_npy_header(std::string_view text);

// The dict NumPy writes for a C-order array of `descr` and `shape`, without padding.
std::string format_npy_header(std::string_view descr, const std::vector<int64_t>& shape);

}  // namespace litelab::npy_detail
