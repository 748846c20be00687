// Interop cases for WHILE, IF and CALL_ONCE: small models whose subgraphs use arithmetic and
// comparisons, run in LiteLab and in LiteRT / classic TFLite.
#include "model/builder.h"
#include "op_case.h"

namespace litelab::test {

namespace {

tflite::BuiltinOptionsUnion while_options(int32_t cond, int32_t body) {
    tflite::WhileOptionsT o;
    o.cond_subgraph_index = cond;
    o.body_subgraph_index = body;
    return options_of(o);
}

tflite::BuiltinOptionsUnion add_options() { return options_of(tflite::AddOptionsT{}); }
tflite::BuiltinOptionsUnion mul_options() { return options_of(tflite::MulOptionsT{}); }

// while (i < limit) { i = i + 1; x = x * 1.25 + x } with limit an input: the loop count comes
// from the data (limit in [0, 6]).
OpCase while_case() {
    ModelBuilder b;
    const int32_t i = b.add_tensor("i", DType::kInt32, {1});
    const int32_t limit = b.add_tensor("limit", DType::kInt32, {1});
    const int32_t x = b.add_tensor("x", DType::kFloat32, {2, 3});
    const int32_t i_out = b.add_tensor("i_out", DType::kInt32, {1});
    const int32_t limit_out = b.add_tensor("limit_out", DType::kInt32, {1});
    const int32_t x_out = b.add_tensor("x_out", DType::kFloat32, {2, 3});
    b.add_operator(tflite::BuiltinOperator_WHILE, {i, limit, x}, {i_out, limit_out, x_out}, while_options(1, 2));
    b.set_inputs({i, limit, x});
    b.set_outputs({i_out, x_out});

    b.add_subgraph("cond");
    {
        const int32_t ci = b.add_tensor("ci", DType::kInt32, {1});
        const int32_t cl = b.add_tensor("cl", DType::kInt32, {1});
        const int32_t cx = b.add_tensor("cx", DType::kFloat32, {2, 3});
        const int32_t go = b.add_tensor("go", DType::kBool, {1});
        b.add_operator(tflite::BuiltinOperator_LESS, {ci, cl}, {go});
        b.set_inputs({ci, cl, cx});
        b.set_outputs({go});
    }
    b.add_subgraph("body");
    {
        const int32_t bi = b.add_tensor("bi", DType::kInt32, {1});
        const int32_t bl = b.add_tensor("bl", DType::kInt32, {1});
        const int32_t bx = b.add_tensor("bx", DType::kFloat32, {2, 3});
        const int32_t one = b.add_int32_constant("one", {1}, std::vector<int32_t>{1});
        const int32_t factor = b.add_float_constant("factor", {1}, std::vector<float>{1.25f});
        const int32_t next_i = b.add_tensor("next_i", DType::kInt32, {1});
        const int32_t scaled = b.add_tensor("scaled", DType::kFloat32, {2, 3});
        const int32_t next_x = b.add_tensor("next_x", DType::kFloat32, {2, 3});
        b.add_operator(tflite::BuiltinOperator_ADD, {bi, one}, {next_i}, add_options());
        b.add_operator(tflite::BuiltinOperator_MUL, {bx, factor}, {scaled}, mul_options());
        b.add_operator(tflite::BuiltinOperator_ADD, {scaled, bx}, {next_x}, add_options());
        b.set_inputs({bi, bl, bx});
        b.set_outputs({next_i, bl, next_x});
    }
    OpCase c = case_of("WHILE_float32_counted_loop", std::move(b).finish());
    c.int_low = 0;
    c.int_high = 6;
    return c;
}

// if (a < 50) y = x + x else y = x * x, with a drawn so that the case takes one branch.
OpCase if_case(bool then_branch) {
    ModelBuilder b;
    const int32_t a = b.add_tensor("a", DType::kInt32, {1});
    const int32_t x = b.add_tensor("x", DType::kFloat32, {3, 2});
    const int32_t fifty = b.add_int32_constant("fifty", {1}, std::vector<int32_t>{50});
    const int32_t predicate = b.add_tensor("predicate", DType::kBool, {1});
    const int32_t y = b.add_tensor("y", DType::kFloat32, {3, 2});
    b.add_operator(tflite::BuiltinOperator_LESS, {a, fifty}, {predicate});
    tflite::IfOptionsT options;
    options.then_subgraph_index = 1;
    options.else_subgraph_index = 2;
    tflite::BuiltinOptionsUnion u;
    u.Set(options);
    b.add_operator(tflite::BuiltinOperator_IF, {predicate, x}, {y}, u);
    b.set_inputs({a, x});
    b.set_outputs({y});
    for (const bool add : {true, false}) {
        b.add_subgraph(add ? "then" : "else");
        const int32_t in = b.add_tensor("in", DType::kFloat32, {3, 2});
        const int32_t out = b.add_tensor("out", DType::kFloat32, {3, 2});
        if (add) b.add_operator(tflite::BuiltinOperator_ADD, {in, in}, {out}, add_options());
        else b.add_operator(tflite::BuiltinOperator_MUL, {in, in}, {out}, mul_options());
        b.set_inputs({in});
        b.set_outputs({out});
    }
    OpCase c = case_of(then_branch ? "IF_float32_then_branch" : "IF_float32_else_branch", std::move(b).finish());
    c.int_low = then_branch ? 0 : 50;
    c.int_high = then_branch ? 49 : 100;
    return c;
}

// CALL_ONCE of an initialiser subgraph (here one that computes and discards a value), then the
// main computation: the initialiser must run without disturbing the results.
OpCase call_once_case() {
    ModelBuilder b;
    const int32_t x = b.add_tensor("x", DType::kFloat32, {4});
    const int32_t y = b.add_tensor("y", DType::kFloat32, {4});
    tflite::CallOnceOptionsT options;
    options.init_subgraph_index = 1;
    b.add_operator(tflite::BuiltinOperator_CALL_ONCE, {}, {}, options_of(options));
    b.add_operator(tflite::BuiltinOperator_ADD, {x, x}, {y}, add_options());
    b.set_inputs({x});
    b.set_outputs({y});
    b.add_subgraph("init");
    const int32_t c1 = b.add_float_constant("c1", {2}, std::vector<float>{1.0f, 2.0f});
    const int32_t sum = b.add_tensor("sum", DType::kFloat32, {2});
    b.add_operator(tflite::BuiltinOperator_ADD, {c1, c1}, {sum}, add_options());
    b.set_inputs({});
    b.set_outputs({});
    return case_of("CALL_ONCE_float32_init", std::move(b).finish());
}

}  // namespace

std::vector<OpCase> control_flow_op_cases() {
    std::vector<OpCase> cases;
    cases.push_back(while_case());
    cases.push_back(if_case(true));
    cases.push_back(if_case(false));
    cases.push_back(call_once_case());
    return cases;
}

}  // namespace litelab::test
