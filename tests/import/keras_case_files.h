// The Keras test models that keras_cases.py writes (Keras' own HDF5 and .keras layouts, seeded
// weights), generated once into the build tree, and running a converted model on a case's inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/model.h"
#include "npy/npz.h"

namespace litelab::test {

struct KerasCase {
    std::string name;
    std::string h5;         // path of the Keras 2 HDF5 file; empty when the case has none
    std::string keras;      // path of the Keras 3 archive; empty when the case has none
    std::string reference;  // keras_ref, keras_tfjs, expected (outputs in the inputs .npz) or error
    std::string bad;        // reference "error": the damaged or unsupported file ...
    std::string expect;     // ... and a phrase its error must contain
    std::string inputs;     // .npz with in_0.. (and out_0.. for `expected`)
    std::vector<std::string> input_npys;
};

struct KerasCaseFiles {
    std::string dir;
    std::vector<KerasCase> cases;
    std::string unavailable;  // why the cases cannot be generated; empty when they were
    const KerasCase* find(const std::string& name) const;
};

// Generates the cases on first use (Python with NumPy and h5py, from ../shared/oracles/setup.sh).
const KerasCaseFiles& keras_case_files();

// in_0, in_1, ... (or out_...) of an .npz, in order.
std::vector<NdArray> numbered(const std::vector<NpzEntry>& entries, const std::string& prefix);

// Runs `model` in LiteLab's interpreter on the arrays; returns its outputs.
Result<std::vector<NdArray>> run_litelab(const Model& model, const std::vector<NdArray>& inputs);

// in_* and out_* as an .npz the oracles read.
Status write_run_npz(const std::string& path, const std::vector<NdArray>& inputs, const std::vector<NdArray>& outputs);

}  // namespace litelab::test
