#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/model_input.h"
#include "model/demo_model.h"
#include "tflite/reader.h"
#include "tflite/writer.h"

namespace litelab::cli {

namespace {

constexpr const char* kConvertHelp = R"(usage: litelab convert IN.tflite -o OUT.tflite [--external-buffers]

Reads a model and writes it again through LiteLab's writer. The output decodes to the same
model (tensors, operators, options, buffers, quantization, signatures, metadata).

  -o, --output FILE     the file to write (written to a temporary file, then renamed)
  --external-buffers    store weights after the flatbuffer (Buffer.offset/size), as TFLite
                        does for models over 2 GB; chosen automatically when needed
)";

constexpr const char* kDemoHelp = R"(usage: litelab demo-model -o OUT.tflite

Writes LiteLab's built-in demo model: a small float32 keyword-spotting CNN
(input [-1, 50, 13, 1]) with deterministic pseudo-random weights.
)";

bool has_extension(const std::string& path, const std::string& extension) {
    return path.size() >= extension.size() &&
           path.compare(path.size() - extension.size(), extension.size(), extension) == 0;
}

}  // namespace

int run_convert(const std::vector<std::string>& args) {
    CommandLine line({"--external-buffers", "--help"}, {"--output"}, {{"-o", "--output"}, {"-h", "--help"}});
    if (!line.parse(args)) return usage_error("convert", line.error());
    if (line.has("--help")) {
        std::cout << kConvertHelp;
        return kExitOk;
    }
    if (line.positional().size() != 1) return usage_error("convert", "expected exactly one input model");
    const auto output = line.value("--output");
    if (!output) return usage_error("convert", "missing -o OUT.tflite");

    const std::string& input = line.positional()[0];
    for (const char* ext : {".h5", ".keras", ".onnx"}) {
        if (has_extension(input, ext)) {
            print_error(input + ": importing " + std::string(ext) + " models is not supported by this build");
            return kExitFailure;
        }
    }
    auto read = read_model_for_command(input, WarningDetail::kFirstFew);
    if (!read) return kExitFailure;

    WriteOptions options;
    options.external_buffers = line.has("--external-buffers");
    if (auto status = write_tflite_file(read->model, *output, options); !status) {
        print_error(status.error().message);
        return kExitFailure;
    }
    return kExitOk;
}

int run_demo_model(const std::vector<std::string>& args) {
    CommandLine line({"--help"}, {"--output"}, {{"-o", "--output"}, {"-h", "--help"}});
    if (!line.parse(args)) return usage_error("demo-model", line.error());
    if (line.has("--help")) {
        std::cout << kDemoHelp;
        return kExitOk;
    }
    if (!line.positional().empty()) return usage_error("demo-model", "unexpected argument " + line.positional()[0]);
    const auto output = line.value("--output");
    if (!output) return usage_error("demo-model", "missing -o OUT.tflite");
    if (auto status = write_tflite_file(make_demo_model(), *output); !status) {
        print_error(status.error().message);
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace litelab::cli
