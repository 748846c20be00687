// FULLY_CONNECTED: output = activation(input * weights^T + bias), the input flattened to rows of
// the weights' depth (or, with keep_num_dims, its leading dimensions kept). Shapes and the
// choice of kernel by type; the kernels are in fully_connected_{float,hybrid,integer}.cpp.
#include <algorithm>
#include <cstring>

#include "runtime/kernels/fully_connected/matmul_kernels.h"
#include "runtime/kernels/fully_connected/matmul_path.h"

namespace litelab {

namespace {

constexpr int kInput = 0;
constexpr int kWeights = 1;
constexpr int kBias = 2;

// Sets the output shape as TFLite's Prepare does and returns the product's dimensions.
Result<MatmulDims> output_dims(PrepareContext& ctx, bool keep_num_dims) {
    const TensorInfo& input = ctx.input(kInput);
    const TensorInfo& weights = ctx.input(kWeights);
    if (weights.rank() != 2) return ctx.invalid("weights must have rank 2, not " + std::to_string(weights.rank()));
    if (input.rank() < 1) return ctx.invalid("the input must have at least one dimension");
    MatmulDims d;
    d.cols = weights.dim(0);
    d.depth = weights.dim(1);
    std::vector<int32_t> shape;
    if (d.depth == 0) {
        // No depth: nothing to divide the input by; the rows are its leading dimensions.
        d.rows = input.elements() / std::max<int64_t>(1, input.dim(input.rank() - 1));
    } else {
        if (input.elements() % d.depth != 0)
            return ctx.invalid("an input of " + std::to_string(input.elements()) +
                               " values is not a whole number of rows of " + std::to_string(d.depth));
        d.rows = input.elements() / d.depth;
    }
    if (keep_num_dims) {
        if (input.dim(input.rank() - 1) != d.depth)
            return ctx.invalid("keep_num_dims needs the input's last dimension (" +
                               std::to_string(input.dim(input.rank() - 1)) + ") to equal the weights' depth (" +
                               std::to_string(d.depth) + ")");
        shape = input.shape;
        shape.back() = static_cast<int32_t>(d.cols);
    } else {
        shape = {static_cast<int32_t>(d.rows), static_cast<int32_t>(d.cols)};
    }
    ctx.output(0).shape = shape;
    return d;
}

bool is_integer_weights(DType type) { return type == DType::kInt8 || type == DType::kUInt8; }

Result<std::unique_ptr<OpKernel>> prepare_by_type(PrepareContext& ctx, const FullyConnectedSetup& setup) {
    const DType input = ctx.input(kInput).type;
    const DType weights = ctx.input(kWeights).type;
    if (input == DType::kFloat32 && weights == DType::kFloat32) return prepare_fully_connected_float(ctx, setup);
    if (input == DType::kFloat32 && is_integer_weights(weights)) return prepare_fully_connected_hybrid(ctx, setup);
    if (is_integer_weights(weights)) return prepare_fully_connected_integer(ctx, setup);
    return ctx.unsupported("weights of type " + std::string(dtype_name(weights)));
}

}  // namespace

Result<std::unique_ptr<OpKernel>> prepare_fully_connected(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::FullyConnectedOptionsT>();
    if (ctx.num_inputs() < 2 || ctx.num_inputs() > 3 || ctx.num_outputs() < 1)
        return ctx.invalid("FULLY_CONNECTED needs an input, weights, an optional bias and an output");
    // The shuffled format (uint8 weights for an int16 output, plus a workspace output) is an old
    // ARM-specific layout; no converter writes it today.
    if (options.weights_format == tflite::FullyConnectedOptionsWeightsFormat_SHUFFLED4x16INT8)
        return ctx.unsupported("weights in the SHUFFLED4x16INT8 format");
    if (options.weights_format != tflite::FullyConnectedOptionsWeightsFormat_DEFAULT)
        return ctx.unsupported("weights format " + std::to_string(static_cast<int>(options.weights_format)));
    if (ctx.num_outputs() != 1) return ctx.invalid("FULLY_CONNECTED has one output");

    auto dims = output_dims(ctx, options.keep_num_dims);
    if (!dims) return dims.error();
    FullyConnectedSetup setup;
    setup.d = *dims;
    setup.activation = options.fused_activation_function;
    setup.has_bias = ctx.has_input(kBias);
    setup.asymmetric_quantize_inputs = options.asymmetric_quantize_inputs;
    setup.fast = matmul_path() == MatmulPath::kFast;
    if (setup.has_bias && ctx.input(kBias).elements() != setup.d.cols)
        return ctx.invalid("the bias has " + std::to_string(ctx.input(kBias).elements()) + " values for " +
                           std::to_string(setup.d.cols) + " units");

    auto kernel = prepare_by_type(ctx, setup);
    if (!kernel || setup.d.depth != 0) return kernel;
    // Weights without depth: TFLite clears the output bytes.
    return make_kernel([](const OpContext& c) -> Status {
        const auto out = c.output_bytes(0);
        if (!out.empty()) std::memset(out.data(), 0, out.size());
        return {};
    });
}

}  // namespace litelab
