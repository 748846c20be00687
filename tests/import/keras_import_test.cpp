// The Keras importer without peers: the graphs it writes (lowering as TensorFlow's converter
// does), Keras 3 archives against their Keras 2 twins, the layers whose reference outputs the
// generator computes with NumPy, the batch option, and one-line errors for bad files.
#include <gtest/gtest.h>

#include <map>

#include "import/keras/keras_importer.h"
#include "keras_case_files.h"
#include "output_compare.h"
#include "support/test_paths.h"

namespace litelab::test {
namespace {

#define REQUIRE_CASES()                                                      \
    const KerasCaseFiles& files = keras_case_files();                        \
    if (!files.unavailable.empty()) GTEST_SKIP() << files.unavailable

std::map<std::string, int> op_counts(const Model& model) {
    std::map<std::string, int> counts;
    for (const Operator& op : model.subgraphs[0].operators) ++counts[model.opcode(op).name()];
    return counts;
}

Model imported(const std::string& path, const ImportOptions& options = {}) {
    auto result = import_keras_file(path, options);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? std::move(result->model) : Model{};
}

std::vector<NdArray> case_inputs(const KerasCase& c) {
    auto npz = read_npz_file(c.inputs);
    EXPECT_TRUE(npz.ok()) << c.inputs;
    return npz.ok() ? numbered(*npz, "in_") : std::vector<NdArray>{};
}

std::vector<NdArray> outputs_of(const Model& model, const std::vector<NdArray>& inputs) {
    auto outputs = run_litelab(model, inputs);
    EXPECT_TRUE(outputs.ok()) << (outputs.ok() ? "" : outputs.error().message);
    return outputs.ok() ? std::move(*outputs) : std::vector<NdArray>{};
}

bool has_note(const ImportedModel& m, const std::string& phrase) {
    for (const std::string& n : m.notes)
        if (n.find(phrase) != std::string::npos) return true;
    return false;
}

TEST(KerasImport, DenseMlpLowersAsTheConverterWould) {
    REQUIRE_CASES();
    auto result = import_keras_file(files.find("dense_mlp")->h5, {});
    ASSERT_TRUE(result.ok()) << result.error().message;
    const Model& m = result->model;
    const Subgraph& g = m.subgraphs[0];
    ASSERT_EQ(g.operators.size(), 3u);  // Dense+relu, Dense, softmax; the Dropout is gone
    EXPECT_EQ(m.opcode(g.operators[0]).name(), "FULLY_CONNECTED");
    EXPECT_EQ(g.operators[0].builtin_options.AsFullyConnectedOptions()->fused_activation_function,
              tflite::ActivationFunctionType_RELU);
    EXPECT_EQ(m.opcode(g.operators[2]).name(), "SOFTMAX");
    EXPECT_TRUE(has_note(*result, "training-only layer(s) removed"));
    const Tensor& input = g.tensors[static_cast<size_t>(g.inputs[0])];
    EXPECT_EQ(input.name, "features");
    EXPECT_EQ(input.shape, (std::vector<int32_t>{1, 8}));
    EXPECT_EQ(input.signature_or_shape(), (std::vector<int32_t>{-1, 8}));
    EXPECT_EQ(g.tensors[static_cast<size_t>(g.outputs[0])].name, "logits");
    ASSERT_EQ(m.signature_defs.size(), 1u);
    EXPECT_EQ(m.signature_defs[0].signature_key, "serving_default");
    EXPECT_EQ(m.signature_defs[0].outputs[0].name, "logits");
    EXPECT_EQ(g.tensors[static_cast<size_t>(g.operators[0].inputs[1])].name, "hidden/kernel");
}

TEST(KerasImport, BatchNormsFoldIntoConvolutionsAndActivationsFuse) {
    REQUIRE_CASES();
    auto result = import_keras_file(files.find("conv2d_family")->h5, {});
    ASSERT_TRUE(result.ok()) << result.error().message;
    const auto ops = op_counts(result->model);
    EXPECT_EQ(ops.count("MUL"), 0u);  // all three batch norms folded
    EXPECT_EQ(ops.count("ADD"), 0u);
    EXPECT_EQ(ops.count("RELU"), 0u);
    EXPECT_EQ(ops.count("RELU6"), 0u);
    EXPECT_EQ(ops.at("CONV_2D"), 4);  // conv_a, the separable's pointwise, dilated, grouped
    EXPECT_EQ(ops.at("DEPTHWISE_CONV_2D"), 2);
    EXPECT_EQ(ops.at("MEAN"), 1);
    EXPECT_TRUE(has_note(*result, "3 batch normalization layer(s) folded"));
}

TEST(KerasImport, Conv1DRunsAsConv2DOverAHeightOfOne) {
    REQUIRE_CASES();
    const Model m = imported(files.find("conv1d_family")->h5);
    const auto ops = op_counts(m);
    EXPECT_EQ(ops.at("EXPAND_DIMS"), 7);  // four convolutions, two pools, the up-sampling
    EXPECT_EQ(ops.at("SQUEEZE"), 7);
    EXPECT_EQ(ops.at("PAD"), 2);  // causal padding, ZeroPadding1D
    EXPECT_EQ(ops.at("STRIDED_SLICE"), 1);  // Cropping1D
}

TEST(KerasImport, LstmBecomesTheFusedOperatorWithAStaticBatch) {
    REQUIRE_CASES();
    auto result = import_keras_file(files.find("lstm")->h5, {});
    ASSERT_TRUE(result.ok()) << result.error().message;
    const auto ops = op_counts(result->model);
    EXPECT_EQ(ops.at("UNIDIRECTIONAL_SEQUENCE_LSTM"), 2);
    EXPECT_EQ(ops.at("STRIDED_SLICE"), 1);  // the last step of the second LSTM
    EXPECT_TRUE(has_note(*result, "the batch size is static"));
    for (const Tensor& t : result->model.subgraphs[0].tensors) EXPECT_FALSE(t.is_dynamic()) << t.name;
}

// Only the batch becomes static with the LSTM's state variables: a sequence of any length still
// runs, and the same weights give the same outputs as the 6-step model.
TEST(KerasImport, LstmOverSequencesOfAnyLength) {
    REQUIRE_CASES();
    auto result = import_keras_file(files.dir + "/lstm_any_length.h5", {});
    ASSERT_TRUE(result.ok()) << result.error().message;
    const Subgraph& g = result->model.subgraphs[0];
    EXPECT_EQ(g.tensors[static_cast<size_t>(g.inputs[0])].signature_or_shape(), (std::vector<int32_t>{1, -1, 5}));
    const KerasCase& fixed = *files.find("lstm");
    const auto inputs = case_inputs(fixed);
    const auto any_length = outputs_of(result->model, inputs);
    const auto six_steps = outputs_of(imported(fixed.h5), inputs);
    ASSERT_EQ(any_length.size(), 1u);
    ASSERT_EQ(six_steps.size(), 1u);
    EXPECT_EQ(any_length[0], six_steps[0]);
}

TEST(KerasImport, GruAndOtherLstmsAreUnrolled) {
    REQUIRE_CASES();
    for (const char* name : {"gru", "lstm_unrolled", "gru_reset_after"}) {
        SCOPED_TRACE(name);
        const Model m = imported(files.find(name)->h5);
        const auto ops = op_counts(m);
        EXPECT_EQ(ops.count("UNIDIRECTIONAL_SEQUENCE_LSTM"), 0u);
        EXPECT_GE(ops.at("UNPACK"), 1);
        EXPECT_GE(ops.at("FULLY_CONNECTED"), 2);
    }
}

// Keras 3 archives hold the same weights as the Keras 2 files of the same case, found by
// position instead of by name: the converted models must compute the same values.
TEST(KerasImport, KerasArchivesMatchTheirH5Twins) {
    REQUIRE_CASES();
    int compared = 0;
    for (const KerasCase& c : files.cases) {
        if (c.keras.empty() || c.h5.empty()) continue;
        SCOPED_TRACE(c.name);
        const auto inputs = case_inputs(c);
        const auto from_h5 = outputs_of(imported(c.h5), inputs);
        const auto from_keras = outputs_of(imported(c.keras), inputs);
        ASSERT_EQ(from_h5.size(), from_keras.size());
        for (size_t o = 0; o < from_h5.size(); ++o) EXPECT_EQ(from_h5[o], from_keras[o]) << "output " << o;
        ++compared;
    }
    EXPECT_GE(compared, 12);
}

TEST(KerasImport, RecurrentWeightsUnderBothKeras2Names) {
    REQUIRE_CASES();
    for (const char* name : {"lstm", "gru"}) {
        SCOPED_TRACE(name);
        const KerasCase& c = *files.find(name);
        const auto inputs = case_inputs(c);
        const auto keras22 = outputs_of(imported(c.h5), inputs);
        const auto tf2 = outputs_of(imported(files.dir + "/" + name + "_tf2_names.h5"), inputs);
        ASSERT_EQ(keras22.size(), 1u);
        ASSERT_EQ(tf2.size(), 1u);
        EXPECT_EQ(keras22[0], tf2[0]);
    }
}

// Layers neither oracle computes: the generator's NumPy gives the expected values.
TEST(KerasImport, LayersCheckedAgainstNumpy) {
    REQUIRE_CASES();
    int checked = 0;
    for (const KerasCase& c : files.cases) {
        if (c.reference != "expected") continue;
        auto npz = read_npz_file(c.inputs);
        ASSERT_TRUE(npz.ok());
        const auto expected = numbered(*npz, "out_");
        for (const std::string& path : {c.h5, c.keras}) {
            if (path.empty()) continue;
            SCOPED_TRACE(path);
            const auto ours = outputs_of(imported(path), numbered(*npz, "in_"));
            ASSERT_EQ(ours.size(), expected.size());
            for (size_t o = 0; o < ours.size(); ++o) {
                const Comparison cmp = compare_outputs(ours[o], expected[o], Tolerance{});
                EXPECT_TRUE(cmp.problem.empty()) << cmp.problem;
                std::cout << c.name << " (" << (path == c.h5 ? ".h5" : ".keras") << ") vs NumPy: " << cmp.summary << "\n";
            }
            ++checked;
        }
    }
    // normalization, upsampling_bilinear, gru_reset_after (.h5 and .keras each), Keras 3 hard_sigmoid
    EXPECT_EQ(checked, 7);
}

TEST(KerasImport, BatchOptionSetsTheStaticShape) {
    REQUIRE_CASES();
    ImportOptions options;
    options.batch = 3;
    const Model m = imported(files.find("merging")->h5, options);
    for (int32_t t : m.subgraphs[0].inputs) {
        const Tensor& input = m.subgraphs[0].tensors[static_cast<size_t>(t)];
        EXPECT_EQ(input.shape, (std::vector<int32_t>{3, 3, 4}));
        EXPECT_EQ(input.signature_or_shape(), (std::vector<int32_t>{-1, 3, 4}));
    }
    for (int32_t t : m.subgraphs[0].outputs) EXPECT_EQ(m.subgraphs[0].tensors[static_cast<size_t>(t)].shape[0], 3);
}

TEST(KerasImport, BadFilesGiveOneLineErrorsNamingTheFile) {
    REQUIRE_CASES();
    int checked = 0;
    for (const KerasCase& c : files.cases) {
        if (c.reference != "error") continue;
        SCOPED_TRACE(c.bad);
        auto result = import_keras_file(c.bad, {});
        ASSERT_FALSE(result.ok());
        const std::string& message = result.error().message;
        std::cout << message << "\n";
        EXPECT_EQ(message.rfind(c.bad + ": ", 0), 0u) << message;
        EXPECT_NE(message.find(c.expect), std::string::npos) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << message;
        ++checked;
    }
    EXPECT_EQ(checked, 11);
    auto missing = import_keras_file(files.dir + "/no_such_model.h5", {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::kIo);
}

TEST(KerasImport, TeachableMachineExportConverts) {
    const auto path = shared_model("keras/teachable_machine_digits.h5");
    if (!path) GTEST_SKIP() << "../shared/models is absent";
    auto result = import_keras_file(*path, {});
    ASSERT_TRUE(result.ok()) << result.error().message;
    const auto ops = op_counts(result->model);
    EXPECT_EQ(ops.at("CONV_2D"), 35);
    EXPECT_EQ(ops.at("DEPTHWISE_CONV_2D"), 17);
    EXPECT_EQ(ops.at("ADD"), 10);
    EXPECT_EQ(ops.at("PAD"), 5);
    EXPECT_EQ(ops.at("MEAN"), 1);
    EXPECT_EQ(ops.at("FULLY_CONNECTED"), 2);
    EXPECT_EQ(ops.at("SOFTMAX"), 1);
    EXPECT_EQ(ops.count("MUL"), 0u);
    EXPECT_EQ(ops.count("RELU6"), 0u);
    EXPECT_TRUE(has_note(*result, "52 batch normalization layer(s) folded"));
    const Subgraph& g = result->model.subgraphs[0];
    EXPECT_EQ(g.tensors[static_cast<size_t>(g.inputs[0])].signature_or_shape(), (std::vector<int32_t>{-1, 224, 224, 3}));
}

}  // namespace
}  // namespace litelab::test
