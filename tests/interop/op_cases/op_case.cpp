#include "op_case.h"

#include <cctype>

#include "runtime/interpreter.h"

namespace litelab::test {

OpCase case_of(std::string name, Model model) {
    OpCase c;
    c.name = std::move(name);
    c.model = std::move(model);
    return c;
}

OpCase in_range(OpCase c, float low, float high) {
    c.low = low;
    c.high = high;
    return c;
}

std::string type_label(DType type) {
    std::string s(dtype_name(type));
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::optional<Quantization> CaseModel::default_quant(DType type) {
    switch (type) {
        case DType::kInt8: return quant(0.05f, -3);
        case DType::kUInt8: return quant(0.02f, 128);
        case DType::kInt16: return quant(0.001f, 0);
        default: return std::nullopt;
    }
}

OpCase CaseModel::finish() && {
    OpCase c = case_of(name_, model_.model());
    // A failed compile leaves the shapes empty; the driver then reports our compile error.
    if (auto compiled = Interpreter::compile(c.model)) {
        Subgraph& g = c.model.subgraphs[0];
        for (size_t t = 0; t < g.tensors.size(); ++t)
            if (g.tensors[t].buffer == 0) g.tensors[t].shape = (*compiled)->entry().tensors[t].shape;
    }
    return c;
}

}  // namespace litelab::test
