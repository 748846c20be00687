#include "import/common/operator_versions.h"

#include <algorithm>

namespace litelab {

namespace {

template <class T>
const T* options_as(const Operator& op) {
    const auto& u = op.builtin_options;
    return u.type == tflite::BuiltinOptionsUnionTraits<T>::enum_value ? static_cast<const T*>(u.value) : nullptr;
}

const Tensor* input(const Subgraph& s, const Operator& op, size_t i) {
    if (i >= op.inputs.size() || op.inputs[i] < 0) return nullptr;
    return &s.tensors[static_cast<size_t>(op.inputs[i])];
}

size_t rank_of(const Subgraph& s, const Operator& op, size_t i) {
    const Tensor* t = input(s, op, i);
    return t ? t->shape.size() : 0;
}

DType type_of(const Subgraph& s, const Operator& op, size_t i) {
    const Tensor* t = input(s, op, i);
    return t ? t->type : DType::kFloat32;
}

// Binary operators broadcasting over more than four dimensions need a later kernel.
bool broadcasts_beyond_4d(const Subgraph& s, const Operator& op) {
    const Tensor* a = input(s, op, 0);
    const Tensor* b = input(s, op, 1);
    if (!a || !b || a->shape == b->shape) return false;
    return std::max(a->shape.size(), b->shape.size()) > 4;
}

}  // namespace

int32_t float_operator_version(const Model& model, const Subgraph& s, const Operator& op) {
    const OperatorCode& code = model.opcode(op);
    switch (code.builtin_code) {
        case tflite::BuiltinOperator_CONV_2D: {
            // A filter with fewer input channels than the input is a grouped convolution.
            const Tensor* in = input(s, op, 0);
            const Tensor* filter = input(s, op, 1);
            const bool grouped = in && filter && !in->shape.empty() && filter->shape.size() == 4 &&
                                 filter->shape[3] != in->shape.back();
            return grouped ? 6 : 1;
        }
        case tflite::BuiltinOperator_DEPTHWISE_CONV_2D: {
            const auto* o = options_as<tflite::DepthwiseConv2DOptionsT>(op);
            return o && (o->dilation_w_factor != 1 || o->dilation_h_factor != 1) ? 2 : 1;
        }
        case tflite::BuiltinOperator_FULLY_CONNECTED: {
            if (op.inputs.size() == 2) return 6;
            const auto* o = options_as<tflite::FullyConnectedOptionsT>(op);
            return o && o->keep_num_dims ? 5 : 1;
        }
        case tflite::BuiltinOperator_TRANSPOSE_CONV: {
            const auto* o = options_as<tflite::TransposeConvOptionsT>(op);
            if (o && o->fused_activation_function != tflite::ActivationFunctionType_NONE) return 4;
            return op.inputs.size() == 4 && op.inputs[3] >= 0 ? 3 : 1;
        }
        case tflite::BuiltinOperator_GATHER: {
            const auto* o = options_as<tflite::GatherOptionsT>(op);
            if (o && o->batch_dims != 0) return 5;
            return type_of(s, op, 0) == DType::kBool ? 3 : 1;
        }
        case tflite::BuiltinOperator_TRANSPOSE: {
            const size_t rank = rank_of(s, op, 0);
            return rank > 5 ? 6 : rank > 4 ? 4 : 1;
        }
        case tflite::BuiltinOperator_SPLIT:
            return type_of(s, op, 1) == DType::kInt32 ? 3 : 1;
        case tflite::BuiltinOperator_SLICE:
            return rank_of(s, op, 0) > 4 ? 5 : 1;
        case tflite::BuiltinOperator_STRIDED_SLICE: {
            const auto* o = options_as<tflite::StridedSliceOptionsT>(op);
            if (o && o->offset) return 8;
            if (o && (o->ellipsis_mask != 0 || o->new_axis_mask != 0)) return 6;
            return rank_of(s, op, 0) > 4 ? 4 : 1;
        }
        case tflite::BuiltinOperator_RESIZE_BILINEAR: {
            const auto* o = options_as<tflite::ResizeBilinearOptionsT>(op);
            return o && o->half_pixel_centers ? 3 : 1;
        }
        case tflite::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR: {
            const auto* o = options_as<tflite::ResizeNearestNeighborOptionsT>(op);
            return o && (o->half_pixel_centers || o->align_corners) ? 3 : 1;
        }
        case tflite::BuiltinOperator_MAXIMUM:
        case tflite::BuiltinOperator_MINIMUM:
        case tflite::BuiltinOperator_SUB:
            return broadcasts_beyond_4d(s, op) ? 3 : 1;
        case tflite::BuiltinOperator_DIV:
            return broadcasts_beyond_4d(s, op) ? 2 : 1;
        case tflite::BuiltinOperator_PAD:
        case tflite::BuiltinOperator_PADV2:
            return rank_of(s, op, 0) > 4 ? 4 : 1;
        case tflite::BuiltinOperator_ADD:
            return type_of(s, op, 0) == DType::kInt64 ? 4 : 1;
        case tflite::BuiltinOperator_MUL:
            return type_of(s, op, 0) == DType::kInt64 ? 5 : 1;
        default:
            return 1;
    }
}

void set_operator_versions(Model& model) {
    std::vector<OperatorCode> codes;
    for (Subgraph& s : model.subgraphs) {
        for (Operator& op : s.operators) {
            OperatorCode code = model.opcode(op);
            if (code.builtin_code != tflite::BuiltinOperator_CUSTOM) code.version = float_operator_version(model, s, op);
            auto it = std::find(codes.begin(), codes.end(), code);
            if (it == codes.end()) {
                codes.push_back(code);
                it = codes.end() - 1;
            }
            op.opcode_index = static_cast<uint32_t>(it - codes.begin());
        }
    }
    model.operator_codes = std::move(codes);
}

}  // namespace litelab
