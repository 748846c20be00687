// The elementwise family: binary arithmetic with broadcasting (ADD, SUB, MUL, DIV,
// SQUARED_DIFFERENCE, MINIMUM, MAXIMUM) and unary math (SQRT, RSQRT, EXP, LOG, ABS, NEG).
#include "runtime/kernel_registry.h"
#include "runtime/kernels/elementwise/elementwise_common.h"

namespace litelab {

void register_elementwise_kernels(KernelRegistry& registry) {
    elementwise::register_add_sub_kernels(registry);
    elementwise::register_mul_kernels(registry);
    elementwise::register_div_kernels(registry);
    elementwise::register_squared_difference_kernels(registry);
    elementwise::register_min_max_kernels(registry);
    elementwise::register_unary_math_kernels(registry);
    elementwise::register_abs_neg_kernels(registry);
}

}  // namespace litelab
