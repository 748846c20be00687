// libFuzzer target: any bytes through the TFLite reader and, when it accepts them, through
// everything that consumes a Model (the Analyzer dump, the JSON and summary reports, the writer)
// and back through the reader. Crashes, sanitizer reports, exceptions escaping the engine and
// broken round trips all stop the fuzzer with the input saved.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <span>
#include <string>
#include <vector>

#include "tflite/analyzer_dump.h"
#include "tflite/model_report.h"
#include "tflite/reader.h"
#include "tflite/writer.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "tflite_reader_fuzzer: %s\n", what.c_str());
    std::abort();
}

void exercise(const litelab::ReadModel& read) {
    litelab::AnalyzerDumpOptions dump;
    dump.model_name = "fuzz";
    dump.file_size = read.file_size;
    dump.show_quantization = true;
    if (litelab::analyzer_dump(read.model, dump).empty()) fail("empty Analyzer dump");

    const litelab::ReportContext context{"fuzz", read.file_size, read.warnings};
    if (litelab::model_json(read.model, context).empty()) fail("empty JSON report");
    if (litelab::model_summary(read.model, context).empty()) fail("empty summary");

    // What the reader accepted, the writer must write, and the reader must accept again.
    auto written = litelab::serialize_tflite(read.model);
    if (!written) fail("an accepted model cannot be written: " + written.error().message);
    const std::vector<uint8_t>& bytes = *written;
    auto again = litelab::read_tflite_bytes(bytes, nullptr, "fuzz (rewritten)");
    if (!again) fail("the rewritten model is refused: " + again.error().message);

    // The writer's output is a fixed point: writing the re-read model gives the same bytes.
    auto rewritten = litelab::serialize_tflite(again->model);
    if (!rewritten) fail("the re-read model cannot be written: " + rewritten.error().message);
    if (*rewritten != bytes) fail("writing the re-read model gives different bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        // libFuzzer keeps `data` alive for the call, so no owner is needed.
        auto read = litelab::read_tflite_bytes(std::span<const uint8_t>(data, size), nullptr, "fuzz");
        if (read) exercise(*read);
    } catch (const std::exception& e) {
        // The engine promises that no exception crosses its API.
        fail(std::string("exception escaped the engine: ") + e.what());
    }
    return 0;
}
