#!/usr/bin/python3
"""Median single-inference latency of a .tflite model in Arm NN's CpuRef backend (the
reference backend: a correctness floor, not a speed target), for side_by_side.sh.
Usage: armnn_latency.py MODEL.tflite [RUNS]; prints one JSON line."""
import json
import os
import sys
import time

import numpy as np


def main():
    model, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    out = {"runtime": "armnn", "model": os.path.basename(model)}
    try:
        import pyarmnn as ann
        parser = ann.ITfLiteParser()
        net = parser.CreateNetworkFromBinaryFile(model)
        rt = ann.IRuntime(ann.CreationOptions())
        opt, _ = ann.Optimize(net, [ann.BackendId("CpuRef")], rt.GetDeviceSpec(), ann.OptimizerOptions())
        net_id, _ = rt.LoadNetwork(opt)
        names = list(parser.GetSubgraphInputTensorNames(0))
        binfo = [parser.GetNetworkInputBindingInfo(0, n) for n in names]
        arrays = []
        for b in binfo:
            info = b[1]
            shape = [info.GetShape()[i] for i in range(info.GetNumDimensions())]
            dtype = {ann.DataType_Float32: np.float32, ann.DataType_QAsymmS8: np.int8,
                     ann.DataType_QAsymmU8: np.uint8, ann.DataType_Signed32: np.int32}.get(info.GetDataType(), np.float32)
            arrays.append(np.zeros(shape, dtype=dtype))
        outs = [parser.GetNetworkOutputBindingInfo(0, n) for n in parser.GetSubgraphOutputTensorNames(0)]
        inputs = ann.make_input_tensors(binfo, arrays)
        outputs = ann.make_output_tensors(outs)
        rt.EnqueueWorkload(net_id, inputs, outputs)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            rt.EnqueueWorkload(net_id, inputs, outputs)
            times.append((time.perf_counter() - start) * 1e3)
        out.update(median_ms=sorted(times)[len(times) // 2], runs=runs)
    except Exception as e:  # noqa: BLE001 - any refusal is reported, not raised
        out["error"] = "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
        print(json.dumps(out))
        sys.exit(2)
    print(json.dumps(out))


main()
