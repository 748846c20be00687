// Axis orders: how a lowered value's TFLite tensor orders the ONNX value's dimensions.
//
// A value stored with order `perm` holds transpose(source, perm): stored dimension i is source
// dimension perm[i]. NCHW convolution outputs are stored channels-last ([0, 2, 3, 1]) so that
// chains of convolutions, activations and pools need no TRANSPOSE at all; an ONNX Transpose
// only changes the order, and a TRANSPOSE is emitted only where an operator needs another one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace litelab::onnx {

using AxisOrder = std::vector<int>;

AxisOrder identity_order(int rank);
// [0, 2, ..., rank-1, 1]: NCHW -> NHWC, NCW -> NWC, NCDHW -> NDHWC.
AxisOrder channels_last_order(int rank);
bool is_identity(const AxisOrder& order);
AxisOrder inverse_order(const AxisOrder& order);
// The TRANSPOSE permutation that turns a tensor stored in `from` into one stored in `to`.
AxisOrder transpose_between(const AxisOrder& from, const AxisOrder& to);
// Where source axis `axis` sits in the stored tensor.
int stored_axis(const AxisOrder& order, int axis);

template <class T>
std::vector<T> apply_order(const std::vector<T>& source, const AxisOrder& order) {
    std::vector<T> out(order.size());
    for (size_t i = 0; i < order.size(); ++i) out[i] = source[static_cast<size_t>(order[i])];
    return out;
}

// True when storing `shape` in `order` leaves the bytes where they are: the dimensions larger
// than 1 keep their relative order (NCHW [N, C, 1, 1] stored as NHWC, for instance).
bool order_keeps_memory(const std::vector<int64_t>& shape, const AxisOrder& order);

}  // namespace litelab::onnx
