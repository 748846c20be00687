// Arrays of every dtype NdArray holds, with their edge values, for the writer tests.
#pragma once

#include <vector>

#include "npy/nd_array.h"
#include "npy/npz.h"

namespace litelab::test {

// One array per dtype (FLOAT16 to STRING), with extremes, NaN, -0.0, 0-d and empty shapes.
std::vector<NdArray> one_of_each_dtype();
// The same arrays as archive entries, with names that are not in alphabetical order.
std::vector<NpzEntry> sample_entries();

}  // namespace litelab::test
