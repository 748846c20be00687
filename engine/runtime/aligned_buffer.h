// A zero-initialised byte buffer aligned for any tensor element type and for SIMD loads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <span>

namespace litelab {

class AlignedBuffer {
public:
    static constexpr size_t kAlignment = 64;

    AlignedBuffer() = default;
    explicit AlignedBuffer(size_t bytes) : size_(bytes) {
        if (bytes == 0) return;
        const size_t rounded = (bytes + kAlignment - 1) / kAlignment * kAlignment;
        void* memory = std::aligned_alloc(kAlignment, rounded);
        if (!memory) throw std::bad_alloc();
        std::memset(memory, 0, rounded);
        data_.reset(static_cast<uint8_t*>(memory));
    }
    static AlignedBuffer copy_of(std::span<const uint8_t> bytes) {
        AlignedBuffer buffer(bytes.size());
        if (!bytes.empty()) std::memcpy(buffer.data(), bytes.data(), bytes.size());
        return buffer;
    }

    uint8_t* data() { return data_.get(); }
    const uint8_t* data() const { return data_.get(); }
    size_t size() const { return size_; }
    std::span<uint8_t> span() { return {data_.get(), size_}; }
    std::span<const uint8_t> span() const { return {data_.get(), size_}; }

private:
    struct Free {
        void operator()(uint8_t* p) const { std::free(p); }
    };
    std::unique_ptr<uint8_t, Free> data_;
    size_t size_ = 0;
};

}  // namespace litelab
