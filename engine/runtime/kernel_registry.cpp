#include "runtime/kernel_registry.h"

namespace litelab {

void KernelRegistry::add(tflite::BuiltinOperator op, KernelFactory factory) {
    factories_[static_cast<size_t>(op)] = factory;
}

KernelFactory KernelRegistry::find(tflite::BuiltinOperator op) const {
    const auto i = static_cast<size_t>(op);
    return i < factories_.size() ? factories_[i] : nullptr;
}

const KernelRegistry& KernelRegistry::builtin() {
    static const KernelRegistry registry = [] {
        KernelRegistry r;
        register_elementwise_kernels(r);
        register_activation_kernels(r);
        register_quantize_kernels(r);
        register_conv_kernels(r);
        register_fully_connected_kernels(r);
        register_pooling_kernels(r);
        register_reduce_kernels(r);
        register_softmax_kernels(r);
        register_shape_kernels(r);
        register_layout_kernels(r);
        register_recurrent_kernels(r);
        register_compare_kernels(r);
        register_control_flow_kernels(r);
        register_conv3d_kernels(r);
        register_tile_kernels(r);
        register_power_kernels(r);
        return r;
    }();
    return registry;
}

}  // namespace litelab
