// Merge layers: Add, Subtract, Multiply, Maximum, Minimum (chains of the binary operator),
// Average (sum divided by the count) and Concatenate.
#include "import/common/emit_ops.h"
#include "import/keras/keras_layers.h"
#include "import/keras/layer_config.h"

namespace litelab::keras_layers {

Lowered merge(LayerCall& c) {
    const std::string& cls = c.layer.class_name;
    if (c.inputs.size() < 2) return c.error("needs at least two inputs", ErrorCode::kInvalid);
    if (cls == "Subtract" && c.inputs.size() != 2) return c.error("needs exactly two inputs", ErrorCode::kInvalid);
    tflite::BuiltinOperator code = tflite::BuiltinOperator_ADD;
    if (cls == "Subtract") code = tflite::BuiltinOperator_SUB;
    else if (cls == "Multiply") code = tflite::BuiltinOperator_MUL;
    else if (cls == "Maximum") code = tflite::BuiltinOperator_MAXIMUM;
    else if (cls == "Minimum") code = tflite::BuiltinOperator_MINIMUM;
    const bool average = cls == "Average";

    int32_t acc = c.inputs[0];
    for (size_t i = 1; i < c.inputs.size(); ++i) {
        const bool last = i + 1 == c.inputs.size() && !average;
        auto next = emit::binary(c.e, code, acc, c.inputs[i], last ? c.name : c.name + "/partial_" + std::to_string(i));
        if (!next) return next.error();
        acc = *next;
    }
    if (average) {
        auto mean = emit::binary(c.e, tflite::BuiltinOperator_DIV, acc,
                                 c.e.scalar(c.name + "/count", static_cast<float>(c.inputs.size())), c.name);
        if (!mean) return mean.error();
        acc = *mean;
    }
    return std::vector<int32_t>{acc};
}

Lowered concatenate(LayerCall& c) {
    const int rank = c.e.rank(c.inputs.at(0));
    const auto axis = static_cast<int32_t>(config_int(c.config(), "axis", -1));
    const int32_t positive = axis < 0 ? axis + rank : axis;
    if (positive <= 0 || positive >= rank) return c.error("axis " + std::to_string(axis) + " is out of range", ErrorCode::kInvalid);
    auto y = emit::concatenation(c.e, c.inputs, positive, c.name);
    if (!y) return y.error();
    return std::vector<int32_t>{*y};
}

}  // namespace litelab::keras_layers
