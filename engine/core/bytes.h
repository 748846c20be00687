// Bytes: an immutable, cheaply copyable view of bytes together with whatever keeps them alive
// (a memory-mapped file, or a vector the Model owns). Copying a Model copies these views, never
// the weights.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace litelab {

class Bytes {
public:
    Bytes() = default;
    Bytes(std::shared_ptr<const void> owner, std::span<const uint8_t> view)
        : owner_(std::move(owner)), view_(view) {}

    static Bytes copy_of(std::span<const uint8_t> data) {
        return take(std::vector<uint8_t>(data.begin(), data.end()));
    }
    static Bytes take(std::vector<uint8_t> data) {
        auto owned = std::make_shared<const std::vector<uint8_t>>(std::move(data));
        std::span<const uint8_t> view(owned->data(), owned->size());
        return {std::move(owned), view};
    }

    std::span<const uint8_t> span() const { return view_; }
    const uint8_t* data() const { return view_.data(); }
    size_t size() const { return view_.size(); }
    bool empty() const { return view_.empty(); }

    // Byte-wise comparison: two views are equal when they hold the same bytes.
    friend bool operator==(const Bytes& a, const Bytes& b) {
        return a.size() == b.size() &&
               (a.data() == b.data() || std::equal(a.view_.begin(), a.view_.end(), b.view_.begin()));
    }

private:
    std::shared_ptr<const void> owner_;
    std::span<const uint8_t> view_;
};

}  // namespace litelab
