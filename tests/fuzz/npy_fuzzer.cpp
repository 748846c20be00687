// libFuzzer target: any bytes through decode_npy and decode_npz and, when accepted, through the
// writers and back. Crashes, sanitizer reports, escaped exceptions and broken round trips stop
// the fuzzer with the input saved.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <span>
#include <string>
#include <vector>

#include "npy/npy.h"
#include "npy/npz.h"

namespace {

// Well under libFuzzer's default 2 GiB malloc limit: a small input may inflate to this much.
constexpr uint64_t kMaxMemberBytes = uint64_t{16} << 20;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "npy_fuzzer: %s\n", what.c_str());
    std::abort();
}

void check_npy(std::span<const uint8_t> bytes) {
    auto array = litelab::decode_npy(bytes);
    if (!array) {
        if (array.error().message.empty()) fail("an error without a message");
        return;
    }
    // What the reader accepted is consistent, the writer writes it and the reader reads it back equal.
    if (auto valid = array->check(); !valid) fail("a decoded array fails check(): " + valid.error().message);
    auto again = litelab::decode_npy(litelab::encode_npy(*array));
    if (!again) fail("the re-encoded array is refused: " + again.error().message);
    if (!(*again == *array)) fail("the re-encoded array reads back different");
}

void check_npz(std::span<const uint8_t> bytes) {
    auto entries = litelab::decode_npz(bytes, kMaxMemberBytes);
    if (!entries) {
        if (entries.error().message.empty()) fail("an error without a message");
        return;
    }
    // Archives may repeat a member name; the writer refuses that, so only unique ones round-trip.
    auto encoded = litelab::encode_npz(*entries, bytes.size() % 2 == 1);
    if (!encoded) return;
    auto again = litelab::decode_npz(*encoded, kMaxMemberBytes);
    if (!again) fail("the re-encoded archive is refused: " + again.error().message);
    if (!(*again == *entries)) fail("the re-encoded archive reads back different");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const std::span<const uint8_t> bytes(data, size);
        check_npy(bytes);
        check_npz(bytes);
    } catch (const std::exception& e) {
        // The engine promises that no exception crosses its API.
        fail(std::string("exception escaped the engine: ") + e.what());
    }
    return 0;
}
