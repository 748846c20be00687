// Bad input: every file LiteLab cannot read safely must be refused by `litelab inspect` and
// `litelab convert` with exit code 1, nothing on stdout, and exactly one stderr line
// "litelab: FILE: problem"; convert must leave neither its output nor a temporary file behind.
// Nothing may crash or hang. Broken files are made here, in each test's scratch directory.
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

namespace litelab {
namespace {

namespace fs = std::filesystem;
using Bytes8 = std::vector<uint8_t>;

// Generous per process; a hang shows up as a kill after this, long before the CTest timeout.
constexpr int kProcessTimeout = 20;

// ---------------------------------------------------------------------------------------------
// Files

Bytes8 read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes8(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_bytes(const std::string& path, std::span<const uint8_t> bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << "cannot write " << path;
}

// Temporary files an AtomicFile for `out` would leave ("OUT.tmp-XXXXXX").
std::vector<std::string> leftover_temp_files(const std::string& out) {
    std::vector<std::string> found;
    const std::string prefix = fs::path(out).filename().string() + ".tmp-";
    for (const auto& entry : fs::directory_iterator(fs::path(out).parent_path()))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) found.push_back(entry.path().string());
    return found;
}

// Control characters made visible, so a failure message shows exactly what was printed.
std::string visible(const std::string& text, size_t limit = 400) {
    std::string out;
    for (char c : text.substr(0, limit)) {
        if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20) out += "^" + std::string(1, static_cast<char>(c + 64));
        else out += c;
    }
    return text.size() > limit ? out + "..." : out;
}

// The collected failures of a loop, one per line (loops stop after ten).
std::string listed(const std::vector<std::string>& failures) {
    std::string text;
    for (const auto& f : failures) text += "\n  " + f;
    return text;
}

// ---------------------------------------------------------------------------------------------
// The refusal contract

std::string exit_text(int code) {
    return code == -1 ? "did not exit normally (crashed, or killed after " + std::to_string(kProcessTimeout) + " s)"
                      : "exit code " + std::to_string(code);
}

// How one CLI run breaks the one-line error contract for `file`; empty when it holds.
std::string error_line_problem(const test::ProcessResult& r, const std::string& file, const std::string& phrase) {
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
Refusal check_refused(const std::string& file, const std::string& phrase, const std::string& out_dir,
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
std::string reader_refusal_problem(std::span<const uint8_t> bytes, const std::string& name) {
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
std::string exercise_accepted(const ReadModel& read, const std::string& name) {
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
std::string isolated(const std::function<std::string()>& fn) {
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

Bytes8 serialized(const Model& model, bool external_buffers = false) {
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
Model demo() { return make_demo_model(); }

tflite::Tensor* mutable_tensor(Bytes8& bytes, flatbuffers::uoffset_t subgraph, flatbuffers::uoffset_t tensor) {
    return tflite::GetMutableModel(bytes.data())
        ->mutable_subgraphs()
        ->GetMutableObject(subgraph)
        ->mutable_tensors()
        ->GetMutableObject(tensor);
}

// A model that calls another subgraph through WHILE/IF/CALL_ONCE; `options` names the targets.
Model control_flow_model(tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options) {
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

Bytes8 raw_model(const RawSpec& spec) {
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

TEST_F(BadInput, ZeroLengthFile) { expect_refused(file_with("empty.tflite", {}), "file is empty"); }

TEST_F(BadInput, TooSmallForAHeader) {
    const uint8_t bytes[] = {0x1c, 0, 0, 0, 'T', 'F', 'L'};
    expect_refused(file_with("seven.tflite", bytes), "too small to be a TFLite model (7 bytes)");
}

TEST_F(BadInput, WrongFileIdentifier) {
    Bytes8 bytes = cli_demo_model();
    ASSERT_GT(bytes.size(), 8u);
    std::memcpy(bytes.data() + 4, "TFL2", 4);
    expect_refused(file_with("tfl2.tflite", bytes), "not a TFLite model (file identifier 'TFL2', expected 'TFL3')");
    // Unprintable identifier bytes are shown as '?', keeping the message one readable line.
    std::memcpy(bytes.data() + 4, "\n\x01\xffZ", 4);
    expect_refused(file_with("binary_id.tflite", bytes), "file identifier '???Z'");
}

TEST_F(BadInput, TextFile) {
    const std::string text = "This is not a model.\nIt is text.\n";
    expect_refused(file_with("notes.tflite", {reinterpret_cast<const uint8_t*>(text.data()), text.size()}),
                   "not a TFLite model");
}

TEST_F(BadInput, Directory) {
    const std::string d = path("a_directory.tflite");
    fs::create_directories(d);
    expect_refused(d, "is a directory");
}

TEST_F(BadInput, NonexistentFile) { expect_refused(path("missing.tflite"), "No such file or directory"); }

TEST_F(BadInput, NonexistentDirectory) {
    expect_refused(path("no_such_dir/model.tflite"), "No such file or directory");
}

TEST_F(BadInput, CharacterDevice) { expect_refused("/dev/null", "is not a regular file"); }

// A FIFO must be refused like any other non-regular file, not waited on for a writer.
TEST_F(BadInput, NamedPipe) {
    const std::string fifo = path("pipe.tflite");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0) << std::strerror(errno);
    expect_refused(fifo, "is not a regular file");
}

TEST_F(BadInput, UnreadableFile) {
    const std::string p = file_with("locked.tflite", cli_demo_model());
    ASSERT_EQ(::chmod(p.c_str(), 0), 0);
    // Root (and CAP_DAC_OVERRIDE) reads through mode 000; detect it rather than assume.
    const int fd = ::open(p.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::close(fd);
        ::chmod(p.c_str(), 0644);
        std::printf("skipping: mode 000 does not block reading here (running as uid %d)\n",
                    static_cast<int>(::geteuid()));
        GTEST_SKIP() << "mode 000 does not block reading for this user (uid " << ::geteuid() << ")";
    }
    expect_refused(p, "Permission denied");
    ::chmod(p.c_str(), 0644);
}

// ---------------------------------------------------------------------------------------------
// Truncations: every prefix of the demo model, through the CLI in chunks (one CTest test
// each, to keep within the timeout) and in-process.

// Every prefix goes through the reader in-process (EveryPrefixIsRefusedByTheReader); through the
// CLI, where each case costs two processes (slow under ASan), a spread of lengths: every cut in
// the header, then a prime stride across the file, then the last bytes.
std::vector<size_t> cli_truncation_lengths(size_t size) {
    std::vector<size_t> lengths;
    for (size_t n = 0; n < std::min<size_t>(size, 64); ++n) lengths.push_back(n);
    for (size_t n = 64; n < size; n += 61) lengths.push_back(n);
    for (size_t n = size > 8 ? size - 8 : 0; n < size; ++n) lengths.push_back(n);
    return lengths;
}

void expect_cli_refuses_truncations(const Bytes8& full, const std::string& dir) {
    const std::string file = (fs::path(dir) / "truncated.tflite").string();
    std::vector<std::string> failures;
    std::map<std::string, size_t> problems;  // problem text -> count, for the log
    for (size_t length : cli_truncation_lengths(full.size())) {
        write_bytes(file, {full.data(), length});
        const Refusal r = check_refused(file, "", dir, /*with_reader=*/false);
        if (!r.problem.empty()) failures.push_back(std::to_string(length) + " bytes: " + r.problem);
        else ++problems[r.line.substr(0, r.line.find(" ("))];
        if (failures.size() >= 10) break;
    }
    for (const auto& [text, count] : problems) std::printf("%6zu x %s\n", count, text.c_str());
    EXPECT_TRUE(failures.empty()) << failures.size() << " truncations misbehaved:" << listed(failures);
}

TEST(BadInputTruncation, DemoModelThroughTheCli) {
    const std::string dir = test::scratch_dir("bad_input/truncation_demo");
    const std::string source = (fs::path(dir) / "demo.tflite").string();
    const auto made = test::run_process({test::cli_path(), "demo-model", "-o", source}, kProcessTimeout);
    ASSERT_EQ(made.exit_code, 0) << made.err;
    const Bytes8 full = read_bytes(source);
    ASSERT_GT(full.size(), 1000u);
    expect_cli_refuses_truncations(full, dir);
}

TEST_F(BadInput, EveryPrefixIsRefusedByTheReader) {
    const Model model = demo();
    for (const bool external : {false, true}) {
        const Bytes8 full = serialized(model, external);
        ASSERT_FALSE(full.empty());
        std::vector<std::string> failures;
        for (size_t length = 0; length < full.size() && failures.size() < 10; ++length)
            if (auto p = reader_refusal_problem({full.data(), length}, "demo"); !p.empty())
                failures.push_back(std::to_string(length) + ": " + p);
        EXPECT_TRUE(failures.empty()) << (external ? "external buffers, " : "") << "failures:" << listed(failures);
    }
}

// External buffers sit after the flatbuffer: a cut there leaves a valid flatbuffer whose
// buffers lie outside the file.
TEST_F(BadInput, TruncatedExternalBuffersAreOutsideTheFile) {
    const std::string source = path("external.tflite");
    write_bytes(source, cli_demo_model());
    const auto made =
        test::run_process({test::cli_path(), "convert", source, "-o", source + ".ext", "--external-buffers"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    const Bytes8 full = read_bytes(source + ".ext");
    ASSERT_FALSE(full.empty());
    expect_refused(file_with("cut.tflite", {full.data(), full.size() - 1}), "lies outside the file");
}

TEST_F(BadInput, PrefixesOfSharedModels) {
    bool any = false;
    for (const char* name : {"hello_world_int8.tflite", "hello_world_float.tflite", "micro_speech_quantized.tflite",
                             "trained_lstm.tflite", "person_detect.tflite"}) {
        const auto shared = test::shared_model(std::string("tflite/") + name);
        if (!shared) continue;
        any = true;
        const Bytes8 full = read_bytes(*shared);
        ASSERT_FALSE(full.empty()) << *shared;
        // Every length in-process; the big model at a stride to bound the time.
        const size_t stride = full.size() > 65536 ? 97 : 1;
        std::vector<std::string> failures;
        for (size_t length = 0; length < full.size() && failures.size() < 10; length += stride)
            if (auto p = reader_refusal_problem({full.data(), length}, name); !p.empty())
                failures.push_back(std::to_string(length) + ": " + p);
        EXPECT_TRUE(failures.empty()) << name << ", failures:" << listed(failures);
    }
    if (!any) GTEST_SKIP() << "../shared/models/tflite is absent";
}

// hello_world_int8 is small enough to cut at every length through the CLI as well.
TEST(BadInputTruncation, HelloWorldThroughTheCli) {
    const auto shared = test::shared_model("tflite/hello_world_int8.tflite");
    if (!shared) GTEST_SKIP() << "../shared/models/tflite/hello_world_int8.tflite is absent";
    expect_cli_refuses_truncations(read_bytes(*shared), test::scratch_dir("bad_input/truncation_hello"));
}

// ---------------------------------------------------------------------------------------------
// Random bytes and random damage (fixed seeds: failures reproduce)

TEST_F(BadInput, RandomBytesThroughTheCli) {
    std::mt19937 rng(20240611);
    const std::string file = path("random.tflite");
    std::vector<std::string> failures;
    for (int i = 0; i < 300 && failures.size() < 10; ++i) {
        Bytes8 bytes(std::uniform_int_distribution<size_t>(0, 4096)(rng));
        for (auto& b : bytes) b = static_cast<uint8_t>(rng());
        // A third carry the identifier and a small root offset, to get past the first checks.
        if (i % 3 != 0 && bytes.size() >= 8) std::memcpy(bytes.data() + 4, "TFL3", 4);
        if (i % 3 == 2 && bytes.size() >= 8) {
            const uint32_t root = 8 + 4 * (rng() % 8);
            std::memcpy(bytes.data(), &root, 4);  // little-endian hosts only, as flatbuffers here
        }
        write_bytes(file, bytes);
        const Refusal r = check_refused(file, "", dir_);
        if (!r.problem.empty()) failures.push_back("case " + std::to_string(i) + ": " + r.problem);
    }
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

TEST_F(BadInput, RandomBytesThroughTheReader) {
    std::mt19937 rng(7);
    std::vector<std::string> failures;
    for (int i = 0; i < 20000 && failures.size() < 10; ++i) {
        Bytes8 bytes(std::uniform_int_distribution<size_t>(0, 512)(rng));
        for (auto& b : bytes) b = static_cast<uint8_t>(rng());
        if (i % 2 == 0 && bytes.size() >= 8) std::memcpy(bytes.data() + 4, "TFL3", 4);
        if (auto p = reader_refusal_problem(bytes, "random"); !p.empty())
            failures.push_back("case " + std::to_string(i) + ": " + p);
    }
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

// A few bytes of a valid model overwritten: the result may be readable (the damage hit a
// weight) or not, but it is never a crash, and a refusal keeps to the contract.
TEST_F(BadInput, DamagedDemoModelsThroughTheReader) {
    const Bytes8 original = serialized(demo());
    std::mt19937 rng(99);
    std::vector<std::string> failures;
    size_t accepted = 0;
    for (int i = 0; i < 3000 && failures.size() < 10; ++i) {
        Bytes8 bytes = original;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const size_t at = 8 + rng() % (bytes.size() - 8);
            bytes[at] = static_cast<uint8_t>(rng());
        }
        auto owned = std::make_shared<const Bytes8>(std::move(bytes));
        const auto read = read_tflite_bytes({owned->data(), owned->size()}, owned, "damaged");
        if (read.ok()) {
            ++accepted;
            if (auto p = isolated([&] { return exercise_accepted(*read, "damaged"); }); !p.empty())
                failures.push_back("case " + std::to_string(i) + ": " + p);
        } else if (read.error().message.find('\n') != std::string::npos) {
            failures.push_back("case " + std::to_string(i) + ": not one line: " + visible(read.error().message));
        }
    }
    std::printf("%zu of 3000 damaged models were readable\n", accepted);
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

TEST_F(BadInput, DamagedDemoModelsThroughTheCli) {
    const Bytes8 original = cli_demo_model();
    std::mt19937 rng(4242);
    const std::string file = path("damaged.tflite");
    const std::string out = path("damaged_out.tflite");
    std::vector<std::string> failures;
    for (int i = 0; i < 200 && failures.size() < 10; ++i) {
        Bytes8 bytes = original;
        for (int e = 0; e < 3; ++e) bytes[8 + rng() % (bytes.size() - 8)] = static_cast<uint8_t>(rng());
        write_bytes(file, bytes);
        const auto inspect = test::run_process({test::cli_path(), "inspect", file}, kProcessTimeout);
        const std::string where = "case " + std::to_string(i) + ": ";
        if (inspect.exit_code == 1) {
            if (auto p = error_line_problem(inspect, file, ""); !p.empty()) failures.push_back(where + p);
        } else if (inspect.exit_code != 0) {
            failures.push_back(where + "inspect " + exit_text(inspect.exit_code));
        }
        fs::remove(out);
        const auto convert = test::run_process({test::cli_path(), "convert", file, "-o", out}, kProcessTimeout);
        if (convert.exit_code != 0 && convert.exit_code != 1)
            failures.push_back(where + "convert " + exit_text(convert.exit_code));
        if (convert.exit_code == 1 && fs::exists(out)) failures.push_back(where + "convert failed but wrote output");
        if (!leftover_temp_files(out).empty()) failures.push_back(where + "convert left a temporary file");
    }
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

// ---------------------------------------------------------------------------------------------
// Well-formed flatbuffers with inconsistent content

struct BrokenCase {
    const char* name;
    std::function<Bytes8()> make;
    const char* phrase;  // what the one stderr line must say
};

std::vector<BrokenCase> broken_cases() {
    using Op = tflite::BuiltinOperator;
    std::vector<BrokenCase> cases;
    auto from_model = [](std::function<void(Model&)> edit) {
        return [edit = std::move(edit)] {
            Model m = demo();
            edit(m);
            return serialized(m);
        };
    };

    cases.push_back({"OpInputOutOfRange", from_model([](Model& m) { m.subgraphs[0].operators[0].inputs[1] = 99; }),
                     "Subgraph#0 Op#0 CONV_2D input T#99 is out of range (11 tensors)"});
    cases.push_back({"OpInputNegative", from_model([](Model& m) { m.subgraphs[0].operators[3].inputs[0] = -2; }),
                     "Subgraph#0 Op#3 FULLY_CONNECTED input T#-2 is out of range"});
    cases.push_back({"OpOutputOutOfRange", from_model([](Model& m) { m.subgraphs[0].operators[4].outputs[0] = 11; }),
                     "Subgraph#0 Op#4 SOFTMAX output T#11 is out of range (11 tensors)"});
    cases.push_back({"OpIntermediateOutOfRange",
                     from_model([](Model& m) { m.subgraphs[0].operators[1].intermediates = {1000}; }),
                     "MAX_POOL_2D intermediate T#1000 is out of range"});
    cases.push_back({"SubgraphInputOutOfRange", from_model([](Model& m) { m.subgraphs[0].inputs = {42}; }),
                     "Subgraph#0 input T#42 is out of range (11 tensors)"});
    cases.push_back({"SubgraphOutputNegative", from_model([](Model& m) { m.subgraphs[0].outputs = {-1}; }),
                     "Subgraph#0 output T#-1 is out of range"});
    cases.push_back({"OpcodeIndexOutOfRange",
                     from_model([](Model& m) { m.subgraphs[0].operators[2].opcode_index = 7; }),
                     "Subgraph#0 Op#2 uses operator code 7, but the model has 5"});
    cases.push_back({"BufferIndexOutOfRange",
                     [] {
                         Bytes8 bytes = serialized(demo());
                         EXPECT_TRUE(mutable_tensor(bytes, 0, 1)->mutate_buffer(99));
                         return bytes;
                     },
                     "Subgraph#0 T#1(conv2d/kernel) refers to buffer 99, but the model has 6 buffers"});
    cases.push_back({"BufferSizeDoesNotMatchShape",
                     from_model([](Model& m) { m.subgraphs[0].tensors[1].shape = {8, 3, 3, 2}; }),
                     "shape [8, 3, 3, 2] of FLOAT32 needs 576 bytes, but buffer 1 holds 288"});
    cases.push_back({"BufferSizeDoesNotMatchType",
                     from_model([](Model& m) { m.subgraphs[0].tensors[5].type = DType::kInt64; }),
                     "shape [2] of INT64 needs 16 bytes, but buffer 3 holds 8"});
    cases.push_back({"ExternalBufferPastEndOfFile",
                     [] {
                         Bytes8 bytes = serialized(demo(), /*external_buffers=*/true);
                         auto* buffer = tflite::GetMutableModel(bytes.data())->mutable_buffers()->GetMutableObject(1);
                         EXPECT_TRUE(buffer->mutate_offset(bytes.size() + 100));
                         return bytes;
                     },
                     "buffer 1 lies outside the file"});
    cases.push_back({"ExternalBufferSizeOverflows",
                     [] {
                         Bytes8 bytes = serialized(demo(), /*external_buffers=*/true);
                         auto* buffer = tflite::GetMutableModel(bytes.data())->mutable_buffers()->GetMutableObject(2);
                         EXPECT_TRUE(buffer->mutate_size(std::numeric_limits<uint64_t>::max() - 8));
                         return bytes;
                     },
                     "buffer 2 lies outside the file"});
    cases.push_back({"AbsurdShape",
                     from_model([](Model& m) {
                         m.subgraphs[0].tensors[0].shape = {2147483647, 2147483647, 2147483647};
                     }),
                     "has an invalid shape [2147483647, 2147483647, 2147483647] (too many elements)"});
    cases.push_back({"ShapeLargerThanAnyTensor",
                     from_model([](Model& m) { m.subgraphs[0].tensors[3].shape = {1 << 20, 1 << 20, 1 << 10}; }),
                     "more than any real tensor"});
    cases.push_back({"NegativeDimension",
                     from_model([](Model& m) { m.subgraphs[0].tensors[3].shape = {1, -48, 11, 8}; }),
                     "Subgraph#0 T#3(conv2d/Relu) has an invalid shape [1, -48, 11, 8] (negative dimension)"});
    cases.push_back({"UnknownTensorType",
                     [] {
                         Bytes8 bytes = serialized(demo());
                         EXPECT_TRUE(mutable_tensor(bytes, 0, 5)->mutate_type(static_cast<tflite::TensorType>(100)));
                         return bytes;
                     },
                     "Subgraph#0 T#5(flatten/Const) has unknown type 100"});
    cases.push_back({"WhileCallsMissingSubgraph",
                     [] {
                         tflite::BuiltinOptionsUnion options;
                         options.Set(tflite::WhileOptionsT{});
                         options.AsWhileOptions()->cond_subgraph_index = 1;
                         options.AsWhileOptions()->body_subgraph_index = 5;
                         return serialized(control_flow_model(Op::BuiltinOperator_WHILE, std::move(options)));
                     },
                     "Subgraph#0 Op#0 WHILE calls subgraph 5, but the model has 2"});
    cases.push_back({"IfCallsNegativeSubgraph",
                     [] {
                         tflite::BuiltinOptionsUnion options;
                         options.Set(tflite::IfOptionsT{});
                         options.AsIfOptions()->then_subgraph_index = 1;
                         options.AsIfOptions()->else_subgraph_index = -1;
                         return serialized(control_flow_model(Op::BuiltinOperator_IF, std::move(options)));
                     },
                     "Subgraph#0 Op#0 IF calls subgraph -1, but the model has 2"});
    cases.push_back({"CallOnceCallsMissingSubgraph",
                     [] {
                         tflite::BuiltinOptionsUnion options;
                         options.Set(tflite::CallOnceOptionsT{});
                         options.AsCallOnceOptions()->init_subgraph_index = 2;
                         return serialized(control_flow_model(Op::BuiltinOperator_CALL_ONCE, std::move(options)));
                     },
                     "Subgraph#0 Op#0 CALL_ONCE calls subgraph 2, but the model has 2"});
    cases.push_back({"SignatureTensorOutOfRange",
                     from_model([](Model& m) { m.signature_defs[0].inputs[0].tensor_index = 99; }),
                     "signature 'serving_default' maps 'mfcc' to T#99, but the subgraph has 11 tensors"});
    cases.push_back({"SignatureOutputTensorOutOfRange",
                     from_model([](Model& m) { m.signature_defs[0].outputs[0].tensor_index = 11; }),
                     "signature 'serving_default' maps 'output_0' to T#11, but the subgraph has 11 tensors"});
    cases.push_back({"SignatureSubgraphOutOfRange",
                     from_model([](Model& m) { m.signature_defs[0].subgraph_index = 3; }),
                     "signature 'serving_default' refers to subgraph 3, but the model has 1"});
    cases.push_back({"MetadataBufferOutOfRange",
                     from_model([](Model& m) { m.metadata.push_back({"min_runtime_version", 99}); }),
                     "metadata 'min_runtime_version' refers to buffer 99, but the model has 6"});
    cases.push_back({"MetadataBufferListOutOfRange", from_model([](Model& m) { m.metadata_buffer = {2, 6}; }),
                     "metadata_buffer refers to buffer 6, but the model has 6"});
    cases.push_back({"MetadataBufferListNegative", from_model([](Model& m) { m.metadata_buffer = {-1}; }),
                     "metadata_buffer refers to buffer -1"});
    // Flatbuffers may point many offsets at one table: 600 subgraphs x 600 tensors in a few KB
    // would become 360,000 Tensors in memory (7000 x 7000 in 56 KB exhausts any machine).
    cases.push_back({"SharedTablesAmplification",
                     [] {
                         namespace fb = flatbuffers;
                         fb::FlatBufferBuilder fbb;
                         const auto buffers =
                             fbb.CreateVector(std::vector<fb::Offset<tflite::Buffer>>{tflite::CreateBuffer(fbb)});
                         const auto tensor = tflite::CreateTensor(fbb, fbb.CreateVector(std::vector<int32_t>{1}),
                                                                  tflite::TensorType_FLOAT32, 0, fbb.CreateString("t"));
                         const auto tensors = fbb.CreateVector(std::vector<fb::Offset<tflite::Tensor>>(600, tensor));
                         const auto subgraph = tflite::CreateSubGraph(fbb, tensors);
                         const auto subgraphs =
                             fbb.CreateVector(std::vector<fb::Offset<tflite::SubGraph>>(600, subgraph));
                         tflite::FinishModelBuffer(fbb, tflite::CreateModel(fbb, 3, 0, subgraphs, 0, buffers));
                         return Bytes8(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
                     },
                     ""});
    cases.push_back({"LargeCustomOptionsPastEndOfFile",
                     [] {
                         RawSpec spec;
                         spec.op = tflite::BuiltinOperator_CUSTOM;
                         spec.large_custom_options_offset = 1 << 20;
                         spec.large_custom_options_size = 16;
                         return raw_model(spec);
                     },
                     "Subgraph#0 Op#0 CUSTOM custom options lies outside the file"});
    // Names come from the file: control characters in them must not break the one-line rule.
    cases.push_back({"ControlCharactersInTensorName",
                     [] {
                         RawSpec spec;
                         spec.tensor_name = "evil\nname\r";
                         spec.shape = {1, -2};
                         return raw_model(spec);
                     },
                     "(negative dimension)"});
    return cases;
}

class BadInputBrokenModel : public ::testing::Test {
public:
    explicit BadInputBrokenModel(BrokenCase c) : case_(std::move(c)) {}
    void TestBody() override;

private:
    BrokenCase case_;
};

void BadInputBrokenModel::TestBody() {
    const std::string dir = test::scratch_dir(std::string("bad_input/broken_") + case_.name);
    const Bytes8 bytes = case_.make();
    ASSERT_FALSE(bytes.empty());
    // The damage is semantic: the flatbuffer itself must still verify.
    flatbuffers::Verifier verifier(bytes.data(), bytes.size());
    ASSERT_TRUE(tflite::VerifyModelBuffer(verifier)) << "the case is meant to be a well-formed flatbuffer";
    const std::string file = (fs::path(dir) / (std::string(case_.name) + ".tflite")).string();
    write_bytes(file, bytes);
    const Refusal r = check_refused(file, case_.phrase, dir);
    EXPECT_TRUE(r.problem.empty()) << r.problem;
}

const bool kBrokenTestsRegistered = [] {
    for (auto& c : broken_cases())
        ::testing::RegisterTest("BadInputBrokenModel", c.name, nullptr, nullptr, __FILE__, __LINE__,
                                [c]() -> ::testing::Test* { return new BadInputBrokenModel(c); });
    return true;
}();

// Odd layouts TFLite's runtime reads (it treats a missing options table as default options):
// LiteLab may accept them or refuse them with one line, but must not crash in any command.
struct OddCase {
    const char* name;
    RawSpec spec;
};

class BadInputOddLayout : public ::testing::Test {
public:
    explicit BadInputOddLayout(OddCase c) : case_(std::move(c)) {}
    void TestBody() override;

private:
    OddCase case_;
};

void BadInputOddLayout::TestBody() {
    const std::string dir = test::scratch_dir(std::string("bad_input/odd_") + case_.name);
    const std::string file = (fs::path(dir) / "odd.tflite").string();
    write_bytes(file, raw_model(case_.spec));
    for (const char* format : {"--quant", "--json", "--summary"}) {
        const auto inspect = test::run_process({test::cli_path(), "inspect", file, format}, kProcessTimeout);
        if (inspect.exit_code == 1) {
            EXPECT_EQ(error_line_problem(inspect, file, ""), "") << format;
            continue;
        }
        if (inspect.exit_code != 0) {
            ADD_FAILURE() << "inspect " << format << ": " << exit_text(inspect.exit_code)
                          << "; stderr: " << visible(inspect.err);
            continue;
        }
        EXPECT_FALSE(inspect.out.empty()) << format;
    }
    const std::string out = (fs::path(dir) / "out.tflite").string();
    const auto convert = test::run_process({test::cli_path(), "convert", file, "-o", out}, kProcessTimeout);
    if (convert.exit_code == 1) {
        EXPECT_EQ(error_line_problem(convert, file, ""), "");
        EXPECT_FALSE(fs::exists(out));
        return;
    }
    ASSERT_EQ(convert.exit_code, 0) << "convert: " << exit_text(convert.exit_code) << "; " << visible(convert.err);
    const auto again = test::run_process({test::cli_path(), "inspect", out}, kProcessTimeout);
    EXPECT_EQ(again.exit_code, 0) << "the converted file: " << exit_text(again.exit_code) << "; " << visible(again.err);
    // What LiteLab writes it reads back without new complaints and rewrites unchanged.
    EXPECT_EQ(again.err.find("warning"), std::string::npos) << "the converted file: " << visible(again.err);
    const std::string out_2 = (fs::path(dir) / "out_2.tflite").string();
    const auto convert_2 = test::run_process({test::cli_path(), "convert", out, "-o", out_2}, kProcessTimeout);
    ASSERT_EQ(convert_2.exit_code, 0) << visible(convert_2.err);
    EXPECT_TRUE(read_bytes(out) == read_bytes(out_2)) << "converting the converted file changes it";
}

std::vector<OddCase> odd_cases() {
    std::vector<OddCase> cases;
    auto add = [&](const char* name, auto edit) {
        OddCase c{name, {}};
        edit(c.spec);
        cases.push_back(std::move(c));
    };
    add("OptionsTypeWithoutTable", [](RawSpec& s) { s.options_type = tflite::BuiltinOptions_SoftmaxOptions; });
    add("WhileOptionsTypeWithoutTable", [](RawSpec& s) {
        s.op = tflite::BuiltinOperator_WHILE;
        s.options_type = tflite::BuiltinOptions_WhileOptions;
    });
    add("Options2TypeWithoutTable",
        [](RawSpec& s) { s.options_2_type = tflite::BuiltinOptions2_StablehloConcatenateOptions; });
    add("UnknownOptionsType", [](RawSpec& s) { s.options_type = static_cast<tflite::BuiltinOptions>(250); });
    add("QuantizationDetailsTypeWithoutTable",
        [](RawSpec& s) { s.details_type = tflite::QuantizationDetails_CustomQuantization; });
    add("UnknownQuantizationDetailsType", [](RawSpec& s) {
        s.details_type = static_cast<tflite::QuantizationDetails>(7);
        s.details_table = true;
    });
    add("SparseIndexTypeWithoutTable", [](RawSpec& s) { s.sparse_segments_without_table = true; });
    // Names are bytes from the file: the JSON report must still be produced (or refused).
    add("InvalidUtf8TensorName", [](RawSpec& s) { s.tensor_name = "caf\xe9 \xff\xfe"; });
    add("NewlineInTensorName", [](RawSpec& s) { s.tensor_name = "two\nlines"; });
    return cases;
}

const bool kOddTestsRegistered = [] {
    for (auto& c : odd_cases())
        ::testing::RegisterTest("BadInputOddLayout", c.name, nullptr, nullptr, __FILE__, __LINE__,
                                [c]() -> ::testing::Test* { return new BadInputOddLayout(c); });
    return true;
}();

// ---------------------------------------------------------------------------------------------
// Regressions: inputs in tests/data/bad_input that once crashed or misled LiteLab (see its
// README). Each is read or refused cleanly, in-process and through every CLI command.

TEST_F(BadInput, Regressions) {
    const fs::path data = test::test_data("bad_input");
    ASSERT_TRUE(fs::is_directory(data)) << data;
    std::vector<std::string> failures;
    size_t count = 0;
    for (const auto& entry : fs::directory_iterator(data)) {
        if (entry.path().extension() != ".tflite") continue;
        ++count;
        const std::string file = entry.path().string();
        const std::string name = entry.path().filename().string();
        const std::string in_process = isolated([&]() -> std::string {
            const auto read = read_tflite_file(file);
            if (read.ok()) return exercise_accepted(*read, name);
            return read.error().message.find('\n') == std::string::npos ? "" : "the error is not one line";
        });
        if (!in_process.empty()) failures.push_back(name + ": " + in_process);
        for (const char* format : {"--quant", "--json", "--summary"}) {
            const auto r = test::run_process({test::cli_path(), "inspect", file, format}, kProcessTimeout);
            if (r.exit_code == 1) {
                if (auto p = error_line_problem(r, file, ""); !p.empty())
                    failures.push_back(name + ": inspect " + format + ": " + p);
            } else if (r.exit_code != 0) {
                failures.push_back(name + ": inspect " + format + ": " + exit_text(r.exit_code) + "; " +
                                   visible(r.err));
            }
        }
        const std::string out = path(name);
        const auto convert = test::run_process({test::cli_path(), "convert", file, "-o", out}, kProcessTimeout);
        if (convert.exit_code == 0) {
            // A rewrite of a rewrite changes nothing.
            const auto again = test::run_process({test::cli_path(), "convert", out, "-o", out + "2"}, kProcessTimeout);
            if (again.exit_code != 0 || read_bytes(out) != read_bytes(out + "2"))
                failures.push_back(name + ": converting the converted file changes it " + visible(again.err));
        } else if (convert.exit_code != 1) {
            failures.push_back(name + ": convert: " + exit_text(convert.exit_code) + "; " + visible(convert.err));
        }
    }
    EXPECT_GT(count, 0u);
    EXPECT_TRUE(failures.empty()) << "failures:" << listed(failures);
}

// ---------------------------------------------------------------------------------------------
// Writing: a failed write leaves nothing behind

TEST_F(BadInput, ConvertIntoMissingDirectoryFails) {
    const std::string source = file_with("good.tflite", cli_demo_model());
    const std::string out = path("no_such_dir/out.tflite");
    const auto r = test::run_process({test::cli_path(), "convert", source, "-o", out}, kProcessTimeout);
    EXPECT_EQ(error_line_problem(r, out, "No such file or directory"), "");
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(BadInput, ConvertOverADirectoryFailsWithoutLeftovers) {
    const std::string source = file_with("good.tflite", cli_demo_model());
    const std::string out = path("taken");
    fs::create_directories(out);
    const auto r = test::run_process({test::cli_path(), "convert", source, "-o", out}, kProcessTimeout);
    EXPECT_EQ(error_line_problem(r, out, ""), "");
    EXPECT_TRUE(fs::is_directory(out));
    EXPECT_TRUE(leftover_temp_files(out).empty());
}

// ---------------------------------------------------------------------------------------------
// Usage errors: exit code 2, nothing on stdout

TEST_F(BadInput, UsageErrorsExitWithTwo) {
    const std::string model = file_with("good.tflite", cli_demo_model());
    const std::string out = path("out.tflite");
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"frobnicate", model},
        {"inspect"},
        {"inspect", model, model},
        {"inspect", "--bogus", model},
        {"inspect", model, "--json", "--summary"},
        {"inspect", model, "--json=yes"},
        {"convert", model},
        {"convert", model, "-o"},
        {"convert", "-o", out},
        {"convert", model, "-o", out, "--output", out},
        {"convert", model, "-o", out, "--unknown"},
        {"demo-model"},
        {"demo-model", "extra", "-o", out},
    };
    for (const auto& args : cases) {
        std::vector<std::string> argv = {test::cli_path()};
        argv.insert(argv.end(), args.begin(), args.end());
        std::string shown;
        for (const auto& a : args) shown += " " + a;
        const auto r = test::run_process(argv, kProcessTimeout);
        EXPECT_EQ(r.exit_code, 2) << "litelab" << shown << "\nstderr: " << visible(r.err);
        EXPECT_EQ(r.out, "") << "litelab" << shown;
        EXPECT_FALSE(r.err.empty()) << "litelab" << shown;
        if (!args.empty()) {
            EXPECT_EQ(r.err.rfind("litelab: ", 0), 0u) << "litelab" << shown << ": " << visible(r.err);
        }
        EXPECT_FALSE(fs::exists(out)) << "litelab" << shown << " wrote " << out;
        EXPECT_TRUE(leftover_temp_files(out).empty()) << "litelab" << shown;
    }
}

}  // namespace
}  // namespace litelab
