#include "import/onnx/axis_order.h"

namespace litelab::onnx {

AxisOrder identity_order(int rank) {
    AxisOrder order(static_cast<size_t>(rank));
    for (int i = 0; i < rank; ++i) order[static_cast<size_t>(i)] = i;
    return order;
}

AxisOrder channels_last_order(int rank) {
    if (rank < 3) return identity_order(rank);
    AxisOrder order{0};
    for (int i = 2; i < rank; ++i) order.push_back(i);
    order.push_back(1);
    return order;
}

bool is_identity(const AxisOrder& order) {
    for (size_t i = 0; i < order.size(); ++i) {
        if (order[i] != static_cast<int>(i)) return false;
    }
    return true;
}

AxisOrder inverse_order(const AxisOrder& order) {
    AxisOrder inverse(order.size());
    for (size_t i = 0; i < order.size(); ++i) inverse[static_cast<size_t>(order[i])] = static_cast<int>(i);
    return inverse;
}

AxisOrder transpose_between(const AxisOrder& from, const AxisOrder& to) {
    const AxisOrder inv_from = inverse_order(from);
    AxisOrder t(to.size());
    for (size_t i = 0; i < to.size(); ++i) t[i] = inv_from[static_cast<size_t>(to[i])];
    return t;
}

int stored_axis(const AxisOrder& order, int axis) {
    for (size_t i = 0; i < order.size(); ++i) {
        if (order[i] == axis) return static_cast<int>(i);
    }
    return -1;
}

bool order_keeps_memory(const std::vector<int64_t>& shape, const AxisOrder& order) {
    int last = -1;
    for (int axis : order) {
        if (shape[static_cast<size_t>(axis)] == 1) continue;
        if (axis < last) return false;
        last = axis;
    }
    return true;
}

}  // namespace litelab::onnx
