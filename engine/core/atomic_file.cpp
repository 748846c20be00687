#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace litelab {

Result<AtomicFile> AtomicFile::create(const std::string& path) {
    std::string pattern = path + ".tmp-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return make_error(ErrorCode::kIo, path + ": cannot create file: " + std::strerror(errno));
    return AtomicFile(path, std::string(name.data()), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)), temp_(std::move(other.temp_)), fd_(other.fd_), position_(other.position_) {
    other.fd_ = -1;
    other.temp_.clear();
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

Error AtomicFile::fail(const char* what) {
    return make_error(ErrorCode::kIo, path_ + ": " + what + ": " + std::strerror(errno));
}

Status AtomicFile::write(std::span<const uint8_t> bytes) {
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("write failed");
        }
        written += static_cast<size_t>(n);
    }
    position_ += bytes.size();
    ends_in_hole_ = false;
    return Status::success();
}

Status AtomicFile::write_sparse(std::span<const uint8_t> bytes) {
    constexpr size_t kBlock = 64 * 1024;
    while (!bytes.empty()) {
        const size_t n = std::min(bytes.size(), kBlock);
        const auto block = bytes.first(n);
        if (std::all_of(block.begin(), block.end(), [](uint8_t b) { return b == 0; })) {
            if (::lseek(fd_, static_cast<off_t>(n), SEEK_CUR) < 0) return fail("seek failed");
            position_ += n;
            ends_in_hole_ = true;
        } else {
            LITELAB_TRY(write(block));
            ends_in_hole_ = false;
        }
        bytes = bytes.subspan(n);
    }
    return Status::success();
}

Status AtomicFile::commit() {
    // A trailing hole has no bytes yet: give the file its full length.
    if (ends_in_hole_ && ::ftruncate(fd_, static_cast<off_t>(position_)) != 0) return fail("cannot set file size");
    if (::fchmod(fd_, 0644) != 0) return fail("cannot set permissions");
    if (::fsync(fd_) != 0) return fail("fsync failed");
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return fail("close failed");
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) return fail("cannot rename temporary file");
    temp_.clear();
    return Status::success();
}

Status write_file_atomically(const std::string& path, std::span<const uint8_t> bytes) {
    auto file = AtomicFile::create(path);
    if (!file) return file.error();
    LITELAB_TRY(file->write(bytes));
    return file->commit();
}

}  // namespace litelab
