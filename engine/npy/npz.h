// NumPy's .npz archives (np.savez, np.savez_compressed): a zip of .npy members, read and written
// with libzip. Members come back in archive order, named without ".npy". The archive is
// untrusted: sizes are checked against the zip headers and a cap before anything is allocated,
// and every member's CRC is verified.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "npy/nd_array.h"

namespace litelab {

struct NpzEntry {
    std::string name;  // the member name without ".npy", as np.load's keys
    NdArray array;

    friend bool operator==(const NpzEntry&, const NpzEntry&) = default;
};

// A member whose uncompressed size exceeds this is refused (a zip bomb, or not worth a desktop's memory).
inline constexpr uint64_t kNpzMaxMemberBytes = uint64_t{16} << 30;

// Errors name the member and the problem, without a path. `max_member_bytes` lowers the cap
// (the fuzzer uses it to stay within its memory limit).
Result<std::vector<NpzEntry>> decode_npz(std::span<const uint8_t> bytes, uint64_t max_member_bytes = kNpzMaxMemberBytes);
// Errors read "PATH: problem", one line.
Result<std::vector<NpzEntry>> read_npz_file(const std::string& path);

// Builds the archive in memory: members "<name>.npy" in the given order, stored (as np.savez)
// or deflated (as np.savez_compressed). Refuses repeated names, names holding NUL and arrays
// that fail NdArray::check() (kUsage).
Result<std::vector<uint8_t>> encode_npz(const std::vector<NpzEntry>& entries, bool compress = false);
// Writes atomically (temporary file + rename): on failure nothing is left at `path`.
Status write_npz_file(const std::string& path, const std::vector<NpzEntry>& entries, bool compress = false);

// The array named `name`, or nullptr.
const NdArray* find(const std::vector<NpzEntry>& entries, std::string_view name);

}  // namespace litelab
