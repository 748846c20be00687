#!/usr/bin/env bash
# LiteLab's interpreter beside LiteRT (WASM + XNNPACK, single thread: a floor, not native
# speed) and Arm NN CpuRef on the same models, in one session, printed as ratios.
#   bench/peers/side_by_side.sh [BUILD_DIR]     (default build/bench; cmake --preset bench first)
# Models: ../shared/models/tflite/*.tflite and the MobileNetV2 float/int8 models the benchmark
# writes with LiteLab's writer.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build/bench}"
bench="$build/bench/litelab_bench"
cache="${LITELAB_ORACLE_CACHE:-/tmp/litelab-oracles}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -x "$bench" ] || { echo "side_by_side: build the bench preset first ($bench missing)" >&2; exit 1; }
"$bench" --write-models="$work" >/dev/null
"$bench" --benchmark_filter='BM_(Shared|MobileNetV2)' --benchmark_format=json --benchmark_min_time=0.5 > "$work/litelab.json"

models=("$root"/../shared/models/tflite/*.tflite "$work"/mobilenet_v2_float.tflite "$work"/mobilenet_v2_int8.tflite)
for m in "${models[@]}"; do
  [ -f "$m" ] || continue
  (cd "$cache" && node "$here/litert_latency.mjs" "$m" 20) || true
  /usr/bin/python3 "$here/armnn_latency.py" "$m" 3 || true
done > "$work/peers.jsonl"

/usr/bin/python3 - "$work/litelab.json" "$work/peers.jsonl" <<'PY'
import json, sys
ours = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    # BM_Shared/<model>/<threads>/real_time or BM_MobileNetV2<Type>/<threads>/real_time
    parts = b["name"].split("/")
    name, threads = (parts[1], parts[2]) if parts[0] == "BM_Shared" else (parts[0], parts[1])
    key = name.replace("BM_MobileNetV2Float", "mobilenet_v2_float").replace("BM_MobileNetV2Int8", "mobilenet_v2_int8")
    ours.setdefault(key, {})[threads] = b["real_time"]
peers = {}
for line in open(sys.argv[2]):
    r = json.loads(line)
    peers.setdefault(r["model"].rsplit(".", 1)[0], {})[r["runtime"]] = r.get("median_ms") or r.get("error", "?")
print("%-26s %10s %10s %10s %12s %10s %12s" % ("model", "ours 1t", "ours 2t", "litert", "litert/ours", "armnn", "armnn/ours"))
for model in sorted(set(ours) | set(peers)):
    o, p = ours.get(model, {}), peers.get(model, {})
    one = o.get("1")
    def cell(v): return "%.3f" % v if isinstance(v, float) else ("-" if v is None else "n/a")
    def ratio(v): return "%.2fx" % (v / one) if isinstance(v, float) and one else "-"
    print("%-26s %10s %10s %10s %12s %10s %12s" % (model, cell(one), cell(o.get("2")), cell(p.get("litert")),
          ratio(p.get("litert")), cell(p.get("armnn")), ratio(p.get("armnn"))))
print("(milliseconds per inference, median; ratios > 1 mean LiteLab is faster)")
PY
