// Elementwise arithmetic: Add, Sub, Mul, Div, Pow, Max, Min, Sum (with NumPy broadcasting;
// the result keeps the layout of its computed input, constants are stored to match), and the
// unary Neg, Abs, Exp, Log, Sqrt, plus Identity and inference-mode Dropout.
#include <cmath>

#include "import/onnx/lowering_table.h"
#include "import/onnx/tensor_math.h"

namespace litelab::onnx {

namespace {

using tflite::BuiltinOperator;

// out = a (code) b, broadcasting; `out_name` is the ONNX value to define.
Status binary(Lowering& L, BuiltinOperator code, const std::string& a, const std::string& b,
              const std::string& out_name) {
    const auto shape = broadcast_shapes(L.shape(a), L.shape(b));
    if (!shape) {
        return node_error("shapes " + format_shape(L.shape(a)) + " and " + format_shape(L.shape(b)) +
                          " do not broadcast");
    }
    const int rank = static_cast<int>(shape->size());
    const AxisOrder order = L.elementwise_order({a, b}, rank);
    const int32_t ta = L.broadcast_operand(a, rank, order);
    const int32_t tb = L.broadcast_operand(b, rank, order);
    const int32_t out = L.define_new(out_name, L.type(a), *shape, order);
    tflite::BuiltinOptionsUnion options;
    switch (code) {
        case tflite::BuiltinOperator_ADD:
            options.Set(tflite::AddOptionsT{});
            break;
        case tflite::BuiltinOperator_SUB:
            options.Set(tflite::SubOptionsT{});
            break;
        case tflite::BuiltinOperator_MUL:
            options.Set(tflite::MulOptionsT{});
            break;
        case tflite::BuiltinOperator_DIV:
            options.Set(tflite::DivOptionsT{});
            break;
        case tflite::BuiltinOperator_POW:
            options.Set(tflite::PowOptionsT{});
            break;
        case tflite::BuiltinOperator_MAXIMUM:
        case tflite::BuiltinOperator_MINIMUM:
            options.Set(tflite::MaximumMinimumOptionsT{});
            break;
        default:
            break;
    }
    L.op(code, {ta, tb}, {out}, std::move(options));
    return {};
}

LowerFn binary_op(BuiltinOperator code) {
    return [code](Lowering& L, const OnnxNode& n) -> Status {
        if (n.inputs.size() != 2) return node_error("expects 2 inputs");
        if (L.type(n.inputs[0]) != L.type(n.inputs[1])) {
            return node_error("inputs of different types (" + std::string(dtype_name(L.type(n.inputs[0]))) + ", " +
                              std::string(dtype_name(L.type(n.inputs[1]))) + ")");
        }
        return binary(L, code, n.inputs[0], n.inputs[1], n.outputs[0]);
    };
}

// Sum, Max, Min: a chain of binary operators over any number of inputs.
LowerFn variadic_op(BuiltinOperator code) {
    return [code](Lowering& L, const OnnxNode& n) -> Status {
        if (n.inputs.empty()) return node_error("has no inputs");
        if (n.inputs.size() == 1) {
            L.alias(n.outputs[0], n.inputs[0]);
            return {};
        }
        std::string acc = n.inputs[0];
        for (size_t i = 1; i < n.inputs.size(); ++i) {
            const std::string out =
                i + 1 == n.inputs.size() ? n.outputs[0] : n.outputs[0] + "_partial" + std::to_string(i);
            LITELAB_TRY(binary(L, code, acc, n.inputs[i], out));
            acc = out;
        }
        return {};
    };
}

Status lower_pow(Lowering& L, const OnnxNode& n) {
    const std::string& x = n.inputs[0];
    const OnnxTensor* y = L.constant(n.inputs[1]);
    if (y && y->size() == 1 && L.rank(n.inputs[1]) <= L.rank(x)) {
        const double e = y->as_double(0);
        const int32_t in = L.tensor(x);
        const auto order = L.order(x);
        if (e == 1.0) {
            L.alias(n.outputs[0], x);
            return {};
        }
        if (e == 2.0 || e == 0.5) {
            const int32_t out = L.define_new(n.outputs[0], L.type(x), L.shape(x), order);
            if (e == 2.0)
                L.op(tflite::BuiltinOperator_MUL, {in, in}, {out}, options_of(tflite::MulOptionsT{}));
            else
                L.op(tflite::BuiltinOperator_SQRT, {in}, {out});
            return {};
        }
    }
    if (L.type(x) != DType::kFloat32) return node_error("Pow of " + std::string(dtype_name(L.type(x))) + " values");
    std::string exponent = n.inputs[1];
    if (L.type(exponent) != DType::kFloat32) {
        // Integer exponents of float bases: computed in float, as ONNX's result type is the base's.
        if (const OnnxTensor* c = L.constant(exponent)) {
            L.define_constant(exponent + "_as_float", cast_tensor(*c, DType::kFloat32));
        } else {
            const int32_t cast =
                L.define_new(exponent + "_as_float", DType::kFloat32, L.shape(exponent), L.order(exponent));
            L.op(tflite::BuiltinOperator_CAST, {L.tensor(exponent)}, {cast}, options_of(tflite::CastOptionsT{}));
        }
        exponent += "_as_float";
    }
    return binary(L, tflite::BuiltinOperator_POW, x, exponent, n.outputs[0]);
}

LowerFn unary_op(BuiltinOperator code) {
    return [code](Lowering& L, const OnnxNode& n) -> Status {
        const std::string& x = n.inputs[0];
        const int32_t in = L.tensor(x);
        const int32_t out = L.define_new(n.outputs[0], L.type(x), L.shape(x), L.order(x));
        L.op(code, {in}, {out});
        return {};
    };
}

Status lower_identity(Lowering& L, const OnnxNode& n) {
    L.alias(n.outputs[0], n.inputs[0]);
    return {};
}

// Inference-mode Dropout passes its input through; its optional mask is all true.
Status lower_dropout(Lowering& L, const OnnxNode& n) {
    if (n.has_input(2)) {
        const OnnxTensor* training = L.constant(n.inputs[2]);
        if (!training) return node_error("training_mode must be known when converting");
        if (training->as_int(0) != 0) {
            const OnnxTensor* ratio = n.has_input(1) ? L.constant(n.inputs[1]) : nullptr;
            if (!ratio || ratio->as_double(0) != 0.0)
                return node_error("training-mode Dropout is random (export in eval mode)");
        }
    }
    L.alias(n.outputs[0], n.inputs[0]);
    if (n.outputs.size() > 1 && !n.outputs[1].empty()) {
        const auto& shape = L.shape(n.inputs[0]);
        L.define_constant(
            n.outputs[1],
            int_tensor(DType::kBool, shape, std::vector<int64_t>(static_cast<size_t>(element_count_of(shape)), 1)));
    }
    return {};
}

}  // namespace

void register_elementwise_lowerings(LoweringTable& t) {
    t["Add"] = binary_op(tflite::BuiltinOperator_ADD);
    t["Sub"] = binary_op(tflite::BuiltinOperator_SUB);
    t["Mul"] = binary_op(tflite::BuiltinOperator_MUL);
    t["Div"] = binary_op(tflite::BuiltinOperator_DIV);
    t["Pow"] = lower_pow;
    t["Sum"] = variadic_op(tflite::BuiltinOperator_ADD);
    t["Max"] = variadic_op(tflite::BuiltinOperator_MAXIMUM);
    t["Min"] = variadic_op(tflite::BuiltinOperator_MINIMUM);
    t["Neg"] = unary_op(tflite::BuiltinOperator_NEG);
    t["Abs"] = unary_op(tflite::BuiltinOperator_ABS);
    t["Exp"] = unary_op(tflite::BuiltinOperator_EXP);
    t["Log"] = unary_op(tflite::BuiltinOperator_LOG);
    t["Sqrt"] = unary_op(tflite::BuiltinOperator_SQRT);
    t["Identity"] = lower_identity;
    t["Dropout"] = lower_dropout;
}

}  // namespace litelab::onnx
