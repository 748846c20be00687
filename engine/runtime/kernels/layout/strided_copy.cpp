#include "runtime/kernels/layout/strided_copy.h"

#include <cstring>

namespace litelab::layout {

namespace {

// One innermost run; the element size is a template parameter so each copy is a single move.
template <size_t N>
void copy_run(const uint8_t* src, int64_t src_step, uint8_t* dst, int64_t dst_step, int64_t count) {
    for (int64_t i = 0; i < count; ++i, src += src_step, dst += dst_step) std::memcpy(dst, src, N);
}

void copy_run_any(const uint8_t* src, int64_t src_step, uint8_t* dst, int64_t dst_step, int64_t count, size_t size) {
    for (int64_t i = 0; i < count; ++i, src += src_step, dst += dst_step) std::memcpy(dst, src, size);
}

}  // namespace

StridedCopy::StridedCopy(const std::vector<int64_t>& shape, const std::vector<int64_t>& src_strides,
                         int64_t src_offset, const std::vector<int64_t>& dst_strides, int64_t dst_offset,
                         size_t element_bytes)
    : src_offset_(src_offset * static_cast<int64_t>(element_bytes)),
      dst_offset_(dst_offset * static_cast<int64_t>(element_bytes)),
      element_bytes_(element_bytes),
      empty_(false) {
    const auto size = static_cast<int64_t>(element_bytes);
    for (size_t d = 0; d < shape.size(); ++d) {
        if (shape[d] == 0) empty_ = true;
        if (shape[d] == 1) continue;
        const int64_t s = src_strides[d] * size, t = dst_strides[d] * size;
        // Merge into the previous (outer) dimension when the two walk both sides contiguously.
        if (!shape_.empty() && src_strides_.back() == s * shape[d] && dst_strides_.back() == t * shape[d]) {
            shape_.back() *= shape[d];
            src_strides_.back() = s;
            dst_strides_.back() = t;
            continue;
        }
        shape_.push_back(shape[d]);
        src_strides_.push_back(s);
        dst_strides_.push_back(t);
    }
    if (shape_.empty()) {  // a single element
        shape_ = {1};
        src_strides_ = {size};
        dst_strides_ = {size};
    }
}

void StridedCopy::run(const uint8_t* src, uint8_t* dst) const {
    if (empty_) return;
    src += src_offset_;
    dst += dst_offset_;
    const size_t outer_rank = shape_.size() - 1;
    const int64_t count = shape_.back();
    const int64_t src_step = src_strides_.back(), dst_step = dst_strides_.back();
    const auto size = static_cast<int64_t>(element_bytes_);
    const bool contiguous = src_step == size && dst_step == size;
    std::vector<int64_t> index(outer_rank, 0);
    for (;;) {
        if (contiguous) {
            std::memcpy(dst, src, static_cast<size_t>(count * size));
        } else {
            switch (element_bytes_) {
                case 1: copy_run<1>(src, src_step, dst, dst_step, count); break;
                case 2: copy_run<2>(src, src_step, dst, dst_step, count); break;
                case 4: copy_run<4>(src, src_step, dst, dst_step, count); break;
                case 8: copy_run<8>(src, src_step, dst, dst_step, count); break;
                default: copy_run_any(src, src_step, dst, dst_step, count, element_bytes_); break;
            }
        }
        // Next position of the outer dimensions, odometer style.
        size_t d = outer_rank;
        for (; d-- > 0;) {
            src += src_strides_[d];
            dst += dst_strides_[d];
            if (++index[d] < shape_[d]) break;
            src -= src_strides_[d] * shape_[d];
            dst -= dst_strides_[d] * shape_[d];
            index[d] = 0;
        }
        if (d == static_cast<size_t>(-1)) return;
    }
}

}  // namespace litelab::layout
