// Which implementation a convolution kernel uses. Normally the factory decides from the shape
// (im2col + GEMM when there is enough work, the direct reference loops otherwise); tests force
// one path to prove both compute the same results. The choice is made when a model is compiled.
#pragma once

#include <cstdint>

namespace litelab::conv {

enum class ConvPath : uint8_t {
    kAuto,       // by shape
    kReference,  // TFLite's reference loops
    kFast,       // im2col + GEMM wherever the type and shape allow it
};

// Process-wide override for tests; kAuto in production.
ConvPath conv_path_override();
void set_conv_path_override(ConvPath path);

// Restores kAuto when it goes out of scope.
class ScopedConvPath {
public:
    explicit ScopedConvPath(ConvPath path) { set_conv_path_override(path); }
    ~ScopedConvPath() { set_conv_path_override(ConvPath::kAuto); }
    ScopedConvPath(const ScopedConvPath&) = delete;
    ScopedConvPath& operator=(const ScopedConvPath&) = delete;
};

// Whether a GEMM-able convolution of this size takes the fast path: the override, or enough
// multiply-accumulates that im2col pays for itself.
bool use_fast_path(int64_t multiply_accumulates);

}  // namespace litelab::conv
