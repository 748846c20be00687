#include "control_flow_model.h"

#include "model/builder.h"

namespace litelab::test {

Model make_while_model() {
    ModelBuilder builder;
    builder.set_subgraph_name("main");
    const int32_t counter = builder.add_tensor("counter", DType::kInt32, {1});
    const int32_t x = builder.add_tensor("x", DType::kFloat32, {1, 4});
    const int32_t counter_out = builder.add_tensor("counter_out", DType::kInt32, {1});
    const int32_t x_loop = builder.add_tensor("x_loop", DType::kFloat32, {1, 4});
    const int32_t y = builder.add_tensor("y", DType::kFloat32, {1, 4});
    tflite::BuiltinOptionsUnion loop;
    auto* options = new tflite::WhileOptionsT;
    options->cond_subgraph_index = 1;
    options->body_subgraph_index = 2;
    loop.Set(std::move(*options));
    delete options;
    builder.add_operator(tflite::BuiltinOperator_WHILE, {counter, x}, {counter_out, x_loop}, std::move(loop));
    builder.add_operator(tflite::BuiltinOperator_ADD, {x_loop, x}, {y});
    builder.set_inputs({counter, x});
    builder.set_outputs({y});

    builder.add_subgraph("cond");
    const int32_t c_counter = builder.add_tensor("c_counter", DType::kInt32, {1});
    const int32_t c_x = builder.add_tensor("c_x", DType::kFloat32, {1, 4});
    const std::vector<int32_t> ten{10};
    const int32_t limit = builder.add_int32_constant("limit", {1}, ten);
    const int32_t keep_going = builder.add_tensor("keep_going", DType::kBool, {1});
    builder.add_operator(tflite::BuiltinOperator_LESS, {c_counter, limit}, {keep_going});
    builder.set_inputs({c_counter, c_x});
    builder.set_outputs({keep_going});

    builder.add_subgraph("body");
    const int32_t b_counter = builder.add_tensor("b_counter", DType::kInt32, {1});
    const int32_t b_x = builder.add_tensor("b_x", DType::kFloat32, {1, 4});
    const std::vector<int32_t> one{1};
    const int32_t step = builder.add_int32_constant("step", {1}, one);
    const int32_t b_counter_next = builder.add_tensor("b_counter_next", DType::kInt32, {1});
    const int32_t b_x_next = builder.add_tensor("b_x_next", DType::kFloat32, {1, 4});
    builder.add_operator(tflite::BuiltinOperator_ADD, {b_counter, step}, {b_counter_next});
    builder.add_operator(tflite::BuiltinOperator_MUL, {b_x, b_x}, {b_x_next});
    builder.set_inputs({b_counter, b_x});
    builder.set_outputs({b_counter_next, b_x_next});
    return std::move(builder).finish();
}

}  // namespace litelab::test
