// Median single-inference latency of a .tflite model in LiteRT.js (WASM, XNNPACK, one thread),
// for bench/peers/side_by_side.sh. Usage: node litert_latency.mjs MODEL.tflite [RUNS]
// Must run from the oracle cache directory (it imports ./litert_node.mjs from there).
// Prints one line: {"runtime":"litert","model":...,"median_ms":...,"runs":...} or {"error":...}.
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const [modelPath, runsText] = process.argv.slice(2);
const runs = Number(runsText || 20);
const cache = process.env.LITELAB_ORACLE_CACHE || '/tmp/litelab-oracles';
const quiet = () => {};
console.info = quiet; console.warn = quiet; console.debug = quiet;
const print = console.log.bind(console);
console.log = quiet; console.error = quiet;

const ARRAYS = {float32: Float32Array, int32: Int32Array, uint8: Uint8Array, int8: Int8Array, int16: Int16Array};
try {
  const {loadAndCompile, Tensor} = await import(pathToFileURL(path.join(cache, 'litert_node.mjs')).href);
  const model = await loadAndCompile(new Uint8Array(fs.readFileSync(modelPath)), {accelerator: 'wasm'});
  const inputs = model.getInputDetails().map((d) => {
    const shape = Array.from(d.shape).map((x) => (x < 0 ? 1 : x));
    const Arr = ARRAYS[d.dtype];
    if (!Arr) throw new Error(`input dtype ${d.dtype}`);
    const data = new Arr(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; ++i) data[i] = d.dtype === 'float32' ? Math.sin(i) : (i * 7) % 100;
    return new Tensor(data, shape);
  });
  await model.run(inputs);  // warm-up
  const times = [];
  for (let r = 0; r < runs; ++r) {
    const start = process.hrtime.bigint();
    const outs = await model.run(inputs);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    for (const o of outs) o.delete?.();
  }
  times.sort((a, b) => a - b);
  print(JSON.stringify({runtime: 'litert', model: path.basename(modelPath), median_ms: times[times.length >> 1], runs}));
} catch (e) {
  print(JSON.stringify({runtime: 'litert', model: path.basename(modelPath), error: String(e && e.message || e)}));
  process.exit(2);
}
