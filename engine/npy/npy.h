// NumPy's .npy format (numpy.lib.format): reads everything NumPy writes for the dtypes NdArray
// holds — format versions 1.0, 2.0 and 3.0, either byte order, Fortran order, 0-d and empty
// arrays — and writes what NumPy reads. Input is untrusted: every length, shape product and
// data size is checked before anything is read or allocated.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "npy/nd_array.h"

namespace litelab {

// Errors name the problem without a path ("truncated: the data needs 24 bytes but the file has 20").
Result<NdArray> decode_npy(std::span<const uint8_t> bytes);
// Errors read "PATH: problem", one line.
Result<NdArray> read_npy_file(const std::string& path);

// Format version 1.0 (2.0 only when the header outgrows 1.0's 16-bit length), little-endian,
// C order; STRING arrays as '<U<n>' with n the longest element in code points. `array` must
// pass check(); invalid UTF-8 in strings becomes U+FFFD.
std::vector<uint8_t> encode_npy(const NdArray& array);
// Writes atomically (temporary file + rename): on failure nothing is left at `path`.
Status write_npy_file(const std::string& path, const NdArray& array);

}  // namespace litelab
