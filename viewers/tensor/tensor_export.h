// Writing a constant tensor's values to files: .npy (the stored values, exactly) and CSV (the
// values as the inspector shows them). Qt-free; both write atomically, so a failed export
// leaves no partial file, and their errors are one line that names the file.
#pragma once

#include <string>

#include "core/result.h"
#include "npy/nd_array.h"
#include "viewers/tensor/tensor_values.h"

namespace litelab::viewers {

// The stored values as a NumPy array of the tensor's shape. Types NumPy lacks are widened
// without loss: BFLOAT16 and FLOAT8 to float32, INT4 and INT2 to int8, UINT4 to uint8.
// Quantized tensors keep their integers (the scale is not part of a .npy).
NdArray to_nd_array(const TensorValues& values);

Status write_tensor_npy(const TensorValues& values, const std::string& path);

// As NumPy's savetxt(path, x.reshape(-1, shape[-1]), delimiter=",") writes it: one line per
// row, the last dimension across, no header; rank 0 and 1 give one value per line. `real`
// writes dequantized values for quantized tensors, the stored integers otherwise. Strings are
// quoted as RFC 4180 asks when they hold commas, quotes or line breaks.
Status write_tensor_csv(const TensorValues& values, bool real, const std::string& path);

}  // namespace litelab::viewers
