// Keras activation functions (the `activation` of Dense, Conv and Activation layers) as TFLite
// operators, composed the way TensorFlow's converter lowers them where TFLite has no single
// operator (swish = x * sigmoid(x), selu from ELU, softplus in its overflow-free form).
#pragma once

#include <string>

#include "import/common/tflite_emitter.h"

namespace litelab {

bool is_known_activation(const std::string& activation);

// Applies `activation` to x; the result is named `name`. "linear" returns x itself. Keras 3
// changed hard_sigmoid from clip(0.2 x + 0.5, 0, 1) to relu6(x + 3) / 6.
Result<int32_t> lower_activation(TfliteEmitter& e, int32_t x, const std::string& activation, const std::string& name,
                                 bool keras3);

// Softplus, log(1 + exp(x)), as relu(x) + log(1 + exp(-|x|)), exact where the plain form overflows.
Result<int32_t> lower_softplus(TfliteEmitter& e, int32_t x, const std::string& name);

}  // namespace litelab
