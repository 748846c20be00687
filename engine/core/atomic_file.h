// Writes a file so that readers never see a partial result: the bytes go to a temporary file
// in the same directory, which is renamed over the target only by commit(). A file that is
// destroyed without commit() removes its temporary file, so a failed write leaves nothing.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/result.h"

namespace litelab {

class AtomicFile {
public:
    static Result<AtomicFile> create(const std::string& path);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    AtomicFile(const AtomicFile&) = delete;
    ~AtomicFile();

    Status write(std::span<const uint8_t> bytes);
    // Like write(), but runs of zero bytes become holes in the file (sparse), so gigabytes of
    // zero-initialised weights cost no disk space.
    Status write_sparse(std::span<const uint8_t> bytes);
    uint64_t position() const { return position_; }
    // Flushes, closes and renames the temporary file over the target.
    Status commit();

private:
    AtomicFile(std::string path, std::string temp, int fd) : path_(std::move(path)), temp_(std::move(temp)), fd_(fd) {}
    Error fail(const char* what);

    std::string path_;
    std::string temp_;
    int fd_ = -1;
    uint64_t position_ = 0;
    bool ends_in_hole_ = false;
};

Status write_file_atomically(const std::string& path, std::span<const uint8_t> bytes);

}  // namespace litelab
