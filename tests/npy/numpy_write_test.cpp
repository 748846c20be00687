// NumPy reads what LiteLab writes: check_written.py loads every file and compares dtype, shape,
// values, member order and compression with the manifest written here.
#include <gtest/gtest.h>

#include <fstream>

#include "npy/npy.h"
#include "npy/npz.h"
#include "numpy_cases.h"
#include "sample_arrays.h"
#include "support/test_paths.h"

namespace litelab {
namespace {

nlohmann::json describe(const NdArray& array) {
    return {{"dtype", dtype_name(array.dtype)}, {"shape", array.shape}, {"values", test::manifest_values(array)}};
}

TEST(NpyToNumpy, NumpyReadsWhatLiteLabWrites) {
    if (auto reason = test::numpy_unavailable()) GTEST_SKIP() << *reason;
    const std::string dir = test::scratch_dir(test::current_test_name());
    nlohmann::json manifest = {{"npy", nlohmann::json::array()}, {"npz", nlohmann::json::array()}};

    int index = 0;
    for (const NdArray& array : test::one_of_each_dtype()) {
        const std::string file = "array_" + std::to_string(index++) + ".npy";
        ASSERT_TRUE(write_npy_file(dir + "/" + file, array));
        nlohmann::json entry = describe(array);
        entry["file"] = file;
        manifest["npy"].push_back(entry);
    }

    const auto entries = test::sample_entries();
    for (bool compress : {false, true}) {
        const std::string file = compress ? "deflated.npz" : "stored.npz";
        ASSERT_TRUE(write_npz_file(dir + "/" + file, entries, compress));
        nlohmann::json members = nlohmann::json::array();
        for (const auto& entry : entries) {
            nlohmann::json member = describe(entry.array);
            member["name"] = entry.name;
            members.push_back(member);
        }
        manifest["npz"].push_back({{"file", file}, {"compressed", compress}, {"members", members}});
    }
    // A big array, so deflate and the ZIP sizes see more than a few bytes.
    std::vector<int32_t> ramp(200000);
    for (size_t i = 0; i < ramp.size(); ++i) ramp[i] = static_cast<int32_t>(i * 2654435761u % 1000);
    const std::vector<NpzEntry> big = {{"ramp", NdArray::from<int32_t>({400, 500}, ramp)}};
    ASSERT_TRUE(write_npz_file(dir + "/big.npz", big, true));
    nlohmann::json ramp_member = describe(big[0].array);
    ramp_member["name"] = "ramp";
    manifest["npz"].push_back({{"file", "big.npz"}, {"compressed", true}, {"members", nlohmann::json::array({ramp_member})}});

    std::ofstream(dir + "/manifest.json") << manifest.dump(1);
    if (auto problems = test::numpy_rejects(dir)) ADD_FAILURE() << *problems;
}

}  // namespace
}  // namespace litelab
