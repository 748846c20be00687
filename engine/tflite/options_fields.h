// Builtin options of an operator as named fields ("stride_w" = 2, "padding" = "SAME"), found
// through the schema's mini-reflection tables, so every options table of every operator is
// shown without hand-written code per operator.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace litelab {

struct OptionField {
    std::string name;
    std::string json;  // the value as a JSON literal: 2, 0.5, true, "SAME", [1, 2]
    // The value for people: JSON without quotes around enum names and strings.
    std::string display() const;
};

// Name of the options table ("Conv2DOptions"); empty when the operator has none.
std::string builtin_options_name(const Operator& op);

// Every field of the operator's builtin options (both option unions), defaults included.
std::vector<OptionField> builtin_option_fields(const Operator& op);

}  // namespace litelab
