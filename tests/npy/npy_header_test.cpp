// Hand-made .npy bytes: the header dict as ast.literal_eval reads it, and every size check.
#include <gtest/gtest.h>

#include <algorithm>

#include "npy/npy.h"

namespace litelab {
namespace {

// A .npy file with `header` as its dict (unpadded) and `payload` as its data.
std::vector<uint8_t> npy(const std::string& header, std::vector<uint8_t> payload = {}, int major = 1, int minor = 0) {
    std::vector<uint8_t> bytes = {0x93, 'N', 'U', 'M', 'P', 'Y', static_cast<uint8_t>(major), static_cast<uint8_t>(minor)};
    const size_t length_bytes = major == 1 ? 2 : 4;
    for (size_t i = 0; i < length_bytes; ++i) bytes.push_back(static_cast<uint8_t>(header.size() >> (8 * i)));
    bytes.insert(bytes.end(), header.begin(), header.end());
    bytes.insert(bytes.end(), payload.begin(), payload.end());
    return bytes;
}

std::string error_of(const std::vector<uint8_t>& bytes) {
    auto array = decode_npy(bytes);
    if (array) return "(accepted)";
    EXPECT_EQ(array.error().message.find('\n'), std::string::npos);
    return array.error().message;
}

TEST(NpyHeader, KeysInAnyOrderWithSpacesQuotesAndTrailingCommas) {
    auto array = decode_npy(npy("{ \"shape\" : ( 2 ,\n 1 , ) ,'fortran_order':False ,\t'descr' : '<i2' , }  \n",
                                {1, 0, 0xFF, 0xFF}));
    ASSERT_TRUE(array) << array.error().message;
    EXPECT_EQ(array->dtype, DType::kInt16);
    EXPECT_EQ(array->shape, (std::vector<int64_t>{2, 1}));
    EXPECT_EQ(array->values<int16_t>()[1], -1);
}

TEST(NpyHeader, PythonLiteralForms) {
    // Python 2 longs, implicit string concatenation, a comment, no trailing comma in the tuple.
    auto array = decode_npy(npy("{'descr': '<' 'u2', 'fortran_order': False, 'shape': (1L, 2L)} # old NumPy\n",
                                {1, 0, 2, 0}));
    ASSERT_TRUE(array) << array.error().message;
    EXPECT_EQ(array->shape, (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(array->values<uint16_t>()[1], 2);
}

TEST(NpyHeader, ZeroDimensionalAndEmpty) {
    auto scalar = decode_npy(npy("{'descr': '|u1', 'fortran_order': False, 'shape': ()}", {7}));
    ASSERT_TRUE(scalar) << scalar.error().message;
    EXPECT_TRUE(scalar->shape.empty());
    EXPECT_EQ(scalar->element_count(), 1);
    // An empty array may have huge other dimensions: it still holds no bytes.
    auto empty = decode_npy(npy("{'descr': '<f8', 'fortran_order': True, 'shape': (0, 1000000, 3)}"));
    ASSERT_TRUE(empty) << empty.error().message;
    EXPECT_EQ(empty->element_count(), 0);
    EXPECT_TRUE(empty->data.empty());
}

TEST(NpyHeader, NativeAndNotApplicableByteOrders) {
    for (const char* descr : {"=i4", "|i4", "i4"}) {
        auto array = decode_npy(npy(std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': (1,)}",
                                    {5, 0, 0, 0}));
        ASSERT_TRUE(array) << descr << ": " << array.error().message;
        EXPECT_EQ(array->values<int32_t>()[0], 5);
    }
}

TEST(NpyHeader, BoolBytesBecomeZeroOrOne) {
    auto array = decode_npy(npy("{'descr': '|b1', 'fortran_order': False, 'shape': (3,)}", {0, 1, 0x80}));
    ASSERT_TRUE(array) << array.error().message;
    EXPECT_EQ(array->data, (std::vector<uint8_t>{0, 1, 1}));
}

TEST(NpyHeader, MalformedDicts) {
    const std::string tail = ", 'fortran_order': False, 'shape': (1,)}";
    EXPECT_NE(error_of(npy("{'descr': '<f4'" + tail.substr(0, tail.size() - 1))).find("expected ',' or '}'"), std::string::npos);
    EXPECT_NE(error_of(npy("['descr', '<f4']")).find("a list, not a dict"), std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4', 'shape': (1,)}")).find("missing key 'fortran_order'"), std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4', 'extra': 1" + tail)).find("unexpected key 'extra'"), std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}")).find("'fortran_order' is an integer"),
              std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3)}")).find("'shape' is an integer, not a tuple"),
              std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4', 'fortran_order': False, 'shape': [3]}")).find("not a tuple"), std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2.5,)}")).find("a float, not an integer"),
              std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}")).find("impossible dimension"),
              std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}"))
                  .find("impossible dimension"),
              std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4\n" + tail)).find("unterminated string"), std::string::npos);
    EXPECT_NE(error_of(npy("{'descr': '<f4'" + tail + " x")).find("unexpected text after the dict"), std::string::npos);
    EXPECT_NE(error_of(npy("")).find("unexpected end of header"), std::string::npos);
    // Deep nesting is refused, not a stack overflow.
    EXPECT_NE(error_of(npy("{'descr': " + std::string(100000, '['))).find("nesting too deep"), std::string::npos);
}

TEST(NpyHeader, UnsupportedDtypesAreNamed) {
    const std::string tail = "', 'fortran_order': False, 'shape': (1,)}";
    for (const auto& [descr, why] : std::vector<std::pair<std::string, std::string>>{
             {"|O", "Python objects"},
             {"<c8", "complex"},
             {"<M8[ns]", "datetimes"},
             {"<m8[D]", "timedeltas"},
             {"|S5", "byte strings"},
             {"|V4", "void"},
             {"<f16", "extended-precision"},
             {"<x7", "not a NumPy dtype"}}) {
        auto array = decode_npy(npy("{'descr': '" + descr + tail, std::vector<uint8_t>(16)));
        ASSERT_FALSE(array) << descr;
        EXPECT_EQ(array.error().message.find("unsupported dtype '" + descr + "'"), 0u) << array.error().message;
        EXPECT_NE(array.error().message.find(why), std::string::npos) << array.error().message;
        EXPECT_EQ(array.error().code, ErrorCode::kUnsupported);
    }
    auto structured = decode_npy(npy("{'descr': [('x', '<f4'), ('y', '<i2')], 'fortran_order': False, 'shape': (1,)}"));
    ASSERT_FALSE(structured);
    EXPECT_NE(structured.error().message.find("structured"), std::string::npos);
}

TEST(NpyHeader, PreambleChecks) {
    EXPECT_EQ(error_of({0x93, 'N', 'U', 'M'}), "not a .npy file (bad magic)");
    EXPECT_EQ(error_of({'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0}), "not a .npy file (bad magic)");
    EXPECT_NE(error_of({0x93, 'N', 'U', 'M', 'P', 'Y', 1}).find("truncated"), std::string::npos);
    EXPECT_NE(error_of({0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 9, 0}).find("truncated"), std::string::npos);
    EXPECT_EQ(error_of(npy("{}", {}, 4, 0)), "unsupported .npy format version 4.0");
    EXPECT_EQ(error_of(npy("{}", {}, 1, 1)), "unsupported .npy format version 1.1");
    // A header length beyond the file.
    std::vector<uint8_t> bytes = npy("{'descr': '<f4', 'fortran_order': False, 'shape': ()}", {}, 2, 0);
    std::fill(bytes.begin() + 8, bytes.begin() + 12, 0xFF);
    const std::string expected = "the header needs 4294967295 bytes but the file has " + std::to_string(bytes.size() - 12);
    EXPECT_NE(error_of(bytes).find(expected), std::string::npos) << error_of(bytes);
}

TEST(NpyHeader, ShapeAndDataSizeChecks) {
    auto header = [](const std::string& descr, const std::string& shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + "}";
    };
    EXPECT_NE(error_of(npy(header("<f4", "(4294967296, 4294967296)"))).find("too many elements"), std::string::npos);
    EXPECT_NE(error_of(npy(header("<f8", "(4611686018427387904,)"))).find("more bytes than a file can hold"),
              std::string::npos);
    EXPECT_NE(error_of(npy(header("<U0", "(100000000,)"))).find("more empty strings"), std::string::npos);
    EXPECT_NE(error_of(npy(header("<i4", "(2, 2)"), std::vector<uint8_t>(12)))
                  .find("truncated: the data of shape (2, 2) and dtype '<i4' needs 16 bytes but the file has 12"),
              std::string::npos);
    EXPECT_NE(error_of(npy(header("<i4", "(2,)"), std::vector<uint8_t>(11))).find("3 extra bytes"), std::string::npos);
    EXPECT_EQ(error_of(npy(header("<i4", "()"), std::vector<uint8_t>(4))), "(accepted)");
    std::string many = "(";
    for (int i = 0; i < 65; ++i) many += "1,";
    EXPECT_NE(error_of(npy(header("<i4", many + ")"), std::vector<uint8_t>(4))).find("65 dimensions"), std::string::npos);
}

TEST(NpyHeader, UnicodeCodePoints) {
    const std::string header = "{'descr': '>U2', 'fortran_order': False, 'shape': (2,)}";
    auto array = decode_npy(npy(header, {0, 0, 0, 'h', 0, 1, 0xF3, 0x0D, 0, 0, 0, 'x', 0, 0, 0, 0}));
    ASSERT_TRUE(array) << array.error().message;
    EXPECT_EQ(array->strings, (std::vector<std::string>{"h\xF0\x9F\x8C\x8D", "x"}));
    // A surrogate or a value beyond U+10FFFF is no character.
    EXPECT_NE(error_of(npy(header, {0, 0, 0xD8, 0, 0, 0, 0, 0, 0, 0, 0, 'x', 0, 0, 0, 0}))
                  .find("string element 0 holds U+D800"),
              std::string::npos);
    EXPECT_NE(error_of(npy(header, {0, 0, 0, 'x', 0, 0, 0, 0, 0, 0x11, 0, 0, 0, 0, 0, 0}))
                  .find("string element 1 holds U+110000"),
              std::string::npos);
}

TEST(NpyHeader, FortranOrderOfStringsAndBigEndianNumbers) {
    // shape (2, 3) in Fortran order: the file holds column by column.
    auto numbers = decode_npy(npy("{'descr': '>i2', 'fortran_order': True, 'shape': (2, 3)}",
                                  {0, 1, 0, 4, 0, 2, 0, 5, 0, 3, 0, 6}));
    ASSERT_TRUE(numbers) << numbers.error().message;
    const int16_t expected[] = {1, 2, 3, 4, 5, 6};
    EXPECT_TRUE(std::equal(numbers->values<int16_t>().begin(), numbers->values<int16_t>().end(), expected));

    auto strings = decode_npy(npy("{'descr': '<U1', 'fortran_order': True, 'shape': (2, 2)}",
                                  {'a', 0, 0, 0, 'c', 0, 0, 0, 'b', 0, 0, 0, 'd', 0, 0, 0}));
    ASSERT_TRUE(strings) << strings.error().message;
    EXPECT_EQ(strings->strings, (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(NpyHeader, FormatVersionsTwoAndThree) {
    for (int major : {2, 3}) {
        auto array = decode_npy(npy("{'descr': '<u4', 'fortran_order': False, 'shape': (1,)}", {1, 2, 3, 4}, major));
        ASSERT_TRUE(array) << array.error().message;
        EXPECT_EQ(array->values<uint32_t>()[0], 0x04030201u);
    }
}

}  // namespace
}  // namespace litelab
