// Shared by the npy tests: runs the checked-in NumPy scripts with /usr/bin/python3 and compares
// LiteLab's arrays with what NumPy says (manifest.json, see write_cases.py for its form).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "npy/nd_array.h"

namespace litelab::test {

// The running test's name, for scratch directories that parallel tests do not share.
std::string current_test_name();

// Why NumPy cannot be used (no python, no numpy), or nullopt when it can. Tests GTEST_SKIP with it.
std::optional<std::string> numpy_unavailable();

struct NumpyCases {
    std::string dir;          // the files write_cases.py wrote
    nlohmann::json manifest;  // what NumPy sees in them
};

// Runs write_cases.py into scratch_dir(name); fails the test (and returns nullopt) when it fails.
std::optional<NumpyCases> write_numpy_cases(const std::string& name);

// Runs check_written.py on `dir`; returns its output when it fails, nullopt when NumPy agrees.
std::optional<std::string> numpy_rejects(const std::string& dir);

// The bytes a manifest "values" list stands for, `item_size` bytes per value, little-endian.
std::vector<uint8_t> manifest_bytes(const nlohmann::json& values, int item_size);

// The manifest "values" of `array`: the inverse of manifest_bytes (signed types sign-extended).
nlohmann::json manifest_values(const NdArray& array);

// Checks dtype, shape and values of `array` against a manifest entry (EXPECTs, with `what`).
void expect_array_matches(const NdArray& array, const nlohmann::json& expected, const std::string& what);

std::vector<uint8_t> read_bytes(const std::string& path);
void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace litelab::test

// In a test body: skips without NumPy, else declares `const NumpyCases& cases` holding freshly
// written cases (or fails the test).
#define LITELAB_NEED_NUMPY_CASES(cases)                                                                 \
    if (auto numpy_reason_ = ::litelab::test::numpy_unavailable()) GTEST_SKIP() << *numpy_reason_;     \
    const auto cases##_or_ = ::litelab::test::write_numpy_cases(::litelab::test::current_test_name()); \
    ASSERT_TRUE(cases##_or_);                                                                            \
    const ::litelab::test::NumpyCases& cases = *cases##_or_
