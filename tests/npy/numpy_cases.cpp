#include "numpy_cases.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "support/process.h"
#include "support/test_paths.h"

namespace litelab::test {

std::string current_test_name() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    return std::string(info->test_suite_name()) + "." + info->name();
}

std::optional<std::string> numpy_unavailable() {
    static const std::optional<std::string> reason = []() -> std::optional<std::string> {
        const auto result = run_process({python(), "-c", "import numpy"}, 60);
        if (result.exit_code == 0) return std::nullopt;
        // The last line of the traceback says why ("No module named 'numpy'").
        std::string why = result.err;
        while (!why.empty() && why.back() == '\n') why.pop_back();
        why = why.substr(why.rfind('\n') + 1);
        if (why.empty()) why = "exit code " + std::to_string(result.exit_code);
        return python() + " cannot import numpy (install python3-numpy): " + why;
    }();
    return reason;
}

std::optional<NumpyCases> write_numpy_cases(const std::string& name) {
    NumpyCases cases;
    cases.dir = scratch_dir(name);
    const auto result = run_process({python(), std::string(LITELAB_NPY_TEST_DIR) + "/write_cases.py", cases.dir}, 120);
    if (result.exit_code != 0) {
        ADD_FAILURE() << "write_cases.py failed (" << result.exit_code << "):\n" << result.out << result.err;
        return std::nullopt;
    }
    std::ifstream in(cases.dir + "/manifest.json");
    cases.manifest = nlohmann::json::parse(in);
    return cases;
}

std::optional<std::string> numpy_rejects(const std::string& dir) {
    const auto result = run_process({python(), std::string(LITELAB_NPY_TEST_DIR) + "/check_written.py", dir}, 120);
    if (result.exit_code == 0) return std::nullopt;
    return "check_written.py exited with " + std::to_string(result.exit_code) + ":\n" + result.out + result.err;
}

std::vector<uint8_t> manifest_bytes(const nlohmann::json& values, int item_size) {
    std::vector<uint8_t> bytes;
    for (const auto& value : values) {
        // Negative ints are two's complement; floats come as their bits (non-negative).
        const uint64_t bits = value.is_number_unsigned() ? value.get<uint64_t>()
                                                         : static_cast<uint64_t>(value.get<int64_t>());
        for (int i = 0; i < item_size; ++i) bytes.push_back(static_cast<uint8_t>(bits >> (8 * i)));
    }
    return bytes;
}

nlohmann::json manifest_values(const NdArray& array) {
    if (array.dtype == DType::kString) return array.strings;
    const auto item = static_cast<size_t>(npy_item_size(array.dtype));
    const bool is_signed = array.dtype == DType::kInt8 || array.dtype == DType::kInt16 || array.dtype == DType::kInt32 ||
                           array.dtype == DType::kInt64;
    nlohmann::json values = nlohmann::json::array();
    for (size_t at = 0; at + item <= array.data.size(); at += item) {
        uint64_t bits = 0;
        for (size_t i = item; i-- > 0;) bits = bits << 8 | array.data[at + i];
        if (is_signed) {
            const unsigned shift = static_cast<unsigned>(64 - 8 * item);
            values.push_back(static_cast<int64_t>(bits << shift) >> shift);
        } else {
            values.push_back(bits);
        }
    }
    return values;
}

void expect_array_matches(const NdArray& array, const nlohmann::json& expected, const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_EQ(dtype_name(array.dtype), expected.at("dtype").get<std::string>());
    EXPECT_EQ(array.shape, expected.at("shape").get<std::vector<int64_t>>());
    const auto& values = expected.at("values");
    if (array.dtype == DType::kString) {
        EXPECT_TRUE(array.data.empty());
        EXPECT_EQ(array.strings, values.get<std::vector<std::string>>());
        return;
    }
    EXPECT_TRUE(array.strings.empty());
    const std::vector<uint8_t> bytes = manifest_bytes(values, npy_item_size(array.dtype));
    ASSERT_EQ(array.data.size(), bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (array.data[i] != bytes[i]) {
            ADD_FAILURE() << "element " << i / static_cast<size_t>(npy_item_size(array.dtype)) << " differs from NumPy's "
                          << values[i / static_cast<size_t>(npy_item_size(array.dtype))];
            return;
        }
    }
}

std::vector<uint8_t> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace litelab::test
