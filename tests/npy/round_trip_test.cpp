// LiteLab's writers against its readers: what is written reads back equal, in the layout NumPy
// writes (version 1.0, 64-byte aligned data), and archives keep their order and refuse bad input.
#include <gtest/gtest.h>

#include <filesystem>

#include "npy/npy.h"
#include "npy/npz.h"
#include "numpy_cases.h"
#include "sample_arrays.h"
#include "support/test_paths.h"

namespace litelab {
namespace {

namespace fs = std::filesystem;

TEST(NpyRoundTrip, EveryDtypeReadsBackEqual) {
    for (const NdArray& array : test::one_of_each_dtype()) {
        SCOPED_TRACE(std::string(dtype_name(array.dtype)) + " " + format_npy_shape(array.shape));
        ASSERT_TRUE(array.check());
        const std::vector<uint8_t> bytes = encode_npy(array);
        ASSERT_GE(bytes.size(), 10u);
        EXPECT_EQ(bytes[6], 1);  // version 1.0
        EXPECT_EQ(bytes[7], 0);
        const size_t data_start = 10 + (bytes[8] | bytes[9] << 8);
        EXPECT_EQ(data_start % 64, 0u);
        EXPECT_EQ(bytes[data_start - 1], '\n');
        auto back = decode_npy(bytes);
        ASSERT_TRUE(back) << back.error().message;
        EXPECT_EQ(*back, array);
    }
}

TEST(NpyRoundTrip, HeaderIsWhatNumpyWrites) {
    // NumPy's own bytes for np.save(f, np.array([1, 2, 3], '<i4')): a 118-byte header padded with spaces.
    const int32_t values[] = {1, 2, 3};
    const std::vector<uint8_t> bytes = encode_npy(NdArray::from<int32_t>({3}, values));
    const std::string dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }";
    ASSERT_EQ(bytes.size(), 128u + 12);
    EXPECT_EQ(bytes[8] | bytes[9] << 8, 118);
    EXPECT_EQ(std::string(bytes.begin() + 10, bytes.begin() + 128), dict + std::string(117 - dict.size(), ' ') + "\n");

    const std::vector<uint8_t> strings = encode_npy(NdArray::from_strings({2}, {"ab", "\xF0\x9F\x8C\x8D"}));
    EXPECT_NE(std::string(strings.begin(), strings.begin() + 128).find("'descr': '<U2'"), std::string::npos);
    EXPECT_EQ(strings.size(), 128u + 2 * 2 * 4);
}

TEST(NpyRoundTrip, InvalidUtf8BecomesReplacementCharacters) {
    auto back = decode_npy(encode_npy(NdArray::from_string("a\xFF" "b\xE2\x82")));
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->strings[0], "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST(NpyRoundTrip, CheckFindsInconsistentArrays) {
    NdArray array;
    array.dtype = DType::kInt4;
    array.shape = {2};
    array.data = {0};
    EXPECT_NE(array.check().error().message.find("NumPy has no dtype for INT4"), std::string::npos);
    array.dtype = DType::kBool;
    array.shape = {1};
    array.data = {2};
    EXPECT_NE(array.check().error().message.find("neither 0 nor 1"), std::string::npos);
    array.shape = {-1};
    EXPECT_NE(array.check().error().message.find("negative dimension"), std::string::npos);
    NdArray strings = NdArray::from_strings({2}, {"a", "b"});
    strings.strings.pop_back();
    EXPECT_NE(strings.check().error().message.find("2 elements but 1 strings"), std::string::npos);
}

TEST(NpyRoundTrip, NpzKeepsOrderStoredAndDeflated) {
    const auto entries = test::sample_entries();
    for (bool compress : {false, true}) {
        SCOPED_TRACE(compress);
        auto bytes = encode_npz(entries, compress);
        ASSERT_TRUE(bytes) << bytes.error().message;
        auto back = decode_npz(*bytes);
        ASSERT_TRUE(back) << back.error().message;
        EXPECT_EQ(*back, entries);
        ASSERT_NE(find(*back, "alpha1"), nullptr);
        EXPECT_EQ(*find(*back, "alpha1"), entries[1].array);
    }
}

TEST(NpyRoundTrip, EmptyNpz) {
    auto bytes = encode_npz({});
    ASSERT_TRUE(bytes) << bytes.error().message;
    EXPECT_EQ(bytes->size(), 22u);
    auto back = decode_npz(*bytes);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_TRUE(back->empty());
}

TEST(NpyRoundTrip, NpzRefusesRepeatedNames) {
    const float values[] = {1};
    const NdArray one = NdArray::from<float>({1}, values);
    auto bytes = encode_npz({{"w", one}, {"b", one}, {"w", one}});
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().code, ErrorCode::kUsage);
    EXPECT_EQ(bytes.error().message, "member 'w': the name is used twice");
}

TEST(NpyRoundTrip, NpzMemberCapAndDeclaredSize) {
    std::vector<float> values(1000, 0.5f);
    auto bytes = encode_npz({{"big", NdArray::from<float>({1000}, values)}}, true);
    ASSERT_TRUE(bytes) << bytes.error().message;
    auto capped = decode_npz(*bytes, 1000);
    ASSERT_FALSE(capped);
    EXPECT_EQ(capped.error().message, "member 'big.npy': declares 4128 bytes, more than the 1000 LiteLab reads from one member");

    // Make both headers declare one byte less than the member decodes to.
    auto stored = encode_npz({{"big", NdArray::from<float>({1000}, values)}}, false);
    ASSERT_TRUE(stored);
    std::vector<uint8_t> zip = *stored;
    int patched = 0;
    for (size_t i = 0; i + 4 <= zip.size(); ++i) {
        const bool local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
        const bool central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
        const size_t at = local ? i + 22 : central ? i + 24 : 0;  // the uncompressed size field
        if (at == 0 || at + 4 > zip.size() || zip[at] != (4128 & 0xFF) || zip[at + 1] != (4128 >> 8)) continue;
        zip[at] -= 1;
        ++patched;
    }
    ASSERT_EQ(patched, 2);
    auto lying = decode_npz(zip);
    ASSERT_FALSE(lying);
    EXPECT_EQ(lying.error().message.rfind("member 'big.npy': ", 0), 0u) << lying.error().message;
}

TEST(NpyRoundTrip, FilesAreWrittenAtomically) {
    const std::string dir = test::scratch_dir(test::current_test_name());
    const auto entries = test::sample_entries();
    ASSERT_TRUE(write_npz_file(dir + "/a.npz", entries, true));
    ASSERT_TRUE(write_npy_file(dir + "/b.npy", entries[0].array));
    auto npz = read_npz_file(dir + "/a.npz");
    ASSERT_TRUE(npz) << npz.error().message;
    EXPECT_EQ(*npz, entries);
    auto npy = read_npy_file(dir + "/b.npy");
    ASSERT_TRUE(npy) << npy.error().message;
    EXPECT_EQ(*npy, entries[0].array);
    // Overwriting replaces the file; no temporary file stays behind.
    ASSERT_TRUE(write_npy_file(dir + "/b.npy", entries[1].array));
    EXPECT_EQ(*read_npy_file(dir + "/b.npy"), entries[1].array);
    size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 2u);
}

}  // namespace
}  // namespace litelab
