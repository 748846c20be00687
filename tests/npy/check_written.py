#!/usr/bin/env python3
"""Checks that NumPy reads what LiteLab wrote as LiteLab meant it.

Usage: check_written.py DIR

DIR/manifest.json (written by the C++ test) lists
  "npy": [{"file", "dtype", "shape", "values"}]
  "npz": [{"file", "compressed", "members": [{"name", "dtype", "shape", "values"}]}]
with arrays spelled as in write_cases.py (LiteLab's dtype names; float values as IEEE bits).
Prints every mismatch and exits 1 if there is any.
"""
import json
import os
import sys
import zipfile

import numpy as np

from write_cases import LITELAB_NAMES, flat_values

NUMPY_DTYPES = {name: np.dtype(code) for code, name in LITELAB_NAMES.items()}


def check_array(where, array, expected, problems):
    if expected["dtype"] == "STRING":
        if array.dtype.kind != "U":
            problems.append("%s: dtype %s, expected a unicode array" % (where, array.dtype))
            return
    elif array.dtype != NUMPY_DTYPES[expected["dtype"]]:
        problems.append("%s: dtype %s, expected %s" % (where, array.dtype, NUMPY_DTYPES[expected["dtype"]]))
        return
    if list(array.shape) != expected["shape"]:
        problems.append("%s: shape %s, expected %s" % (where, array.shape, expected["shape"]))
        return
    values = flat_values(array)
    if values != expected["values"]:
        problems.append("%s: values %r, expected %r" % (where, values[:20], expected["values"][:20]))


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    checked = 0

    for entry in manifest["npy"]:
        path = os.path.join(folder, entry["file"])
        check_array(entry["file"], np.load(path, allow_pickle=False), entry, problems)
        checked += 1

    for entry in manifest["npz"]:
        path = os.path.join(folder, entry["file"])
        names = [m["name"] for m in entry["members"]]
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None:
                problems.append("%s: a member fails its CRC" % entry["file"])
            if archive.namelist() != [n + ".npy" for n in names]:
                problems.append("%s: members %s, expected %s" % (entry["file"], archive.namelist(), names))
            method = zipfile.ZIP_DEFLATED if entry["compressed"] else zipfile.ZIP_STORED
            if any(info.compress_type != method for info in archive.infolist()):
                problems.append("%s: members not all stored with method %d" % (entry["file"], method))
        with np.load(path, allow_pickle=False) as loaded:
            if list(loaded.keys()) != names:
                problems.append("%s: np.load keys %s, expected %s" % (entry["file"], list(loaded.keys()), names))
            for member in entry["members"]:
                check_array("%s[%s]" % (entry["file"], member["name"]), loaded[member["name"]], member, problems)
                checked += 1

    for problem in problems:
        print(problem)
    print("checked %d arrays, %d problems" % (checked, len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
