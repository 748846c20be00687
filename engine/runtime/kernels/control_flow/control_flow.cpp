// WHILE, IF and CALL_ONCE: operators that run other subgraphs of the model. Each callee is
// compiled for the shapes it is called with; shapes may not change from one iteration to the
// next (TFLite allows that with dynamic tensors; models written for devices do not need it).
#include <cstring>

#include "model/graph.h"
#include "runtime/interpreter.h"
#include "runtime/kernel_registry.h"

namespace litelab {

namespace {

// A WHILE loop that has not finished after this many iterations is reported, not waited for.
constexpr int64_t kMaxIterations = 100'000'000;

std::vector<TensorInfo> input_infos(const PrepareContext& ctx, int first) {
    std::vector<TensorInfo> infos;
    for (int i = first; i < ctx.num_inputs(); ++i) infos.push_back(ctx.input(i));
    return infos;
}

std::vector<std::span<const uint8_t>> input_spans(const OpContext& ctx, int first) {
    std::vector<std::span<const uint8_t>> spans;
    for (int i = first; i < ctx.num_inputs(); ++i) spans.push_back(ctx.input_bytes(i));
    return spans;
}

std::vector<std::span<uint8_t>> output_spans(const OpContext& ctx) {
    std::vector<std::span<uint8_t>> spans;
    for (int o = 0; o < ctx.num_outputs(); ++o) spans.push_back(ctx.output_bytes(o));
    return spans;
}

// Sets the operator's outputs from a compiled callee's outputs.
Status take_outputs(PrepareContext& ctx, const CompiledSubgraph& callee, const char* what) {
    if (static_cast<int>(callee.outputs.size()) != ctx.num_outputs())
        return ctx.invalid(std::string(what) + " subgraph has " + std::to_string(callee.outputs.size()) +
                           " outputs, the operator " + std::to_string(ctx.num_outputs()));
    for (int o = 0; o < ctx.num_outputs(); ++o) {
        const TensorInfo& from = callee.tensors[static_cast<size_t>(callee.outputs[static_cast<size_t>(o)])];
        TensorInfo& to = ctx.output(o);
        if (from.type != to.type)
            return ctx.invalid("output " + std::to_string(o) + " is " + std::string(dtype_name(to.type)) + ", the " +
                               what + " subgraph gives " + std::string(dtype_name(from.type)));
        to.shape = from.shape;
    }
    return {};
}

Result<std::unique_ptr<OpKernel>> prepare_while(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::WhileOptionsT>();
    if (ctx.num_inputs() != ctx.num_outputs())
        return ctx.invalid("WHILE needs as many outputs as inputs");
    const auto inputs = input_infos(ctx, 0);
    auto cond = ctx.compile_subgraph(options.cond_subgraph_index, inputs);
    if (!cond) return cond.error();
    auto body = ctx.compile_subgraph(options.body_subgraph_index, inputs);
    if (!body) return body.error();
    const CompiledSubgraph& cond_graph = ctx.compiled_subgraph(*cond);
    if (cond_graph.outputs.size() != 1 ||
        cond_graph.tensors[static_cast<size_t>(cond_graph.outputs[0])].type != DType::kBool ||
        cond_graph.tensors[static_cast<size_t>(cond_graph.outputs[0])].elements() != 1)
        return ctx.invalid("the condition subgraph must give one BOOL value");
    const CompiledSubgraph& body_graph = ctx.compiled_subgraph(*body);
    LITELAB_TRY(take_outputs(ctx, body_graph, "body"));
    for (int o = 0; o < ctx.num_outputs(); ++o)
        if (ctx.output(o).shape != inputs[static_cast<size_t>(o)].shape)
            return ctx.unsupported("the body changes the shape of loop value " + std::to_string(o) + " from " +
                                   format_dims(inputs[static_cast<size_t>(o)].shape) + " to " +
                                   format_dims(ctx.output(o).shape));

    return make_kernel([cond = *cond, body = *body](const OpContext& c) -> Status {
        // The loop state lives in the outputs: start from the inputs, replace with each body result.
        for (int i = 0; i < c.num_inputs(); ++i)
            std::memmove(c.output_bytes(i).data(), c.input_bytes(i).data(), c.input_bytes(i).size());
        const auto state = output_spans(c);
        std::vector<std::span<const uint8_t>> state_in(state.begin(), state.end());
        for (int64_t iteration = 0;; ++iteration) {
            if (iteration == kMaxIterations)
                return make_error(ErrorCode::kInvalid, "the loop did not finish after " +
                                                           std::to_string(kMaxIterations) + " iterations");
            bool go_on = false;
            std::span<uint8_t> flag(reinterpret_cast<uint8_t*>(&go_on), 1);
            LITELAB_TRY(c.runner().run_subgraph(cond, state_in, std::span(&flag, 1)));
            if (!go_on) return {};
            LITELAB_TRY(c.runner().run_subgraph(body, state_in, state));
        }
    });
}

Result<std::unique_ptr<OpKernel>> prepare_if(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::IfOptionsT>();
    if (ctx.num_inputs() < 1 || ctx.input(0).type != DType::kBool || ctx.input(0).elements() != 1)
        return ctx.invalid("IF needs a single BOOL condition as its first input");
    const auto inputs = input_infos(ctx, 1);
    auto then_branch = ctx.compile_subgraph(options.then_subgraph_index, inputs);
    if (!then_branch) return then_branch.error();
    auto else_branch = ctx.compile_subgraph(options.else_subgraph_index, inputs);
    if (!else_branch) return else_branch.error();
    LITELAB_TRY(take_outputs(ctx, ctx.compiled_subgraph(*else_branch), "else"));
    std::vector<std::vector<int32_t>> else_shapes;
    for (int o = 0; o < ctx.num_outputs(); ++o) else_shapes.push_back(ctx.output(o).shape);
    LITELAB_TRY(take_outputs(ctx, ctx.compiled_subgraph(*then_branch), "then"));
    for (int o = 0; o < ctx.num_outputs(); ++o)
        if (ctx.output(o).shape != else_shapes[static_cast<size_t>(o)])
            return ctx.unsupported("the branches give output " + std::to_string(o) + " different shapes (" +
                                   format_dims(ctx.output(o).shape) + " and " +
                                   format_dims(else_shapes[static_cast<size_t>(o)]) + ")");

    return make_kernel([then_handle = *then_branch, else_handle = *else_branch](const OpContext& c) -> Status {
        const bool condition = *c.input<bool>(0);
        const auto outputs = output_spans(c);
        return c.runner().run_subgraph(condition ? then_handle : else_handle, input_spans(c, 1), outputs);
    });
}

Result<std::unique_ptr<OpKernel>> prepare_call_once(PrepareContext& ctx) {
    const auto options = ctx.options_or_default<tflite::CallOnceOptionsT>();
    auto init = ctx.compile_subgraph(options.init_subgraph_index, {});
    if (!init) return init.error();
    return make_kernel([init = *init](const OpContext& c) -> Status { return c.runner().run_subgraph_once(init); });
}

}  // namespace

void register_control_flow_kernels(KernelRegistry& registry) {
    registry.add(tflite::BuiltinOperator_WHILE, prepare_while);
    registry.add(tflite::BuiltinOperator_IF, prepare_if);
    registry.add(tflite::BuiltinOperator_CALL_ONCE, prepare_call_once);
}

}  // namespace litelab
