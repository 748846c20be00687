// Converted ONNX models run in LiteRT (the real TFLite runtime, ../shared/oracles) with the
// outputs of LiteLab's interpreter (atol 1e-6, rtol 1e-5), and LiteLab's outputs equal the
// ONNX suite's. A representative subset: one case per lowering path (all suite models run in
// our interpreter in onnx_suite_test), keeping CI time low. Also with --io-layout nhwc.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <iostream>

#include "import/onnx_suite.h"
#include "interop/oracle.h"
#include "interop/output_compare.h"
#include "npy/npz.h"
#include "run/run_model.h"
#include "support/test_paths.h"
#include "tflite/writer.h"

namespace litelab::test {
namespace {

struct Pick {
    std::string folder, name;
};

// One case per lowering path: convolutions (1/2/3-D, groups, depthwise, transposed), pools
// (padded, ceil, dilated, 3-D separable), normalisations, matrix products, activations and
// their compositions, layout operators, resize paths (native and matrix), recurrent cells.
const std::vector<Pick>& picks() {
    static const std::vector<Pick> list = {{"pytorch-converted", "test_Conv1d_pad2"},
                                           {"pytorch-converted", "test_Conv2d_depthwise_with_multiplier"},
                                           {"pytorch-converted", "test_Conv2d_groups"},
                                           {"pytorch-converted", "test_Conv2d_dilated"},
                                           {"pytorch-converted", "test_Conv3d_stride_padding"},
                                           {"pytorch-converted", "test_ConvTranspose2d"},
                                           {"pytorch-converted", "test_MaxPool3d_stride_padding"},
                                           {"pytorch-converted", "test_AvgPool3d_stride"},
                                           {"pytorch-converted", "test_MaxPool1d_stride_padding_dilation"},
                                           {"pytorch-converted", "test_BatchNorm2d_eval"},
                                           {"pytorch-converted", "test_Linear"},
                                           {"pytorch-converted", "test_PReLU_2d_multiparam"},
                                           {"pytorch-converted", "test_PixelShuffle"},
                                           {"pytorch-converted", "test_ReflectionPad2d"},
                                           {"pytorch-converted", "test_ReplicationPad2d"},
                                           {"pytorch-converted", "test_SELU"},
                                           {"pytorch-converted", "test_Softplus"},
                                           {"pytorch-converted", "test_log_softmax_dim3"},
                                           {"pytorch-converted", "test_GLU_dim"},
                                           {"pytorch-operator", "test_operator_repeat"},
                                           {"pytorch-operator", "test_operator_pow"},
                                           {"pytorch-operator", "test_operator_symbolic_override"},
                                           {"pytorch-operator", "test_operator_index"},
                                           {"node", "test_convtranspose_3d"},
                                           {"node", "test_convtranspose_output_shape"},
                                           {"node", "test_averagepool_2d_ceil"},
                                           {"node", "test_averagepool_2d_pads"},
                                           {"node", "test_resize_upsample_scales_cubic"},
                                           {"node", "test_resize_upsample_scales_linear"},
                                           {"node", "test_resize_tf_crop_and_resize"},
                                           {"node", "test_lstm_with_peepholes"},
                                           {"node", "test_gru_seq_length"},
                                           {"node", "test_erf"},
                                           {"node", "test_slice_neg_steps"},
                                           {"node", "test_gemm_all_attributes"},
                                           {"node", "test_matmul_4d"},
                                           {"node", "test_softmax_axis_0"},
                                           {"node", "test_hardsigmoid"},
                                           {"node", "test_reduce_sum_keepdims_random"},
                                           {"node", "test_split_variable_parts_2d"},
                                           {"node", "test_unsqueeze_unsorted_axes"}};
    return list;
}

// A float array with its axes permuted: out dimension i is dimension perm[i] of `a`.
NdArray permuted(const NdArray& a, const std::vector<int>& perm) {
    std::vector<int64_t> shape, strides(a.shape.size(), 1);
    for (size_t i = a.shape.size(); i-- > 1;) strides[i - 1] = strides[i] * a.shape[i];
    for (int p : perm) shape.push_back(a.shape[static_cast<size_t>(p)]);
    std::vector<float> out;
    std::vector<int64_t> index(shape.size(), 0);
    const auto in = a.values<float>();
    for (int64_t k = 0; k < a.element_count(); ++k) {
        int64_t src = 0;
        for (size_t i = 0; i < index.size(); ++i) src += index[i] * strides[static_cast<size_t>(perm[i])];
        out.push_back(in[static_cast<size_t>(src)]);
        for (size_t i = index.size(); i-- > 0;) {
            if (++index[i] < shape[i]) break;
            index[i] = 0;
        }
    }
    return NdArray::from<float>(shape, out);
}

// NCHW-style [0, 2, ..., 1] and its inverse.
std::vector<int> channels_last(size_t rank) {
    std::vector<int> p{0};
    for (size_t i = 2; i < rank; ++i) p.push_back(static_cast<int>(i));
    p.push_back(1);
    return p;
}
std::vector<int> channels_first(size_t rank) {
    std::vector<int> p{0, static_cast<int>(rank) - 1};
    for (size_t i = 1; i + 1 < rank; ++i) p.push_back(static_cast<int>(i));
    return p;
}

// NaN where both runtimes give NaN (a negative base to a fractional power) counts as equal.
void blank_shared_nans(NdArray& a, NdArray& b) {
    if (a.dtype != DType::kFloat32 || b.dtype != DType::kFloat32 || a.shape != b.shape) return;
    auto va = a.values<float>();
    auto vb = b.values<float>();
    for (size_t i = 0; i < va.size(); ++i) {
        if (std::isnan(va[i]) && std::isnan(vb[i])) va[i] = vb[i] = 0.0f;
    }
}

const NdArray* find(const std::vector<NpzEntry>& entries, const std::string& name) {
    for (const auto& e : entries) {
        if (e.name == name) return &e.array;
    }
    return nullptr;
}

// Converts, runs in LiteLab (checked against the suite) and in LiteRT (checked against LiteLab).
void check(const Pick& pick, IoLayout layout) {
    const auto root = onnx_suite_dir();
    const SuiteCase c{pick.folder, pick.name, *root + "/" + pick.folder + "/" + pick.name};
    ImportOptions options;
    options.io_layout = layout;
    auto converted = convert_suite_case(c, options);
    ASSERT_TRUE(converted) << converted.error().message;
    const std::string label = pick.name + (layout == IoLayout::kNhwc ? "_nhwc" : "");
    const std::string dir = scratch_dir("onnx_litert_" + label);
    const std::string model_path = dir + "/model.tflite";
    ASSERT_TRUE(write_tflite_file(converted->imported.model, model_path));

    const DataSet& data = converted->data_sets[0];
    std::vector<NdArray> inputs = data.inputs;
    const bool nhwc = layout == IoLayout::kNhwc;
    for (auto& in : inputs) {
        if (nhwc && in.dtype == DType::kFloat32 && in.shape.size() >= 3)
            in = permuted(in, channels_last(in.shape.size()));
    }
    auto ours = run_model(converted->imported.model, inputs, RunOptions{});
    ASSERT_TRUE(ours) << label << ": " << ours.error().message;
    for (size_t k = 0; k < data.expected.size(); ++k) {
        // Channels-last outputs go back to ONNX's layout for the comparison with the suite.
        const NdArray out = nhwc && data.expected[k].dims.size() >= 3
                                ? permuted(ours->outputs[k], channels_first(data.expected[k].dims.size()))
                                : ours->outputs[k];
        const auto diff = compare_outputs(out, data.expected[k], 1e-7, 1e-3);
        EXPECT_FALSE(diff) << label << " output " << k << " vs ONNX: " << *diff;
    }
    std::vector<NpzEntry> entries;
    for (size_t k = 0; k < ours->inputs.size(); ++k) entries.push_back({"in_" + std::to_string(k), ours->inputs[k]});
    const std::string ours_path = dir + "/litelab.npz";
    ASSERT_TRUE(write_npz_file(ours_path, entries));

    const std::string peer_path = dir + "/litert.npz";
    const ProcessResult ran =
        run_tflite({"--runtime", "litert", model_path, "--inputs-from", ours_path, "--out", peer_path});
    ASSERT_EQ(ran.exit_code, 0) << label << ": LiteRT: " << ran.err;
    auto peer = read_npz_file(peer_path);
    ASSERT_TRUE(peer) << peer.error().message;
    for (size_t k = 0; k < ours->outputs.size(); ++k) {
        const NdArray* found = find(*peer, "out_" + std::to_string(k));
        ASSERT_NE(found, nullptr) << label << ": LiteRT gave no out_" << k;
        NdArray mine = ours->outputs[k], theirs = *found;
        blank_shared_nans(mine, theirs);
        const Comparison cmp = compare_outputs(mine, theirs, Tolerance{});
        EXPECT_TRUE(cmp.problem.empty()) << label << " out_" << k << " vs LiteRT: " << cmp.problem;
    }
}

class OnnxLiteRt : public ::testing::TestWithParam<size_t> {};

TEST_P(OnnxLiteRt, ConvertedModelRunsInLiteRtWithOurOutputs) {
    if (!onnx_suite_dir()) GTEST_SKIP() << "libonnx-testdata is not installed (scripts/setup.sh installs it)";
    if (auto why = oracles_unavailable()) GTEST_SKIP() << *why;
    check(picks()[GetParam()], IoLayout::kSource);
}

INSTANTIATE_TEST_SUITE_P(Cases, OnnxLiteRt, ::testing::Range<size_t>(0, picks().size()), [](const auto& param_info) {
    std::string name = picks()[param_info.param].name;
    for (char& ch : name) ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
    return name;
});

// With --io-layout nhwc the model takes and gives channels-last arrays: LiteRT agrees.
TEST(OnnxLiteRtNhwc, ChannelsLastModelsRunInLiteRt) {
    if (!onnx_suite_dir()) GTEST_SKIP() << "libonnx-testdata is not installed";
    if (auto why = oracles_unavailable()) GTEST_SKIP() << *why;
    for (const Pick& p : {Pick{"pytorch-converted", "test_Conv2d_groups"},
                          Pick{"pytorch-converted", "test_MaxPool3d_stride_padding"}}) {
        check(p, IoLayout::kNhwc);
    }
}

}  // namespace
}  // namespace litelab::test
