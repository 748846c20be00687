// Interop cases for MEAN, SUM, REDUCE_MAX, ARG_MAX and ARG_MIN: every type, kept and dropped
// dimensions, negative and repeated axes, rescaling and shared quantization.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "op_case.h"

namespace litelab::test {

namespace {

OpCase reduce_case(std::string name, tflite::BuiltinOperator op, DType type, std::vector<int32_t> shape,
                   std::vector<int32_t> axes, bool keep_dims, std::optional<Quantization> in_q = std::nullopt,
                   std::optional<Quantization> out_q = std::nullopt) {
    // The stored output shape (peers size their buffers from it): reduced axes dropped or kept as 1.
    const auto rank = static_cast<int32_t>(shape.size());
    std::vector<bool> reduced(shape.size(), false);
    for (int32_t a : axes) reduced[static_cast<size_t>(a < 0 ? a + rank : a)] = true;
    std::vector<int32_t> out_shape;
    for (size_t d = 0; d < shape.size(); ++d) {
        if (!reduced[d])
            out_shape.push_back(shape[d]);
        else if (keep_dims)
            out_shape.push_back(1);
    }
    const auto count = static_cast<int32_t>(axes.size());
    const Operand output = activation(type, out_shape, out_q ? out_q : in_q);
    return case_of(std::move(name),
                   single_op(op, {activation(type, std::move(shape), in_q), constant(DType::kInt32, {count}, axes)},
                             output, reducer_options(keep_dims)));
}

OpCase arg_case(std::string name, tflite::BuiltinOperator op, DType type, std::vector<int32_t> shape, int64_t axis,
                DType axis_type, DType index_type) {
    std::vector<int32_t> out_shape = shape;
    out_shape.erase(out_shape.begin() + (axis < 0 ? axis + static_cast<int64_t>(shape.size()) : axis));
    std::optional<Quantization> q;
    if (type == DType::kInt8 || type == DType::kUInt8) q = quant(0.1f, type == DType::kUInt8 ? 128 : 0);
    const Operand axis_tensor = axis_type == DType::kInt32
                                    ? constant(DType::kInt32, {1}, std::vector<int32_t>{static_cast<int32_t>(axis)})
                                    : constant(DType::kInt64, {1}, std::vector<int64_t>{axis});
    const auto tensor_type = static_cast<tflite::TensorType>(index_type);
    return case_of(
        std::move(name),
        single_op(op, {activation(type, std::move(shape), q), axis_tensor}, activation(index_type, out_shape),
                  op == tflite::BuiltinOperator_ARG_MAX ? arg_max_options(tensor_type) : arg_min_options(tensor_type)));
}

}  // namespace

std::vector<OpCase> reduce_op_cases() {
    const auto kMean = tflite::BuiltinOperator_MEAN;
    const auto kSum = tflite::BuiltinOperator_SUM;
    const auto kMax = tflite::BuiltinOperator_REDUCE_MAX;
    const auto kArgMax = tflite::BuiltinOperator_ARG_MAX;
    const auto kArgMin = tflite::BuiltinOperator_ARG_MIN;
    std::vector<OpCase> cases = {
        // MEAN
        reduce_case("MEAN_float_hw_keepdims", kMean, DType::kFloat32, {2, 5, 6, 4}, {1, 2}, true),
        reduce_case("MEAN_float_last_axis_negative", kMean, DType::kFloat32, {3, 4, 7}, {-1}, false),
        reduce_case("MEAN_float_repeated_axes", kMean, DType::kFloat32, {4, 3, 5}, {0, -3, 2}, false),
        reduce_case("MEAN_int8_hw_keepdims_rescale", kMean, DType::kInt8, {2, 6, 5, 64}, {1, 2}, true,
                    quant(0.0473f, -3), quant(0.0219f, 4)),
        reduce_case("MEAN_int8_last_axis_same_quant", kMean, DType::kInt8, {16, 8, 9}, {-1}, false, quant(0.0517f, 2)),
        reduce_case("MEAN_int8_axis0_rescale", kMean, DType::kInt8, {7, 8, 16}, {0}, false, quant(0.0391f, 10),
                    quant(0.0231f, -5)),
        reduce_case("MEAN_uint8_hw_rescale", kMean, DType::kUInt8, {2, 4, 4, 64}, {2, 1}, false, quant(0.0527f, 128),
                    quant(0.0293f, 120)),
        reduce_case("MEAN_int16_axis1", kMean, DType::kInt16, {8, 10, 16}, {1}, true, quant(0.000487f, 0),
                    quant(0.000213f, 0)),
        reduce_case("MEAN_int32_axis1", kMean, DType::kInt32, {4, 6, 3}, {1}, false),
        // SUM
        reduce_case("SUM_float_axis1", kSum, DType::kFloat32, {3, 8, 5}, {1}, false),
        reduce_case("SUM_float_all_keepdims", kSum, DType::kFloat32, {2, 3, 4}, {0, 1, 2}, true),
        reduce_case("SUM_int8_last_axis_rescale", kSum, DType::kInt8, {16, 8, 6}, {-1}, false, quant(0.0213f, 1),
                    quant(0.0917f, -2)),
        reduce_case("SUM_uint8_axis0_rescale", kSum, DType::kUInt8, {5, 8, 16}, {0}, true, quant(0.0187f, 128),
                    quant(0.0781f, 128)),
        reduce_case("SUM_int32_axes02", kSum, DType::kInt32, {3, 4, 5}, {0, 2}, false),
        // REDUCE_MAX
        reduce_case("REDUCE_MAX_float_axis1_keepdims", kMax, DType::kFloat32, {3, 7, 4}, {1}, true),
        reduce_case("REDUCE_MAX_float_hw", kMax, DType::kFloat32, {2, 4, 5, 3}, {1, -2}, false),
        reduce_case("REDUCE_MAX_int8_last_axis", kMax, DType::kInt8, {4, 3, 8}, {-1}, false, quant(0.05f, -7)),
        reduce_case("REDUCE_MAX_uint8_axis0", kMax, DType::kUInt8, {6, 5}, {0}, true, quant(0.05f, 128)),
        reduce_case("REDUCE_MAX_int16_axes01", kMax, DType::kInt16, {3, 4, 5}, {0, 1}, false, quant(0.0005f, 0)),
        reduce_case("REDUCE_MAX_int32_axis1", kMax, DType::kInt32, {5, 6}, {1}, false),
        // ARG_MAX / ARG_MIN (int32 draws from [0, 100] tie often: the first index must win)
        arg_case("ARG_MAX_float_last_axis_int32", kArgMax, DType::kFloat32, {3, 4, 10}, -1, DType::kInt32,
                 DType::kInt32),
        arg_case("ARG_MAX_float_axis1_int64", kArgMax, DType::kFloat32, {2, 9, 5}, 1, DType::kInt64, DType::kInt64),
        arg_case("ARG_MAX_int8_axis0_int32", kArgMax, DType::kInt8, {12, 5}, 0, DType::kInt32, DType::kInt32),
        arg_case("ARG_MAX_uint8_last_axis_int64", kArgMax, DType::kUInt8, {4, 16}, -1, DType::kInt32, DType::kInt64),
        arg_case("ARG_MAX_int32_axis1_int32", kArgMax, DType::kInt32, {4, 8, 3}, 1, DType::kInt32, DType::kInt32),
        arg_case("ARG_MIN_float_axis0_int32", kArgMin, DType::kFloat32, {7, 6}, 0, DType::kInt32, DType::kInt32),
        arg_case("ARG_MIN_int8_last_axis_int64", kArgMin, DType::kInt8, {3, 2, 11}, 2, DType::kInt32, DType::kInt64),
        arg_case("ARG_MIN_uint8_axis1_int32", kArgMin, DType::kUInt8, {3, 10, 2}, -2, DType::kInt64, DType::kInt32),
        arg_case("ARG_MIN_int32_last_axis_int64", kArgMin, DType::kInt32, {5, 9}, 1, DType::kInt32, DType::kInt64),
    };
    // Peers that compute some quantized means differently from current TFLite (LiteRT agrees with us).
    const std::string old_mean = "the 2022 TFLite interpreter";
    for (OpCase& c : cases) {
        if (c.name == "MEAN_int8_last_axis_same_quant")
            c.unreliable_peers = {{"tfweb", old_mean + " divides the raw int8 sum by the count with truncation when "
                                                       "input and output share quantization; current TFLite "
                                                       "requantizes and rounds"}};
        if (c.name == "MEAN_int16_axis1") {
            const std::string why =
                " rounds the int16 mean once; current TFLite's reference kernel (which LiteRT "
                "runs) folds 1/n into the multiplier and rounds twice";
            c.unreliable_peers = {{"tfweb", old_mean + why}, {"armnn", "Arm NN 20.08" + why}};
        }
    }
    return cases;
}

}  // namespace litelab::test
