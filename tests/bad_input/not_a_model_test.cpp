// Bad input: every file LiteLab cannot read safely must be refused by `litelab inspect` and
// `litelab convert` with exit code 1, nothing on stdout, and exactly one stderr line
// "litelab: FILE: problem"; convert must leave neither its output nor a temporary file behind.
// Nothing may crash or hang. Broken files are made here, in each test's scratch directory.
#include "bad_input_support.h"

namespace litelab::bad_input {
namespace {

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

}  // namespace
}  // namespace litelab::bad_input
