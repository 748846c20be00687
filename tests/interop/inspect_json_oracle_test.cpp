// `litelab inspect --json` must agree with the oracles' own flatbuffer reader
// (`run_tflite --info`, Python, sharing no code with LiteLab) on inputs, outputs, operators,
// signatures and quantization.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "model/demo_model.h"
#include "oracle.h"
#include "support/test_paths.h"
#include "tflite/writer.h"

namespace litelab {
namespace {

using Json = nlohmann::json;

void expect_same_tensor(const Json& ours, const Json& theirs, const std::string& where) {
    SCOPED_TRACE(where);
    EXPECT_EQ(ours["index"], theirs["index"]);
    EXPECT_EQ(ours["name"], theirs["name"]);
    EXPECT_EQ(ours["dtype"], theirs["dtype"]);
    EXPECT_EQ(ours["shape"], theirs["shape"]);
    EXPECT_EQ(ours["is_variable"], theirs["is_variable"]);
    // The oracle reports the static shape as the signature when the file stores none.
    EXPECT_EQ(ours["shape_signature"].is_null() ? ours["shape"] : ours["shape_signature"], theirs["shape_signature"]);
    const Json& q = ours["quantization"];
    const bool theirs_quantized = theirs.contains("scale") && !theirs["scale"].empty();
    EXPECT_EQ(!q.is_null() && !q["scale"].empty(), theirs_quantized);
    if (theirs_quantized && !q.is_null()) {
        ASSERT_EQ(q["scale"].size(), theirs["scale"].size());
        for (size_t i = 0; i < q["scale"].size(); ++i)
            EXPECT_FLOAT_EQ(q["scale"][i].get<float>(), theirs["scale"][i].get<float>());
        EXPECT_EQ(q["zero_point"], theirs["zero_point"]);
        EXPECT_EQ(q["quantized_dimension"], theirs["quantized_dimension"]);
    }
    if (theirs.contains("sig_name")) {
        EXPECT_EQ(ours.value("sig_name", ""), theirs["sig_name"]);
    }
}

void compare_with_oracle(const std::string& model) {
    const auto info = test::run_tflite({"--info", model});
    ASSERT_EQ(info.exit_code, 0) << info.err;
    const auto inspect = test::run_process({test::cli_path(), "inspect", "--json", model});
    ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
    const Json theirs = Json::parse(info.out);
    const Json ours = Json::parse(inspect.out);

    EXPECT_EQ(ours["version"], theirs["version"]);
    EXPECT_EQ(ours["num_subgraphs"], theirs["num_subgraphs"]);
    ASSERT_EQ(ours["inputs"].size(), theirs["inputs"].size());
    for (size_t i = 0; i < ours["inputs"].size(); ++i)
        expect_same_tensor(ours["inputs"][i], theirs["inputs"][i], "input " + std::to_string(i));
    ASSERT_EQ(ours["outputs"].size(), theirs["outputs"].size());
    for (size_t i = 0; i < ours["outputs"].size(); ++i)
        expect_same_tensor(ours["outputs"][i], theirs["outputs"][i], "output " + std::to_string(i));

    // The oracle describes subgraph 0 and names custom operators "CUSTOM:<name>".
    auto oracle_name = [](const Json& ours_op) {
        const std::string name = ours_op["op"];
        return ours_op["builtin_code"] == 32 ? "CUSTOM:" + name : name;
    };
    const Json& our_ops = ours["subgraphs"][0]["operators"];
    ASSERT_EQ(our_ops.size(), theirs["operators"].size());
    Json counts = Json::object();
    for (size_t i = 0; i < our_ops.size(); ++i) {
        EXPECT_EQ(oracle_name(our_ops[i]), theirs["operators"][i]["op"]) << "op " << i;
        EXPECT_EQ(our_ops[i]["inputs"], theirs["operators"][i]["inputs"]) << "op " << i;
        EXPECT_EQ(our_ops[i]["outputs"], theirs["operators"][i]["outputs"]) << "op " << i;
        counts[oracle_name(our_ops[i])] = counts.value(oracle_name(our_ops[i]), 0) + 1;
    }
    EXPECT_EQ(counts, theirs["op_counts"]);

    size_t variables = 0;
    for (const auto& sg : ours["subgraphs"])
        for (const auto& t : sg["tensors"]) variables += t["is_variable"].get<bool>();
    EXPECT_EQ(variables, theirs["num_variable_tensors"].get<size_t>());

    ASSERT_EQ(ours["signatures"].size(), theirs["signatures"].size());
    for (size_t i = 0; i < ours["signatures"].size(); ++i) EXPECT_EQ(ours["signatures"][i], theirs["signatures"][i]);
}

TEST(InspectJson, AgreesWithTheOracleReaderOnSharedModels) {
    if (auto why = test::oracles_unavailable()) GTEST_SKIP() << *why;
    const auto models = test::shared_tflite_models();
    if (models.empty()) GTEST_SKIP() << "../shared/models/tflite is absent";
    for (const auto& model : models) {
        SCOPED_TRACE(model);
        compare_with_oracle(model);
    }
}

TEST(InspectJson, AgreesWithTheOracleReaderOnHandWrittenFixtures) {
    if (auto why = test::oracles_unavailable()) GTEST_SKIP() << *why;
    size_t checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(LITELAB_FIXTURE_DIR)) {
        if (entry.path().extension() != ".tflite") continue;
        SCOPED_TRACE(entry.path().string());
        compare_with_oracle(entry.path().string());
        ++checked;
    }
    EXPECT_GE(checked, 9u);
}

TEST(InspectJson, AgreesWithTheOracleReaderOnAModelWeWrote) {
    if (auto why = test::oracles_unavailable()) GTEST_SKIP() << *why;
    const std::string path = test::scratch_dir("inspect_json_demo") + "/demo.tflite";
    ASSERT_TRUE(write_tflite_file(make_demo_model(), path).ok());
    compare_with_oracle(path);
}

}  // namespace
}  // namespace litelab
