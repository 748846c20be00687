// How a reduction over some axes maps input elements to output elements, resolved once at
// compile time: negative axes wrapped, duplicates dropped (TFLite's ResolveAxis), the output
// shape with or without the kept unit dimensions, and for every input dimension the step it
// makes in the output (0 along reduced axes).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"

namespace litelab::reduce {

struct ReducePlan {
    std::vector<int32_t> input_dims;
    std::vector<int64_t> output_steps;  // per input dimension; 0 where reduced
    std::vector<int32_t> output_shape;
    int64_t input_elements = 1;
    int64_t output_elements = 1;
    int64_t reduced_elements = 1;  // input elements folded into each output element
};

// Fails (kInvalid) for an axis outside [-rank, rank).
Result<ReducePlan> plan_reduction(std::span<const int32_t> input_dims, std::span<const int32_t> axes, bool keep_dims);

// Folds every input element into its output accumulator, in input order (the order TFLite's
// reference Reduce visits them, which float sums depend on). `acc` holds output_elements values,
// already initialised; fold(Acc, In) -> Acc.
template <class In, class Acc, class Fold>
void reduce_into(const ReducePlan& plan, const In* input, Acc* acc, Fold fold) {
    const auto rank = static_cast<int>(plan.input_dims.size());
    std::vector<int32_t> index(static_cast<size_t>(rank), 0);
    int64_t out = 0;
    for (int64_t i = 0; i < plan.input_elements; ++i) {
        acc[out] = fold(acc[out], input[i]);
        for (int d = rank - 1; d >= 0; --d) {
            const auto ud = static_cast<size_t>(d);
            if (++index[ud] < plan.input_dims[ud]) {
                out += plan.output_steps[ud];
                break;
            }
            out -= plan.output_steps[ud] * (plan.input_dims[ud] - 1);
            index[ud] = 0;
        }
    }
}

}  // namespace litelab::reduce
