// Damaged and unsupported files: each error is one line naming the file and the problem, and
// failed writes leave nothing behind.
#include <gtest/gtest.h>

#include <filesystem>

#include "npy/npy.h"
#include "npy/npz.h"
#include "numpy_cases.h"
#include "support/test_paths.h"

namespace litelab {
namespace {

namespace fs = std::filesystem;

// The error is "PATH: <message holding each of `parts`>", on one line.
template <class R>
void expect_error(const R& result, const std::string& path, std::initializer_list<std::string> parts) {
    ASSERT_FALSE(result) << path << " was accepted";
    const std::string& message = result.error().message;
    EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    for (const auto& part : parts) EXPECT_NE(message.find(part), std::string::npos) << "no '" << part << "' in: " << message;
}

TEST(NpyBadFiles, TruncatedNpySaysHowManyBytes) {
    LITELAB_NEED_NUMPY_CASES(cases);
    const std::vector<uint8_t> whole = test::read_bytes(cases.dir + "/f4_le.npy");  // 128-byte header + 8 floats
    ASSERT_EQ(whole.size(), 160u);

    const std::string cut_data = cases.dir + "/cut_data.npy";
    test::write_bytes(cut_data, std::vector<uint8_t>(whole.begin(), whole.end() - 5));
    expect_error(read_npy_file(cut_data), cut_data, {"truncated", "needs 32 bytes", "has 27"});

    const std::string cut_header = cases.dir + "/cut_header.npy";
    test::write_bytes(cut_header, std::vector<uint8_t>(whole.begin(), whole.begin() + 50));
    expect_error(read_npy_file(cut_header), cut_header, {"truncated", "header needs 118 bytes", "has 40"});

    const std::string extra = cases.dir + "/extra.npy";
    std::vector<uint8_t> longer = whole;
    longer.push_back(0);
    test::write_bytes(extra, longer);
    expect_error(read_npy_file(extra), extra, {"1 extra byte after", "32 bytes expected"});
}

TEST(NpyBadFiles, BadMagic) {
    const std::string path = test::scratch_dir(test::current_test_name()) + "/text.npy";
    test::write_bytes(path, {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '\n'});
    expect_error(read_npy_file(path), path, {"not a .npy file"});
}

TEST(NpyBadFiles, BadHeader) {
    const std::string path = test::scratch_dir(test::current_test_name()) + "/header.npy";
    const std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (3,) \n";
    std::vector<uint8_t> bytes = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, static_cast<uint8_t>(header.size()), 0};
    bytes.insert(bytes.end(), header.begin(), header.end());
    bytes.resize(bytes.size() + 12);
    test::write_bytes(path, bytes);
    expect_error(read_npy_file(path), path, {"bad .npy header", "expected ',' or '}'"});
}

TEST(NpyBadFiles, UnsupportedDtypesAreNamed) {
    LITELAB_NEED_NUMPY_CASES(cases);
    for (const auto& [file, dtype] : cases.manifest.at("bad").items()) {
        const std::string path = cases.dir + "/" + file;
        SCOPED_TRACE(path);
        auto read = read_npy_file(path);
        if (dtype == "structured") {
            expect_error(read, path, {"structured"});
        } else {
            expect_error(read, path, {"unsupported dtype '" + dtype.get<std::string>() + "'"});
            EXPECT_EQ(read.error().code, ErrorCode::kUnsupported);
        }
    }
}

TEST(NpyBadFiles, EmptyFile) {
    const std::string path = test::scratch_dir(test::current_test_name()) + "/empty.npy";
    test::write_bytes(path, {});
    expect_error(read_npy_file(path), path, {"empty"});
    expect_error(read_npz_file(path), path, {"empty"});
}

// Offset of the first member's data in a zip: after the local header, its name and extra field.
size_t first_member_data(const std::vector<uint8_t>& zip) {
    const size_t name_length = zip[26] | zip[27] << 8;
    const size_t extra_length = zip[28] | zip[29] << 8;
    return 30 + name_length + extra_length;
}

TEST(NpyBadFiles, ZipWithCorruptStoredMember) {
    LITELAB_NEED_NUMPY_CASES(cases);
    std::vector<uint8_t> zip = test::read_bytes(cases.dir + "/several.npz");
    zip[first_member_data(zip) + 150] ^= 0x40;  // a weight, past the .npy header
    const std::string path = cases.dir + "/corrupt_stored.npz";
    test::write_bytes(path, zip);
    expect_error(read_npz_file(path), path, {"member 'weights.npy': damaged data", "CRC"});
}

TEST(NpyBadFiles, ZipWithCorruptDeflatedMember) {
    LITELAB_NEED_NUMPY_CASES(cases);
    std::vector<uint8_t> zip = test::read_bytes(cases.dir + "/compressed.npz");
    const size_t start = first_member_data(zip);
    for (size_t i = 4; i < 12; ++i) zip[start + i] ^= 0xA5;
    const std::string path = cases.dir + "/corrupt_deflated.npz";
    test::write_bytes(path, zip);
    expect_error(read_npz_file(path), path, {"member 'zeta.npy': damaged data"});
}

TEST(NpyBadFiles, ZipMemberThatIsNotNpy) {
    LITELAB_NEED_NUMPY_CASES(cases);
    const std::string path = cases.dir + "/not_npy_member.npz";
    expect_error(read_npz_file(path), path, {"member 'x.npy'", "not a .npy file"});
}

TEST(NpyBadFiles, NpzThatIsNotAZip) {
    const std::string dir = test::scratch_dir(test::current_test_name());
    const std::string text = dir + "/text.npz";
    test::write_bytes(text, std::vector<uint8_t>(100, 'x'));
    expect_error(read_npz_file(text), text, {"not a zip archive"});

    // An .npy renamed to .npz is no zip either.
    const std::string npy = dir + "/array.npz";
    const float values[] = {1, 2, 3};
    ASSERT_TRUE(write_npy_file(npy, NdArray::from<float>({3}, values)));
    expect_error(read_npz_file(npy), npy, {"not a zip archive"});
}

TEST(NpyBadFiles, MissingFile) {
    const std::string path = test::scratch_dir(test::current_test_name()) + "/absent.npz";
    expect_error(read_npz_file(path), path, {"No such file"});
    expect_error(read_npy_file(path), path, {"No such file"});
}

TEST(NpyBadFiles, WritesIntoMissingDirectoryLeaveNothing) {
    const std::string dir = test::scratch_dir(test::current_test_name());
    const std::string missing = dir + "/missing";
    const int32_t values[] = {1, 2};
    const std::vector<NpzEntry> entries = {{"a", NdArray::from<int32_t>({2}, values)}};

    const std::string npz = missing + "/out.npz";
    expect_error(write_npz_file(npz, entries, true), npz, {"No such file"});
    const std::string npy = missing + "/out.npy";
    expect_error(write_npy_file(npy, entries[0].array), npy, {"No such file"});

    EXPECT_FALSE(fs::exists(missing));
    EXPECT_TRUE(fs::is_empty(dir));
}

TEST(NpyBadFiles, InconsistentArraysAreNotWritten) {
    const std::string dir = test::scratch_dir(test::current_test_name());
    NdArray broken;
    broken.dtype = DType::kFloat32;
    broken.shape = {2, 3};
    broken.data.resize(20);
    const std::string npy = dir + "/broken.npy";
    expect_error(write_npy_file(npy, broken), npy, {"data has 20 bytes, 24 expected"});
    const std::string npz = dir + "/broken.npz";
    expect_error(write_npz_file(npz, {{"w", broken}}), npz, {"member 'w'", "data has 20 bytes"});
    EXPECT_TRUE(fs::is_empty(dir));
}

}  // namespace
}  // namespace litelab
