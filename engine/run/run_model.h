// Running a model on arrays, the way `litelab run` and the evaluations do: N rows run as one
// batch when the model's batch dimension is -1, item by item (outputs stacked) when it is a
// static 1; data converted to the inputs' types where that is safe and asked for.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/model.h"
#include "npy/nd_array.h"
#include "runtime/tensor_info.h"

namespace litelab {

struct RunOptions {
    std::optional<std::string> signature;
    // Shapes for inputs with -1 dimensions (other than the batch), by name; only needed when
    // the data does not fix them (random inputs).
    std::map<std::string, std::vector<int32_t>> input_shapes;
    int threads = 1;
    bool stateful = false;         // keep LSTM/SVDF state from one item to the next
    bool quantize_inputs = false;  // quantize float data for integer inputs with their parameters
};

struct RunTensor {
    std::string name;
    TensorInfo info;  // shape as run (batch 1 when the items ran one by one)
    std::vector<int32_t> shape_signature;
};

struct RunResult {
    std::vector<NdArray> inputs;   // what the model was fed, after casts and quantization
    std::vector<NdArray> outputs;  // in the subgraph's (or signature's) output order
    std::vector<RunTensor> input_tensors;
    std::vector<RunTensor> output_tensors;
    int64_t batch = 1;
    bool batch_split = false;         // items ran one at a time and the outputs were stacked
    std::vector<std::string> notes;   // conversions made, one line each
};

Result<RunResult> run_model(const Model& model, std::vector<NdArray> inputs, const RunOptions& options);

// Random inputs for every model input: floats uniform in [low, high), 8/16-bit integers over
// their full range, int32/int64 in [0, 100], bools 0/1 (the oracles' convention), drawn from a
// std::mt19937_64 seeded with `seed`, in input order. `batch` replaces a -1 batch dimension and
// repeats a static batch of 1 (the items then run one by one).
Result<std::vector<NdArray>> random_inputs(const Model& model, uint64_t seed, int64_t batch, const RunOptions& options,
                                           float low = -1.0f, float high = 1.0f);

// The `meta` entry of an output .npz (../shared/oracles/README.md): tensor names, shapes,
// dtypes and quantization as JSON.
std::string run_meta_json(const RunResult& result, const std::string& model_name, std::optional<uint64_t> seed);

// The NumPy name of a tensor type ("float32", "int8"); empty when NumPy has none.
std::string numpy_dtype_name(DType type);

}  // namespace litelab
