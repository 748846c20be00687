// Read-only memory mapping of a whole file. Large models are opened without reading their
// weights: pages are faulted in only when a tensor's data is touched.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "core/result.h"

namespace litelab {

class MappedFile {
public:
    // Maps `path`; errors name the file ("x.tflite: is a directory", "...: file is empty").
    static Result<std::shared_ptr<const MappedFile>> open(const std::string& path);

    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::span<const uint8_t> bytes() const { return {data_, size_}; }
    const std::string& path() const { return path_; }

private:
    MappedFile(std::string path, const uint8_t* data, size_t size)
        : path_(std::move(path)), data_(data), size_(size) {}

    std::string path_;
    const uint8_t* data_ = nullptr;
    size_t size_ = 0;
};

}  // namespace litelab
