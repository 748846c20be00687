#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/model_input.h"
#include "tflite/analyzer_dump.h"
#include "tflite/model_report.h"
#include "tflite/reader.h"

namespace litelab::cli {

namespace {
constexpr const char* kHelp = R"(usage: litelab inspect MODEL.tflite [--json | --summary] [--quant]

Prints the model in the layout of TensorFlow Lite's Analyzer: signature defs, one line per
operator and per tensor (shape or shape_signature, type, constant data), and the size summary.

  --json      every tensor, operator (with options), signature and quantization as JSON
  --summary   operator histogram, parameter count, weight bytes by type, inputs and outputs
  --quant     add quantization parameters (scale, zero point, axis) to each tensor line
)";
}  // namespace

int run_inspect(const std::vector<std::string>& args) {
    CommandLine line({"--json", "--summary", "--quant", "--help"}, {}, {{"-h", "--help"}});
    if (!line.parse(args)) return usage_error("inspect", line.error());
    if (line.has("--help")) {
        std::cout << kHelp;
        return kExitOk;
    }
    if (line.positional().size() != 1) return usage_error("inspect", "expected exactly one model file");
    if (line.has("--json") && line.has("--summary")) return usage_error("inspect", "--json and --summary exclude each other");

    const std::string& path = line.positional()[0];
    auto read = read_model_for_command(path, WarningDetail::kAll);
    if (!read) return kExitFailure;

    const ReportContext context{path, read->file_size, read->warnings};
    if (line.has("--json")) {
        std::cout << model_json(read->model, context);
    } else if (line.has("--summary")) {
        std::cout << model_summary(read->model, context);
    } else {
        AnalyzerDumpOptions options;
        options.model_name = path;
        options.file_size = read->file_size;
        options.show_quantization = line.has("--quant");
        std::cout << analyzer_dump(read->model, options);
    }
    std::cout.flush();
    if (!std::cout) {
        print_error(path + ": cannot write to standard output");
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace litelab::cli
