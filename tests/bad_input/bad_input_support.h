// Shared machinery of the bad-input tests: writing broken files, running the CLI on them and
// checking the refusal contract (exit 1, nothing on stdout, one line "litelab: FILE: problem",
// no output or temporary file left by convert), and building deliberately broken models.
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <flatbuffers/flatbuffers.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "model/builder.h"
#include "model/demo_model.h"
#include "support/process.h"
#include "support/test_paths.h"
#include "tflite/analyzer_dump.h"
#include "tflite/model_report.h"
#include "tflite/reader.h"
#include "tflite/writer.h"

namespace litelab::bad_input {


namespace fs = std::filesystem;
using Bytes8 = std::vector<uint8_t>;

// Generous per process; a hang shows up as a kill after this, long before the CTest timeout.
inline constexpr int kProcessTimeout = 20;

// ---------------------------------------------------------------------------------------------
// Files

inline Bytes8 read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes8(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_bytes(const std::string& path, std::span<const uint8_t> bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << "cannot write " << path;
}

// Temporary files an AtomicFile for `out` would leave ("OUT.tmp-XXXXXX").
inline std::vector<std::string> leftover_temp_files(const std::string& out) {
    std::vector<std::string> found;
    const std::string prefix = fs::path(out).filename().string() + ".tmp-";
    for (const auto& entry : fs::directory_iterator(fs::path(out).parent_path()))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) found.push_back(entry.path().string());
    return found;
}

// Control characters made visible, so a failure message shows exactly what was printed.
inline std::string visible(const std::string& text, size_t limit = 400) {
    std::string out;
    for (char c : text.substr(0, limit)) {
        if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20) out += "^" + std::string(1, static_cast<char>(c + 64));
        else out += c;
    }
    return text.size() > limit ? out + "..." : out;
}

// The collected failures of a loop, one per line (loops stop after ten).
inline std::string listed(const std::vector<std::string>& failures) {
    std::string text;
    for (const auto& f : failures) text += "\n  " + f;
    return text;
}

// ---------------------------------------------------------------------------------------------
// The refusal contract

inline std::string exit_text(int code) {
    return code == -1 ? "did not exit normally (crashed, or killed after " + std::to_string(kProcessTimeout) + " s)"
                      : "exit code " + std::to_string(code);
}

// How one CLI run breaks the one-line error contract for `file`; empty when it holds.
inline std::string error_line_problem(const test::ProcessResult& r, const std::string& file, const std::string& phrase) {
    if (r.exit_code != 1) return exit_text(r.exit_code) + ", expected 1; stderr: " + visible(r.err);
    if (!r.out.empty()) return "printed to stdout: " + visible(r.out);
    const std::string prefix = "litelab: " + file + ": ";
    if (r.err.rfind(prefix, 0) != 0) return "stderr does not start with '" + prefix + "': " + visible(r.err);
    if (r.err.back() != '\n' || std::count(r.err.begin(), r.err.end(), '\n') != 1)
        return "stderr is not exactly one line: " + visible(r.err);
    if (r.err.size() <= prefix.size() + 1) return "stderr names no problem";
    if (!phrase.empty() && r.err.find(phrase) == std::string::npos)
        return "stderr lacks '" + phrase + "': " + visible(r.err);
    return {};
}

struct Refusal {
    std::string problem;  // empty when every check held
    std::string line;     // the problem text the CLI printed after "litelab: FILE: "
};

// Runs `inspect` and `convert` on `file` and reads it in-process; `phrase` (if not empty) must
// appear in the message. `out_dir` receives convert's output, which must not appear.
inline Refusal check_refused(const std::string& file, const std::string& phrase, const std::string& out_dir,
                      bool with_reader = true) {
    const auto inspect = test::run_process({test::cli_path(), "inspect", file}, kProcessTimeout);
    if (auto p = error_line_problem(inspect, file, phrase); !p.empty()) return {"inspect: " + p, {}};

    const std::string out = (fs::path(out_dir) / "out.tflite").string();
    const auto convert = test::run_process({test::cli_path(), "convert", file, "-o", out}, kProcessTimeout);
    if (auto p = error_line_problem(convert, file, phrase); !p.empty()) return {"convert: " + p, {}};
    if (fs::exists(out)) return {"convert failed but wrote " + out, {}};
    if (const auto temps = leftover_temp_files(out); !temps.empty()) return {"convert left " + temps[0], {}};
    if (convert.err != inspect.err)
        return {"inspect and convert disagree: " + visible(inspect.err) + " vs " + visible(convert.err), {}};

    const std::string line = inspect.err.substr(("litelab: " + file + ": ").size());
    if (with_reader) {
        const auto read = read_tflite_file(file);
        if (read.ok()) return {"the reader accepted what the CLI refused", {}};
        if ("litelab: " + read.error().message + "\n" != inspect.err)
            return {"reader and CLI disagree: " + visible(read.error().message), {}};
    }
    return {{}, line};
}

// The in-process contract for bytes the reader must refuse: an error naming `name` on one line.
inline std::string reader_refusal_problem(std::span<const uint8_t> bytes, const std::string& name) {
    // An exact-size copy, so a sanitizer build catches any read past the end.
    auto owned = std::make_shared<const Bytes8>(bytes.begin(), bytes.end());
    const auto read = read_tflite_bytes({owned->data(), owned->size()}, owned, name);
    if (read.ok()) return "accepted";
    const std::string& m = read.error().message;
    if (m.rfind(name + ": ", 0) != 0) return "message does not start with the name: " + visible(m);
    if (m.find('\n') != std::string::npos) return "message is not one line: " + visible(m);
    if (m.size() <= name.size() + 2) return "message names no problem";
    return {};
}

// Everything a reader's caller does with a model it accepted: the dump, both reports, and the
// writer with a read back. Returns what went wrong, empty when nothing did. Each step is
// guarded on its own (no exception may cross the engine API), so one bug does not hide others.
inline std::string exercise_accepted(const ReadModel& read, const std::string& name) {
    std::string problems;
    auto step = [&](const char* what, const std::function<std::string()>& run) {
        try {
            if (auto p = run(); !p.empty()) problems += std::string(what) + ": " + p + "; ";
        } catch (const std::exception& e) {
            problems += std::string(what) + " threw: " + e.what() + "; ";
        }
    };
    const ReportContext context{name, read.file_size, read.warnings};
    step("analyzer_dump", [&] {
        AnalyzerDumpOptions dump;
        dump.model_name = name;
        dump.file_size = read.file_size;
        dump.show_quantization = true;
        return analyzer_dump(read.model, dump).empty() ? "empty" : "";
    });
    step("model_json", [&] { return model_json(read.model, context).empty() ? "empty" : ""; });
    step("model_summary", [&] { return model_summary(read.model, context).empty() ? "empty" : ""; });
    step("round trip", [&]() -> std::string {
        auto bytes = serialize_tflite(read.model);
        if (!bytes) return "serialize failed: " + bytes.error().message;
        auto owned = std::make_shared<const Bytes8>(std::move(bytes).value());
        const auto again = read_tflite_bytes({owned->data(), owned->size()}, owned, name + " (rewritten)");
        return again ? "" : "the rewritten model is refused: " + again.error().message;
    });
    return problems;
}

// Runs `fn` in a child process, so a crash is reported with its signal instead of ending the
// test binary. Returns what `fn` returned, or how the child died.
inline std::string isolated(const std::function<std::string()>& fn) {
    int fds[2];
    if (::pipe(fds) != 0) return "pipe failed";
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) return "fork failed";
    if (pid == 0) {
        ::close(fds[0]);
        const std::string result = fn();
        const ssize_t written = ::write(fds[1], result.data(), result.size());
        ::_exit(written == static_cast<ssize_t>(result.size()) ? 0 : 3);
    }
    ::close(fds[1]);
    std::string result;
    char chunk[4096];
    for (ssize_t n; (n = ::read(fds[0], chunk, sizeof chunk)) > 0;) result.append(chunk, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) return "crashed with signal " + std::to_string(WTERMSIG(status)) + " " + result;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "child failed " + result;
    return result;
}

// ---------------------------------------------------------------------------------------------
// Models

inline Bytes8 serialized(const Model& model, bool external_buffers = false) {
    WriteOptions options;
    options.external_buffers = external_buffers;
    auto bytes = serialize_tflite(model, options);
    EXPECT_TRUE(bytes.ok()) << bytes.error().message;
    return bytes.ok() ? std::move(bytes).value() : Bytes8{};
}

// The demo model's layout, which the semantic cases below patch:
//   tensors 0 input, 1 conv kernel (buffer 1, 288 bytes), 2 conv bias, 3 conv out, 4 pool,
//   5 flatten/Const (INT32, buffer 3), 6 flat, 7 dense kernel, 8 dense bias, 9 logits, 10 probs;
//   operator codes CONV_2D, MAX_POOL_2D, RESHAPE, FULLY_CONNECTED, SOFTMAX; 6 buffers.
inline Model demo() { return make_demo_model(); }

inline tflite::Tensor* mutable_tensor(Bytes8& bytes, flatbuffers::uoffset_t subgraph, flatbuffers::uoffset_t tensor) {
    return tflite::GetMutableModel(bytes.data())
        ->mutable_subgraphs()
        ->GetMutableObject(subgraph)
        ->mutable_tensors()
        ->GetMutableObject(tensor);
}

// A model that calls another subgraph through WHILE/IF/CALL_ONCE; `options` names the targets.
inline Model control_flow_model(tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options) {
    ModelBuilder b;
    const int32_t x = b.add_tensor("x", DType::kFloat32, {1});
    const int32_t y = b.add_tensor("y", DType::kFloat32, {1});
    b.add_operator(op, {x}, {y}, std::move(options));
    b.set_inputs({x});
    b.set_outputs({y});
    b.add_subgraph("callee");
    const int32_t z = b.add_tensor("z", DType::kFloat32, {1});
    b.set_inputs({z});
    b.set_outputs({z});
    return std::move(b).finish();
}

// Layouts LiteLab's writer never produces, written field by field: one SOFTMAX-like operator
// over two float tensors.
struct RawSpec {
    tflite::BuiltinOperator op = tflite::BuiltinOperator_SOFTMAX;
    tflite::BuiltinOptions options_type = tflite::BuiltinOptions_NONE;     // declared, but no table
    tflite::BuiltinOptions2 options_2_type = tflite::BuiltinOptions2_NONE;  // likewise
    tflite::QuantizationDetails details_type = tflite::QuantizationDetails_NONE;  // likewise
    bool details_table = false;  // store a (CustomQuantization) table for details_type after all
    // Sparsity whose CSR dimension declares its segments' type but stores no segments.
    bool sparse_segments_without_table = false;
    uint64_t large_custom_options_offset = 0;
    uint64_t large_custom_options_size = 0;
    std::string tensor_name = "x";
    std::vector<int32_t> shape = {1, 2};
};

inline Bytes8 raw_model(const RawSpec& spec) {
    namespace fb = flatbuffers;
    fb::FlatBufferBuilder fbb;
    const auto buffers = fbb.CreateVector(std::vector<fb::Offset<tflite::Buffer>>{tflite::CreateBuffer(fbb)});
    const auto code = tflite::CreateOperatorCode(fbb, static_cast<int8_t>(std::min<int32_t>(spec.op, 127)), 0, 1,
                                                 spec.op);
    const auto codes = fbb.CreateVector(std::vector<fb::Offset<tflite::OperatorCode>>{code});

    fb::Offset<tflite::QuantizationParameters> quantization = 0;
    if (spec.details_type != tflite::QuantizationDetails_NONE) {
        const auto scale = fbb.CreateVector(std::vector<float>{0.5f});
        const auto zero_point = fbb.CreateVector(std::vector<int64_t>{0});
        const auto details =
            spec.details_table ? tflite::CreateCustomQuantization(fbb, fbb.CreateVector(Bytes8{1, 2})).Union() : 0;
        quantization = tflite::CreateQuantizationParameters(fbb, 0, 0, scale, zero_point, spec.details_type, details);
    }
    fb::Offset<tflite::SparsityParameters> sparsity = 0;
    if (spec.sparse_segments_without_table) {
        const auto dense = tflite::CreateDimensionMetadata(fbb, tflite::DimensionType_DENSE, 1);
        const auto indices = tflite::CreateInt32Vector(fbb, fbb.CreateVector(std::vector<int32_t>{0}));
        const auto csr = tflite::CreateDimensionMetadata(fbb, tflite::DimensionType_SPARSE_CSR, 0,
                                                         tflite::SparseIndexVector_Int32Vector, 0,
                                                         tflite::SparseIndexVector_Int32Vector, indices.Union());
        sparsity = tflite::CreateSparsityParameters(fbb, fbb.CreateVector(std::vector<int32_t>{0, 1}), 0,
                                                    fbb.CreateVector(std::vector<fb::Offset<tflite::DimensionMetadata>>{
                                                        dense, csr}));
    }
    const auto x = tflite::CreateTensor(fbb, fbb.CreateVector(spec.shape), tflite::TensorType_FLOAT32, 0,
                                        fbb.CreateString(spec.tensor_name), quantization, false, sparsity);
    const auto y = tflite::CreateTensor(fbb, fbb.CreateVector(std::vector<int32_t>{1, 2}), tflite::TensorType_FLOAT32,
                                        0, fbb.CreateString("y"));
    const auto tensors = fbb.CreateVector(std::vector<fb::Offset<tflite::Tensor>>{x, y});

    const auto op_inputs = fbb.CreateVector(std::vector<int32_t>{0});
    const auto op_outputs = fbb.CreateVector(std::vector<int32_t>{1});
    tflite::OperatorBuilder ob(fbb);
    ob.add_opcode_index(0);
    ob.add_inputs(op_inputs);
    ob.add_outputs(op_outputs);
    ob.add_builtin_options_type(spec.options_type);
    ob.add_builtin_options_2_type(spec.options_2_type);
    ob.add_large_custom_options_offset(spec.large_custom_options_offset);
    ob.add_large_custom_options_size(spec.large_custom_options_size);
    const auto op = ob.Finish();
    const auto operators = fbb.CreateVector(std::vector<fb::Offset<tflite::Operator>>{op});

    const auto subgraph = tflite::CreateSubGraph(fbb, tensors, fbb.CreateVector(std::vector<int32_t>{0}),
                                                 fbb.CreateVector(std::vector<int32_t>{1}), operators,
                                                 fbb.CreateString("main"));
    const auto subgraphs = fbb.CreateVector(std::vector<fb::Offset<tflite::SubGraph>>{subgraph});
    tflite::FinishModelBuffer(fbb, tflite::CreateModel(fbb, 3, codes, subgraphs, 0, buffers));
    return Bytes8(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
}

// ---------------------------------------------------------------------------------------------
// Files that are not models at all

class BadInput : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = test::scratch_dir(std::string("bad_input/") + info->name());
    }
    std::string path(const std::string& name) const { return (fs::path(dir_) / name).string(); }
    std::string file_with(const std::string& name, std::span<const uint8_t> bytes) const {
        const std::string p = path(name);
        write_bytes(p, bytes);
        return p;
    }
    void expect_refused(const std::string& file, const std::string& phrase) const {
        const Refusal r = check_refused(file, phrase, dir_);
        EXPECT_TRUE(r.problem.empty()) << file << ": " << r.problem;
    }
    // A fresh demo model written by the CLI itself.
    Bytes8 cli_demo_model() const {
        const std::string p = path("demo_source.tflite");
        const auto r = test::run_process({test::cli_path(), "demo-model", "-o", p}, kProcessTimeout);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        auto bytes = read_bytes(p);
        fs::remove(p);
        return bytes;
    }

    std::string dir_;
};

}  // namespace litelab::bad_input
