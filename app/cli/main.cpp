// litelab: the command-line face of the LiteLab engine.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/one_line.h"

namespace {

constexpr const char* kUsage = R"(usage: litelab COMMAND [ARGS]

Inspect, convert, quantize and evaluate TensorFlow Lite models.

Commands:
  inspect MODEL            print the model in TFLite Analyzer format (--json, --summary, --quant)
  convert MODEL -o OUT     convert a Keras (.h5, .keras) or ONNX model to .tflite, or rewrite one
  run MODEL -o OUT.npz     run the model on .npy/.npz or random inputs, write the outputs
  featurize WAV.. -o OUT   MFCC features of sound files, the wakeword example's input
  demo-model -o OUT        write LiteLab's built-in demo model (a small keyword-spotting CNN)

Run 'litelab COMMAND --help' for the options of a command.
Exit codes: 0 success, 1 bad input or failure, 2 usage error.
)";

}  // namespace

namespace litelab::cli {

// Engine messages are one line already; names given on the command line may not be.
void print_error(const std::string& message) {
    std::cerr << "litelab: " << litelab::one_line(message) << std::endl;
}

int usage_error(const std::string& command, const std::string& message) {
    print_error(command + ": " + message + " (see 'litelab " + command + " --help')");
    return kExitUsage;
}

}  // namespace litelab::cli

int main(int argc, char** argv) {
    using namespace litelab::cli;
    std::ios::sync_with_stdio(false);
    if (argc < 2) {
        std::cerr << kUsage;
        return kExitUsage;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kUsage;
        return kExitOk;
    }
    if (command == "--version") {
        std::cout << "litelab " LITELAB_VERSION "\n";
        return kExitOk;
    }
    if (command == "inspect") return run_inspect(args);
    if (command == "convert") return run_convert(args);
    if (command == "demo-model") return run_demo_model(args);
    if (command == "run") return run_run(args);
    if (command == "featurize") return run_featurize(args);
    print_error("unknown command '" + command + "' (see 'litelab --help')");
    return kExitUsage;
}
