// Synthetic models of a chosen size for benchmarks: a chain of FULLY_CONNECTED layers whose
// float weights add up to the requested bytes.
#pragma once

#include <cstdint>
#include <string>

#include "model/model.h"

namespace litelab::bench {

// `ops` operators, about `weight_bytes` of float32 weights in total, deterministic values.
Model make_chain_model(int ops, uint64_t weight_bytes);

// Writes a model of `weight_bytes` (e.g. 1 GiB) with buffers stored after the flatbuffer; the
// weights are zero, so the file is sparse and costs almost no disk space.
void write_sparse_large_model(const std::string& path, uint64_t weight_bytes);

// A scratch path under $TMPDIR (or /tmp) for benchmark files.
std::string bench_file(const std::string& name);

}  // namespace litelab::bench
