#include "runtime/kernels/reduce/reduce_plan.h"

#include <string>

namespace litelab::reduce {

Result<ReducePlan> plan_reduction(std::span<const int32_t> input_dims, std::span<const int32_t> axes, bool keep_dims) {
    const auto rank = static_cast<int32_t>(input_dims.size());
    std::vector<bool> reduced(input_dims.size(), false);
    for (int32_t axis : axes) {
        // A scalar has no axes to reduce; TFLite ignores the axis values then.
        if (rank == 0) break;
        if (axis < -rank || axis >= rank)
            return make_error(ErrorCode::kInvalid,
                              "axis " + std::to_string(axis) + " out of range for rank " + std::to_string(rank));
        reduced[static_cast<size_t>(axis < 0 ? axis + rank : axis)] = true;
    }

    ReducePlan plan;
    plan.input_dims.assign(input_dims.begin(), input_dims.end());
    plan.output_steps.assign(input_dims.size(), 0);
    int64_t step = 1;
    for (int32_t d = rank - 1; d >= 0; --d) {
        const auto ud = static_cast<size_t>(d);
        plan.input_elements *= input_dims[ud];
        if (reduced[ud]) {
            plan.reduced_elements *= input_dims[ud];
        } else {
            plan.output_steps[ud] = step;
            step *= input_dims[ud];
        }
    }
    plan.output_elements = step;
    for (int32_t d = 0; d < rank; ++d) {
        const auto ud = static_cast<size_t>(d);
        if (!reduced[ud])
            plan.output_shape.push_back(input_dims[ud]);
        else if (keep_dims)
            plan.output_shape.push_back(1);
    }
    return plan;
}

}  // namespace litelab::reduce
