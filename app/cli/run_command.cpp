#include <charconv>
#include <filesystem>
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/model_input.h"
#include "npy/npy.h"
#include "npy/npz.h"
#include "run/run_model.h"
#include "tflite/reader.h"

namespace litelab::cli {

namespace {

constexpr const char* kHelp = R"(usage: litelab run MODEL.tflite (--input A.npy [--input B.npy ...] | --inputs-from X.npz |
                    --random SEED [--batch N]) -o OUT.npz [options]

Runs the model in LiteLab's interpreter and writes OUT.npz with in_0.. (the inputs used),
out_0.. (the outputs, in the model's dtypes, in subgraph output order) and meta (JSON: tensor
names, shapes, quantization), the layout of ../shared/oracles.

Inputs have N rows: a model whose batch dimension is -1 runs them as one batch, a model with a
static batch of 1 runs them one by one and the outputs are stacked.

  --input FILE.npy          one per model input, in order
  --inputs-from FILE.npz    arrays in_0, in_1, ... (or x for a single input)
  --random SEED             random inputs: floats in [-1, 1), integers over their range
  --batch N                 rows of random inputs (default 1)
  --signature NAME          run this signature instead of the first subgraph
  --input-shape NAME:D0,D1,...  the shape of an input with -1 dimensions (random inputs)
  --threads N               worker threads (default 1)
  --quantize-inputs         quantize float data for int8/uint8/int16 inputs with their parameters
  --stateful                keep LSTM/SVDF state from one item to the next
  -o, --output OUT.npz      where to write the results
)";

std::optional<int64_t> parse_int(const std::string& text) {
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "name:1,2,3" -> {"name", {1,2,3}}; the name may itself contain ':' (TF names do).
std::optional<std::pair<std::string, std::vector<int32_t>>> parse_input_shape(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    std::vector<int32_t> dims;
    std::string rest = text.substr(colon + 1);
    size_t start = 0;
    while (start <= rest.size()) {
        const auto comma = rest.find(',', start);
        const auto part = rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const auto value = parse_int(part);
        if (!value || *value < 0 || *value > (1 << 30)) return std::nullopt;
        dims.push_back(static_cast<int32_t>(*value));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return std::make_pair(text.substr(0, colon), dims);
}

}  // namespace

int run_run(const std::vector<std::string>& args) {
    CommandLine line({"--help", "--quantize-inputs", "--stateful"},
                     {"--input", "--inputs-from", "--random", "--batch", "--signature", "--input-shape", "--threads", "--output"},
                     {{"-h", "--help"}, {"-o", "--output"}});
    line.allow_repeats({"--input", "--input-shape"});
    if (!line.parse(args)) return usage_error("run", line.error());
    if (line.has("--help")) {
        std::cout << kHelp;
        return kExitOk;
    }
    if (line.positional().size() != 1) return usage_error("run", "expected exactly one model file");
    const auto output = line.value("--output");
    if (!output) return usage_error("run", "-o OUT.npz is required");
    const int sources = (line.values("--input").empty() ? 0 : 1) + (line.value("--inputs-from") ? 1 : 0) +
                        (line.value("--random") ? 1 : 0);
    if (sources != 1) return usage_error("run", "give exactly one of --input, --inputs-from and --random");
    if (line.value("--batch") && !line.value("--random")) return usage_error("run", "--batch goes with --random");

    RunOptions options;
    options.signature = line.value("--signature");
    options.quantize_inputs = line.has("--quantize-inputs");
    options.stateful = line.has("--stateful");
    if (const auto threads = line.value("--threads")) {
        const auto n = parse_int(*threads);
        if (!n || *n < 1 || *n > 256) return usage_error("run", "--threads takes a number from 1 to 256");
        options.threads = static_cast<int>(*n);
    }
    for (const std::string& text : line.values("--input-shape")) {
        const auto shape = parse_input_shape(text);
        if (!shape) return usage_error("run", "--input-shape takes NAME:D0,D1,... (got '" + text + "')");
        options.input_shapes[shape->first] = shape->second;
    }

    const std::string& path = line.positional()[0];
    auto read = read_model_for_command(path, WarningDetail::kFirstFew);
    if (!read) return kExitFailure;

    std::vector<NdArray> inputs;
    std::optional<uint64_t> seed;
    if (const auto random = line.value("--random")) {
        const auto value = parse_int(*random);
        if (!value || *value < 0) return usage_error("run", "--random takes a non-negative seed");
        seed = static_cast<uint64_t>(*value);
        int64_t batch = 1;
        if (const auto b = line.value("--batch")) {
            const auto n = parse_int(*b);
            if (!n || *n < 1 || *n > (1 << 20)) return usage_error("run", "--batch takes a positive number");
            batch = *n;
        }
        auto drawn = random_inputs(read->model, *seed, batch, options);
        if (!drawn) {
            print_error(path + ": " + drawn.error().message);
            return kExitFailure;
        }
        inputs = std::move(*drawn);
    } else if (const auto npz = line.value("--inputs-from")) {
        auto entries = read_npz_file(*npz);
        if (!entries) {
            print_error(entries.error().message);
            return kExitFailure;
        }
        if (const NdArray* x = find(*entries, "x"); x && !find(*entries, "in_0")) {
            inputs.push_back(*x);
        } else {
            for (size_t i = 0;; ++i) {
                const NdArray* a = find(*entries, "in_" + std::to_string(i));
                if (!a) break;
                inputs.push_back(*a);
            }
        }
        if (inputs.empty()) {
            print_error(*npz + ": no arrays in_0, in_1, ... (or x) to use as inputs");
            return kExitFailure;
        }
    } else {
        for (const std::string& file : line.values("--input")) {
            auto array = read_npy_file(file);
            if (!array) {
                print_error(array.error().message);
                return kExitFailure;
            }
            inputs.push_back(std::move(*array));
        }
    }

    auto result = run_model(read->model, std::move(inputs), options);
    if (!result) {
        print_error(path + ": " + result.error().message);
        return kExitFailure;
    }
    for (const std::string& note : result->notes) std::cerr << "litelab: note: " << note << "\n";

    std::vector<NpzEntry> entries;
    for (size_t i = 0; i < result->inputs.size(); ++i) entries.push_back({"in_" + std::to_string(i), result->inputs[i]});
    for (size_t o = 0; o < result->outputs.size(); ++o) entries.push_back({"out_" + std::to_string(o), result->outputs[o]});
    entries.push_back({"meta", NdArray::from_string(run_meta_json(*result, std::filesystem::path(path).filename().string(), seed))});
    if (Status written = write_npz_file(*output, entries); !written) {
        print_error(written.error().message);
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace litelab::cli
