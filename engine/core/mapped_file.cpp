#include "core/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace litelab {
namespace {

Error io_error(const std::string& path, const std::string& what) {
    return make_error(ErrorCode::kIo, path + ": " + what);
}

}  // namespace

Result<std::shared_ptr<const MappedFile>> MappedFile::open(const std::string& path) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return io_error(path, std::strerror(errno));

    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int saved = errno;
        ::close(fd);
        return io_error(path, std::strerror(saved));
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        return io_error(path, "is a directory");
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return io_error(path, "is not a regular file");
    }
    if (info.st_size == 0) {
        ::close(fd);
        return make_error(ErrorCode::kFormat, path + ": file is empty");
    }

    const auto size = static_cast<size_t>(info.st_size);
    void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int saved = errno;
    ::close(fd);  // the mapping keeps the file alive
    if (address == MAP_FAILED) return io_error(path, std::string("cannot map file: ") + std::strerror(saved));

    return std::shared_ptr<const MappedFile>(
        new MappedFile(path, static_cast<const uint8_t*>(address), size));
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<uint8_t*>(data_), size_);
}

}  // namespace litelab
