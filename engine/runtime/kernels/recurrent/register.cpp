// Registration of the recurrent kernels: UNIDIRECTIONAL_SEQUENCE_LSTM and SVDF.
#include "recurrent_kernels.h"
#include "runtime/kernel_registry.h"

namespace litelab {

void register_recurrent_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_UNIDIRECTIONAL_SEQUENCE_LSTM, recurrent::prepare_unidirectional_sequence_lstm);
    registry.add(tflite::BuiltinOperator_SVDF, recurrent::prepare_svdf);
}

}  // namespace litelab
