// The agreement rule between LiteLab's outputs and a peer runtime's: floats element-wise
// |ours - peer| <= atol + rtol * |peer|; integers at least `exact_fraction` exactly equal and
// every element within `max_int_diff`.
#pragma once

#include <string>

#include "npy/nd_array.h"

namespace litelab::test {

struct Tolerance {
    double atol = 1e-6;
    double rtol = 1e-5;
    double exact_fraction = 0.99;
    int max_int_diff = 1;
};

struct Comparison {
    std::string problem;  // empty when the arrays agree
    std::string summary;  // "max diff 0.0001, exact 0.98"
};

Comparison compare_outputs(const NdArray& ours, const NdArray& peer, const Tolerance& tolerance);

}  // namespace litelab::test
