#include <charconv>
#include <iostream>
#include <optional>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/model_input.h"
#include "import/import_options.h"
#include "model/demo_model.h"
#include "tflite/reader.h"
#include "tflite/writer.h"

namespace litelab::cli {

namespace {

constexpr const char* kConvertHelp = R"(usage: litelab convert MODEL -o OUT.tflite [--batch N] [--io-layout source|nhwc]
                       [--external-buffers]

Writes MODEL as a TFLite file. MODEL is a Keras model (.h5 from Keras 2 / tf.keras, or a Keras 3
.keras archive) or an ONNX model, converted to float32 TFLite the way TensorFlow's converter
would (batch norms folded, activations fused, a dynamic batch, a serving_default signature), or
a .tflite file, read and written again (it decodes to the same model).

  -o, --output FILE     the file to write (written to a temporary file, then renamed)
  --batch N             the static batch size stored in each input's shape (default 1);
                        shape_signature keeps -1 where the source's batch is dynamic
  --io-layout LAYOUT    source (default): inputs and outputs keep the source model's layout
                        (ONNX NCHW arrays feed the converted model unchanged); nhwc: they use
                        TFLite's channels-last layout, with no TRANSPOSE at the edges
  --external-buffers    store weights after the flatbuffer (Buffer.offset/size), as TFLite
                        does for models over 2 GB; chosen automatically when needed
)";

constexpr const char* kDemoHelp = R"(usage: litelab demo-model -o OUT.tflite

Writes LiteLab's built-in demo model: a small float32 keyword-spotting CNN
(input [-1, 50, 13, 1]) with deterministic pseudo-random weights.
)";

std::optional<int> parse_batch(const std::string& text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > (1 << 20)) return std::nullopt;
    return value;
}

}  // namespace

int run_convert(const std::vector<std::string>& args) {
    CommandLine line({"--external-buffers", "--help"}, {"--output", "--batch", "--io-layout"},
                     {{"-o", "--output"}, {"-h", "--help"}});
    if (!line.parse(args)) return usage_error("convert", line.error());
    if (line.has("--help")) {
        std::cout << kConvertHelp;
        return kExitOk;
    }
    if (line.positional().size() != 1) return usage_error("convert", "expected exactly one input model");
    const auto output = line.value("--output");
    if (!output) return usage_error("convert", "missing -o OUT.tflite");

    ImportOptions import;
    if (const auto batch = line.value("--batch")) {
        import.batch = parse_batch(*batch);
        if (!import.batch) return usage_error("convert", "--batch takes a positive number (got '" + *batch + "')");
    }
    if (const auto layout = line.value("--io-layout")) {
        if (*layout == "nhwc") {
            import.io_layout = IoLayout::kNhwc;
        } else if (*layout != "source") {
            return usage_error("convert", "--io-layout takes source or nhwc (got '" + *layout + "')");
        }
    }

    const std::string& input = line.positional()[0];
    const bool imported = is_imported_model(input);
    if (!imported && (line.value("--batch") || line.value("--io-layout"))) {
        print_error(input + ": --batch and --io-layout apply to Keras and ONNX models, not to a .tflite file");
        return kExitFailure;
    }
    auto read = read_model_for_command(input, WarningDetail::kFirstFew, import);
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
