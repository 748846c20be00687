// LiteLab reads what NumPy writes: every case of write_cases.py, compared with NumPy's own view.
#include <gtest/gtest.h>

#include <functional>
#include <regex>
#include <set>

#include "npy/npy.h"
#include "npy/npz.h"
#include "numpy_cases.h"

namespace litelab {
namespace {

using test::NumpyCases;

// Reads every .npy case whose manifest entry passes `select`; returns how many there were.
int read_npy_cases(const NumpyCases& cases, const std::function<bool(const nlohmann::json&)>& select) {
    int count = 0;
    for (const auto& entry : cases.manifest.at("npy")) {
        if (!select(entry)) continue;
        const std::string file = entry.at("file");
        auto array = read_npy_file(cases.dir + "/" + file);
        if (!array) {
            ADD_FAILURE() << file << ": " << array.error().message;
            continue;
        }
        test::expect_array_matches(*array, entry, file + " (" + entry.at("what").get<std::string>() + ")");
        ++count;
    }
    return count;
}

bool file_matches(const nlohmann::json& entry, const char* pattern) {
    return std::regex_match(entry.at("file").get<std::string>(), std::regex(pattern));
}

TEST(NpyFromNumpy, EveryDtypeInBothByteOrders) {
    LITELAB_NEED_NUMPY_CASES(cases);
    std::set<std::string> dtypes;
    for (const auto& entry : cases.manifest.at("npy"))
        if (file_matches(entry, "[fiub][1248]_(le|be|na)\\.npy")) dtypes.insert(entry.at("dtype"));
    EXPECT_EQ(dtypes.size(), 12u);  // f2 f4 f8 i1 u1 i2 u2 i4 u4 i8 u8 b1
    EXPECT_EQ(read_npy_cases(cases, [](const auto& e) { return file_matches(e, "[fiub][1248]_be\\.npy"); }), 9);
    EXPECT_EQ(read_npy_cases(cases, [](const auto& e) { return file_matches(e, "[fiub][1248]_le\\.npy"); }), 9);
    EXPECT_EQ(read_npy_cases(cases, [](const auto& e) { return file_matches(e, "[fiub][1248]_na\\.npy"); }), 3);
}

TEST(NpyFromNumpy, FormatVersionsOneTwoAndThree) {
    LITELAB_NEED_NUMPY_CASES(cases);
    for (int version : {1, 2, 3}) {
        SCOPED_TRACE(version);
        EXPECT_EQ(read_npy_cases(cases,
                                 [&](const auto& e) {
                                     return file_matches(e, "version.\\.npy") && e.at("version")[0] == version;
                                 }),
                  1);
    }
}

TEST(NpyFromNumpy, FortranOrderBecomesCOrder) {
    LITELAB_NEED_NUMPY_CASES(cases);
    // 2-D, 3-D and 4-D numbers, bools and strings, little- and big-endian.
    EXPECT_EQ(read_npy_cases(cases, [](const auto& e) { return e.at("fortran_order").template get<bool>(); }), 5);
}

TEST(NpyFromNumpy, ZeroDimensionalAndEmptyArrays) {
    LITELAB_NEED_NUMPY_CASES(cases);
    EXPECT_EQ(read_npy_cases(cases, [](const auto& e) { return file_matches(e, "(scalar|empty)_.*\\.npy"); }), 6);
    auto scalar = read_npy_file(cases.dir + "/scalar_f8.npy");
    ASSERT_TRUE(scalar) << scalar.error().message;
    EXPECT_TRUE(scalar->shape.empty());
    EXPECT_EQ(scalar->element_count(), 1);
    ASSERT_EQ(scalar->values<double>().size(), 1u);
    EXPECT_EQ(scalar->values<double>()[0], 3.25);
}

TEST(NpyFromNumpy, UnicodeStrings) {
    LITELAB_NEED_NUMPY_CASES(cases);
    EXPECT_EQ(read_npy_cases(cases, [](const auto& e) { return e.at("dtype") == "STRING"; }), 5);
    auto text = read_npy_file(cases.dir + "/string_0d.npy");
    ASSERT_TRUE(text) << text.error().message;
    EXPECT_EQ(*text, NdArray::from_string("Grüße, 世界 🌍 — ok"));
}

// Every member in archive order, named without ".npy", with NumPy's values.
void expect_npz_matches(const std::vector<NpzEntry>& entries, const nlohmann::json& expected, const std::string& file) {
    const auto& members = expected.at("members");
    ASSERT_EQ(entries.size(), members.size()) << file;
    for (size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(entries[i].name, members[i].at("name").get<std::string>()) << file << " member " << i;
        test::expect_array_matches(entries[i].array, members[i], file + ": " + entries[i].name);
    }
}

const nlohmann::json& npz_case(const NumpyCases& cases, const std::string& file) {
    for (const auto& entry : cases.manifest.at("npz"))
        if (entry.at("file") == file) return entry;
    throw std::runtime_error("no npz case " + file);
}

TEST(NpyFromNumpy, SavezStoredMembersWithZip64Extras) {
    LITELAB_NEED_NUMPY_CASES(cases);
    const auto& expected = npz_case(cases, "several.npz");
    EXPECT_EQ(expected.at("methods"), nlohmann::json::array({0}));  // ZIP_STORED
    auto entries = read_npz_file(cases.dir + "/several.npz");
    ASSERT_TRUE(entries) << entries.error().message;
    expect_npz_matches(*entries, expected, "several.npz");
    const NdArray* labels = find(*entries, "labels");
    ASSERT_NE(labels, nullptr);
    EXPECT_EQ(labels->strings, (std::vector<std::string>{"cat", "dög", "🐟"}));
    EXPECT_EQ(find(*entries, "labels.npy"), nullptr);
    EXPECT_EQ(find(*entries, "missing"), nullptr);
}

TEST(NpyFromNumpy, SavezCompressedMembers) {
    LITELAB_NEED_NUMPY_CASES(cases);
    const auto& expected = npz_case(cases, "compressed.npz");
    EXPECT_EQ(expected.at("methods"), nlohmann::json::array({8}));  // ZIP_DEFLATED
    auto entries = read_npz_file(cases.dir + "/compressed.npz");
    ASSERT_TRUE(entries) << entries.error().message;
    expect_npz_matches(*entries, expected, "compressed.npz");
}

TEST(NpyFromNumpy, EmptyArchive) {
    LITELAB_NEED_NUMPY_CASES(cases);
    auto entries = read_npz_file(cases.dir + "/empty.npz");
    ASSERT_TRUE(entries) << entries.error().message;
    EXPECT_TRUE(entries->empty());
}

uint32_t crc32(std::span<const uint8_t> bytes) {
    uint32_t crc = 0xFFFFFFFFu;
    for (uint8_t b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

TEST(NpyFromNumpy, BigCompressedArray) {
    LITELAB_NEED_NUMPY_CASES(cases);
    const auto& expected = cases.manifest.at("big");
    auto entries = read_npz_file(cases.dir + "/" + expected.at("file").get<std::string>());
    ASSERT_TRUE(entries) << entries.error().message;
    const auto& members = expected.at("members");
    ASSERT_EQ(entries->size(), members.size());
    for (size_t i = 0; i < members.size(); ++i) {
        const NdArray& array = (*entries)[i].array;
        SCOPED_TRACE((*entries)[i].name);
        EXPECT_EQ((*entries)[i].name, members[i].at("name").get<std::string>());
        EXPECT_EQ(dtype_name(array.dtype), members[i].at("dtype").get<std::string>());
        EXPECT_EQ(array.shape, members[i].at("shape").get<std::vector<int64_t>>());
        EXPECT_EQ(crc32(array.data), members[i].at("crc32").get<uint32_t>());
        const auto item = static_cast<size_t>(npy_item_size(array.dtype));
        for (const auto& sample : members[i].at("samples")) {
            const auto index = sample.at("index").get<size_t>();
            ASSERT_LE((index + 1) * item, array.data.size());
            const std::vector<uint8_t> want = test::manifest_bytes(nlohmann::json::array({sample.at("value")}), static_cast<int>(item));
            EXPECT_TRUE(std::equal(want.begin(), want.end(), array.data.begin() + static_cast<std::ptrdiff_t>(index * item)))
                << "element " << index;
        }
    }
}

}  // namespace
}  // namespace litelab
