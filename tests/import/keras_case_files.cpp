#include "keras_case_files.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "run/run_model.h"
#include "support/process.h"
#include "support/test_paths.h"

namespace litelab::test {

namespace fs = std::filesystem;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

KerasCaseFiles generate() {
    KerasCaseFiles files;
    const ProcessResult probe = run_process({python(), "-c", "import numpy, h5py"}, 60);
    if (probe.exit_code != 0) {
        files.unavailable = python() + " lacks numpy or h5py (run ../shared/oracles/setup.sh)";
        return files;
    }
    // One folder per version of the generator: test processes running at once share it, and an
    // edited generator never meets stale files.
    const std::string script = LITELAB_KERAS_CASES;
    const size_t version = std::hash<std::string>{}(read_text(script));
    files.dir = (fs::path(LITELAB_TEST_BINARY_DIR) / ("keras_cases_" + std::to_string(version))).string();
    if (!fs::exists(fs::path(files.dir) / "cases.json")) {
        const std::string tmp = files.dir + ".tmp" + std::to_string(getpid());
        fs::remove_all(tmp);
        const ProcessResult ran = run_process({python(), script, tmp}, 300);
        if (ran.exit_code != 0) {
            files.unavailable = "keras_cases.py failed: " + ran.err;
            return files;
        }
        std::error_code ignored;
        fs::rename(tmp, files.dir, ignored);  // another process may have won the race: fine
        fs::remove_all(tmp, ignored);
    }
    const auto listing = nlohmann::json::parse(read_text(files.dir + "/cases.json"));
    for (const auto& entry : listing) {
        KerasCase c;
        c.name = entry["name"].get<std::string>();
        if (entry.contains("h5")) c.h5 = files.dir + "/" + entry["h5"].get<std::string>();
        if (entry.contains("bad")) c.bad = files.dir + "/" + entry["bad"].get<std::string>();
        if (entry.contains("expect")) c.expect = entry["expect"].get<std::string>();
        if (entry.contains("keras")) c.keras = files.dir + "/" + entry["keras"].get<std::string>();
        c.reference = entry["reference"].get<std::string>();
        c.inputs = files.dir + "/" + c.name + ".inputs.npz";
        for (int i = 0; i < entry["inputs"].get<int>(); ++i)
            c.input_npys.push_back(files.dir + "/" + c.name + ".in" + std::to_string(i) + ".npy");
        files.cases.push_back(std::move(c));
    }
    return files;
}

}  // namespace

const KerasCase* KerasCaseFiles::find(const std::string& name) const {
    for (const KerasCase& c : cases)
        if (c.name == name) return &c;
    return nullptr;
}

const KerasCaseFiles& keras_case_files() {
    static const KerasCaseFiles files = generate();
    return files;
}

std::vector<NdArray> numbered(const std::vector<NpzEntry>& entries, const std::string& prefix) {
    std::vector<NdArray> out;
    for (size_t i = 0;; ++i) {
        const NdArray* a = litelab::find(entries, prefix + std::to_string(i));
        if (!a) return out;
        out.push_back(*a);
    }
}

Result<std::vector<NdArray>> run_litelab(const Model& model, const std::vector<NdArray>& inputs) {
    auto result = run_model(model, inputs, RunOptions{});
    if (!result) return result.error();
    return std::move(result->outputs);
}

Status write_run_npz(const std::string& path, const std::vector<NdArray>& inputs, const std::vector<NdArray>& outputs) {
    std::vector<NpzEntry> entries;
    for (size_t i = 0; i < inputs.size(); ++i) entries.push_back({"in_" + std::to_string(i), inputs[i]});
    for (size_t i = 0; i < outputs.size(); ++i) entries.push_back({"out_" + std::to_string(i), outputs[i]});
    return write_npz_file(path, entries);
}

}  // namespace litelab::test
