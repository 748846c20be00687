// Output shapes of one operator, computed by the interpreter's own kernels: the operator is
// compiled alone (its computed inputs become model inputs, its constants stay constants) and the
// kernels' prepare functions set the output shapes. Importers thus need no shape inference of
// their own, and what they write is exactly what LiteLab's interpreter accepts.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/bytes.h"
#include "core/result.h"
#include "model/model.h"

namespace litelab {

// One input of the probed operator.
struct ProbeOperand {
    int32_t id = -1;  // operands with the same id are the same tensor; -1 marks an omitted input
    DType type = DType::kFloat32;
    std::vector<int32_t> shape;
    Bytes value;            // known at import time (a constant, a folded shape): a constant tensor
    bool variable = false;  // recurrent state (LSTM): a variable tensor
};

struct ProbeResult {
    std::vector<std::vector<int32_t>> shapes;  // per output
    // Per output: the value when the interpreter could compute it at compile time (every input
    // known, or SHAPE of a computed tensor); nullopt otherwise.
    std::vector<std::optional<Bytes>> values;
};

// Compiles `code` over `operands` with outputs of `output_types` and reports the outputs' shapes
// (and values where known). Errors carry the interpreter's reason.
Result<ProbeResult> probe_operator(tflite::BuiltinOperator code, int32_t version, const tflite::BuiltinOptionsUnion& options,
                                   const std::vector<ProbeOperand>& operands, const std::vector<DType>& output_types);

}  // namespace litelab
