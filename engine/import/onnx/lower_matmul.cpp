// Gemm and MatMul: FULLY_CONNECTED when the right operand is a constant matrix (weights
// stored [out, in], alpha and a row-vector C folded in), BATCH_MATMUL otherwise.
#include "import/onnx/lowering_table.h"
#include "import/onnx/tensor_math.h"

namespace litelab::onnx {

namespace {

OnnxTensor scaled(OnnxTensor t, float factor) {
    if (factor != 1.0f) {
        for (float& v : t.floats) v *= factor;
    }
    return t;
}

// Weights [units, K] for an input whose stored column j is ONNX column order[j].
OnnxTensor with_feature_order(OnnxTensor w, const std::vector<int64_t>& order) {
    if (order.empty()) return w;
    const int64_t units = w.dims[0], k = w.dims[1];
    OnnxTensor out = w;
    for (int64_t u = 0; u < units; ++u) {
        for (int64_t j = 0; j < k; ++j)
            out.floats[static_cast<size_t>(u * k + j)] =
                w.floats[static_cast<size_t>(u * k + order[static_cast<size_t>(j)])];
    }
    return out;
}

int32_t fully_connected(Lowering& L, int32_t input, const OnnxTensor& weights, const OnnxTensor* bias,
                        std::vector<int64_t> out_shape, const std::string& name, bool keep_num_dims) {
    const int32_t w = L.constant_tensor(name + "_weights", weights);
    std::vector<int32_t> inputs{input, w};
    inputs.push_back(bias ? L.constant_tensor(name + "_bias", *bias) : -1);
    const int32_t out = L.temp(name, DType::kFloat32, out_shape);
    tflite::FullyConnectedOptionsT o;
    o.keep_num_dims = keep_num_dims;
    L.op(tflite::BuiltinOperator_FULLY_CONNECTED, inputs, {out}, options_of(o));
    return out;
}

int32_t batch_matmul(Lowering& L, int32_t a, int32_t b, bool adj_a, bool adj_b, std::vector<int64_t> out_shape,
                     const std::string& name) {
    const int32_t out = L.temp(name, DType::kFloat32, out_shape);
    tflite::BatchMatMulOptionsT o;
    o.adj_x = adj_a;
    o.adj_y = adj_b;
    L.op(tflite::BuiltinOperator_BATCH_MATMUL, {a, b}, {out}, options_of(o));
    return out;
}

Status lower_gemm(Lowering& L, const OnnxNode& n) {
    const std::string &a = n.inputs[0], &b = n.inputs[1];
    if (L.rank(a) != 2 || L.rank(b) != 2) return node_error("Gemm needs 2-D inputs");
    const bool trans_a = n.int_attr("transA", 0) != 0, trans_b = n.int_attr("transB", 0) != 0;
    const float alpha = n.float_attr("alpha", 1.0f), beta = n.float_attr("beta", 1.0f);
    const auto& sa = L.shape(a);
    const auto& sb = L.shape(b);
    const int64_t m = trans_a ? sa[1] : sa[0], k = trans_a ? sa[0] : sa[1];
    const int64_t kb = trans_b ? sb[1] : sb[0], cols = trans_b ? sb[0] : sb[1];
    if (k != kb) return node_error("A " + format_shape(sa) + " and B " + format_shape(sb) + " do not multiply");
    const std::string& name = n.outputs[0];
    // A stored transposed is A^T: the order does the transpose (at import for constants).
    const int32_t ta = L.tensor(a, trans_a ? AxisOrder{1, 0} : AxisOrder{0, 1});

    const OnnxTensor* c = n.has_input(2) ? L.constant(n.inputs[2]) : nullptr;
    const bool c_is_row =
        c && (c->size() == cols || c->size() == 1) && (c->dims.size() <= 1 || (c->dims.size() == 2 && c->dims[0] == 1));
    int32_t result;
    if (const OnnxTensor* wb = L.constant(b)) {
        OnnxTensor weights =
            with_feature_order(scaled(trans_b ? *wb : transpose_tensor(*wb, {1, 0}), alpha), L.value(a).feature_order);
        OnnxTensor bias;
        if (c_is_row) {
            bias = float_tensor({cols}, std::vector<float>(static_cast<size_t>(cols)));
            for (int64_t j = 0; j < cols; ++j)
                bias.floats[static_cast<size_t>(j)] =
                    beta * static_cast<float>(c->as_double(c->size() == 1 ? 0 : static_cast<size_t>(j)));
        }
        result = fully_connected(L, ta, weights, c_is_row ? &bias : nullptr, {m, cols}, name, false);
    } else {
        result = batch_matmul(L, ta, L.tensor(b, {0, 1}), false, trans_b, {m, cols}, name);
        if (alpha != 1.0f)
            result = L.emit_binary(tflite::BuiltinOperator_MUL, result, L.float_constant(name + "_alpha", {}, {alpha}),
                                   name);
        if (c_is_row) {
            OnnxTensor row = scaled(*c, beta);
            result = L.emit_binary(tflite::BuiltinOperator_ADD, result, L.constant_tensor(name + "_c", row), name);
        }
    }
    if (n.has_input(2) && !c_is_row && beta != 0.0f) {
        int32_t ct;
        if (c) {
            ct = L.constant_tensor(name + "_c", scaled(*c, beta));
        } else {
            ct = L.broadcast_operand(n.inputs[2], 2, {0, 1});
            if (beta != 1.0f)
                ct = L.emit_binary(tflite::BuiltinOperator_MUL, ct, L.float_constant(name + "_beta", {}, {beta}), name);
        }
        result = L.emit_binary(tflite::BuiltinOperator_ADD, result, ct, name);
    }
    L.define(name, DType::kFloat32, {m, cols}, {0, 1}, result);
    return {};
}

Status lower_matmul(Lowering& L, const OnnxNode& n) {
    const std::string &a = n.inputs[0], &b = n.inputs[1];
    std::vector<int64_t> sa = L.shape(a), sb = L.shape(b);
    if (sa.empty() || sb.empty()) return node_error("MatMul of a scalar");
    const bool vector_a = sa.size() == 1, vector_b = sb.size() == 1;
    if (vector_a) sa.insert(sa.begin(), 1);
    if (vector_b) sb.push_back(1);
    const int64_t k = sa.back(), cols = sb.back();
    if (sb[sb.size() - 2] != k)
        return node_error("A " + format_shape(L.shape(a)) + " and B " + format_shape(L.shape(b)) + " do not multiply");
    const std::vector<int64_t> batch_a(sa.begin(), sa.end() - 2), batch_b(sb.begin(), sb.end() - 2);
    const auto batch = broadcast_shapes(batch_a, batch_b);
    if (!batch) return node_error("batch dimensions do not broadcast");
    std::vector<int64_t> out_shape = *batch;
    out_shape.push_back(sa[sa.size() - 2]);
    out_shape.push_back(cols);
    const std::string& name = n.outputs[0];

    int32_t ta = L.tensor(a, identity_order(L.rank(a)));
    if (vector_a || L.rank(a) != static_cast<int>(sa.size())) ta = L.emit_reshape(ta, sa, name + "_a");
    int32_t result;
    const OnnxTensor* wb = L.constant(b);
    if (wb && L.rank(b) == 2) {
        result = fully_connected(L, ta, with_feature_order(transpose_tensor(*wb, {1, 0}), L.value(a).feature_order),
                                 nullptr, out_shape, name, sa.size() > 2);
    } else {
        int32_t tb = L.tensor(b, identity_order(L.rank(b)));
        if (vector_b) tb = L.emit_reshape(tb, sb, name + "_b");
        result = batch_matmul(L, ta, tb, false, false, out_shape, name);
    }
    std::vector<int64_t> final_shape = out_shape;
    if (vector_a) final_shape.erase(final_shape.end() - 2);
    if (vector_b) final_shape.pop_back();
    if (final_shape != out_shape) result = L.emit_reshape(result, final_shape, name);
    L.define(name, DType::kFloat32, final_shape, identity_order(static_cast<int>(final_shape.size())), result);
    return {};
}

}  // namespace

void register_matmul_lowerings(LoweringTable& t) {
    t["Gemm"] = lower_gemm;
    t["MatMul"] = lower_matmul;
}

}  // namespace litelab::onnx
