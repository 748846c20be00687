#include "tflite/options_fields.h"

#include <gtest/gtest.h>

#include <map>

#include "model/demo_model.h"

namespace litelab {
namespace {

std::map<std::string, std::string> fields_of(const Operator& op) {
    std::map<std::string, std::string> fields;
    for (const auto& f : builtin_option_fields(op)) fields[f.name] = f.json;
    return fields;
}

TEST(OptionsFields, ShowsEveryFieldWithEnumNamesAndDefaults) {
    const Model model = make_demo_model();
    const Operator& conv = model.subgraphs[0].operators[0];
    EXPECT_EQ(builtin_options_name(conv), "Conv2DOptions");
    auto fields = fields_of(conv);
    EXPECT_EQ(fields["padding"], "\"VALID\"");
    EXPECT_EQ(fields["stride_w"], "1");
    EXPECT_EQ(fields["fused_activation_function"], "\"RELU\"");
    EXPECT_EQ(fields["dilation_w_factor"], "1");  // a default, still shown
    const Operator& pool = model.subgraphs[0].operators[1];
    EXPECT_EQ(fields_of(pool)["filter_height"], "2");
    const Operator& softmax = model.subgraphs[0].operators[4];
    EXPECT_EQ(fields_of(softmax)["beta"], "1");
}

TEST(OptionsFields, VectorsAndDisplayText) {
    Operator op;
    op.builtin_options.Set(tflite::ReshapeOptionsT{});
    op.builtin_options.AsReshapeOptions()->new_shape = {-1, 704};
    const auto fields = builtin_option_fields(op);
    ASSERT_EQ(fields.size(), 1u);
    EXPECT_EQ(fields[0].name, "new_shape");
    EXPECT_EQ(fields[0].json, "[-1, 704]");

    OptionField enum_field{"padding", "\"SAME\""};
    EXPECT_EQ(enum_field.display(), "SAME");
}

TEST(OptionsFields, OperatorWithoutOptionsHasNoFields) {
    Operator op;
    EXPECT_TRUE(builtin_option_fields(op).empty());
    EXPECT_EQ(builtin_options_name(op), "");
}

}  // namespace
}  // namespace litelab
