#!/usr/bin/env python3
"""Writes .npy/.npz files with NumPy, plus manifest.json saying what NumPy sees in each.

Usage: write_cases.py OUT_DIR

The C++ tests read every file with LiteLab and compare with the manifest, so the expected values
come from NumPy, not from LiteLab's own code. In the manifest each array is
  {"dtype": LiteLab's name, "shape": [...], "values": [...] (C order)}
where values are ints for integer types, 0/1 for bool, UTF-8 strings for unicode arrays, and for
floating types the IEEE bits as unsigned ints (half floats as their uint16 bits), so that NaN,
infinities and -0.0 compare exactly. A large array gives "crc32" of its little-endian C-order
bytes and a few "samples" ({"index": flat C index, "value": ...}) instead of all values.
"""
import datetime
import json
import os
import sys
import zipfile
import zlib

import numpy as np
from numpy.lib import format as npformat

LITELAB_NAMES = {
    "f2": "FLOAT16", "f4": "FLOAT32", "f8": "FLOAT64",
    "i1": "INT8", "u1": "UINT8", "i2": "INT16", "u2": "UINT16",
    "i4": "INT32", "u4": "UINT32", "i8": "INT64", "u8": "UINT64",
    "b1": "BOOL",
}


def litelab_dtype(dtype):
    if dtype.kind == "U":
        return "STRING"
    return LITELAB_NAMES[dtype.str[1:]]


def flat_values(array):
    """The elements in C order, as the manifest spells them."""
    flat = np.ascontiguousarray(array).reshape(-1)
    kind = array.dtype.kind
    if kind == "f":
        bits = flat.astype(array.dtype.newbyteorder("=")).view("u%d" % array.dtype.itemsize)
        return [int(b) for b in bits]
    if kind == "b":
        return [int(bool(v)) for v in flat]
    if kind in "iu":
        return [int(v) for v in flat]
    if kind == "U":
        return [str(v) for v in flat]
    raise ValueError("no manifest form for %s" % array.dtype)


def describe(array):
    return {"dtype": litelab_dtype(array.dtype), "shape": list(array.shape), "values": flat_values(array)}


def edge_values(code):
    """Eight values of a dtype that reach its limits."""
    dtype = np.dtype(code)
    if dtype.kind == "f":
        info = np.finfo(dtype)
        subnormal = np.nextafter(dtype.type(0), dtype.type(1))
        return np.array([-0.0, 1.5, np.inf, -np.inf, np.nan, subnormal, info.max, -info.tiny], dtype=dtype)
    if dtype.kind == "b":
        return np.array([True, False, True, True, False, False, False, True], dtype=dtype)
    info = np.iinfo(dtype)
    return np.array([info.min, info.max, 0, 1, info.max // 3, (info.min + info.max) // 2, info.min + 1, 2],
                    dtype=dtype)


def npy_bytes(array):
    import io
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def main():
    out = sys.argv[1]
    manifest = {"npy": [], "npz": [], "bad": {}}

    def save_npy(name, array, what, version=None, expect=None):
        path = os.path.join(out, name)
        with open(path, "wb") as f:
            npformat.write_array(f, array, version=version, allow_pickle=False)
        loaded = np.load(path)  # what NumPy itself reads back is what the manifest states
        assert loaded.dtype == array.dtype and loaded.shape == array.shape
        entry = describe(loaded)
        entry.update(file=name, what=what)
        with open(path, "rb") as f:
            version = npformat.read_magic(f)
            entry["version"] = list(version)
            entry["fortran_order"] = npformat._read_array_header(f, version)[1]
        if expect is not None:
            assert (entry["version"], entry["fortran_order"]) == expect, (name, entry["version"], entry["fortran_order"])
        manifest["npy"].append(entry)

    # Every dtype in both byte orders (1-byte types have one order, '|').
    for code in ["f2", "f4", "f8", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "b1"]:
        for order in "<>":
            dtype = np.dtype(order + code)
            if dtype.itemsize == 1 and order == ">":
                continue
            array = edge_values(code).astype(dtype).reshape(2, 4)
            tag = "be" if order == ">" else ("le" if dtype.itemsize > 1 else "na")
            save_npy("%s_%s.npy" % (code, tag), array, dtype.str + " 2x4")

    # Format versions: 1.0 and 2.0 with latin-1 headers, 3.0 with a UTF-8 header.
    save_npy("version1.npy", np.arange(12, dtype="<f4").reshape(3, 4) / 8, "version 1.0", (1, 0), ([1, 0], False))
    save_npy("version2.npy", np.arange(-5, 5, dtype=">i2"), "version 2.0", (2, 0), ([2, 0], False))
    save_npy("version3.npy", np.array(["ab", "ü€"], dtype="<U2"), "version 3.0", (3, 0), ([3, 0], False))

    # Fortran order: NumPy keeps F-contiguous arrays as they are and says so in the header.
    save_npy("fortran_2d.npy", np.asfortranarray(np.arange(6, dtype="<i4").reshape(2, 3)), "fortran 2-D",
             expect=([1, 0], True))
    save_npy("fortran_3d.npy", np.asfortranarray((np.arange(24, dtype=">f8") - 11.5).reshape(2, 3, 4)), "fortran 3-D",
             expect=([1, 0], True))
    save_npy("fortran_4d_u2.npy", np.asfortranarray(np.arange(2 * 3 * 2 * 5, dtype=">u2").reshape(2, 3, 2, 5)),
             "fortran 4-D", expect=([1, 0], True))
    save_npy("fortran_bool.npy", np.asfortranarray(np.arange(12).reshape(3, 4) % 3 == 0), "fortran bool",
             expect=([1, 0], True))
    save_npy("fortran_strings.npy", np.asfortranarray(np.array([["a", "bb", "ccc"], ["Ω", "", "🌍🌍"]], dtype=">U3")),
             "fortran strings", expect=([1, 0], True))

    # 0-d and empty arrays.
    save_npy("scalar_f8.npy", np.array(3.25, dtype="<f8"), "0-d float64")
    save_npy("scalar_i2_be.npy", np.array(-7, dtype=">i2"), "0-d int16 big-endian")
    save_npy("scalar_bool.npy", np.array(True), "0-d bool")
    save_npy("empty_f4.npy", np.zeros((0,), dtype="<f4"), "empty 1-D")
    save_npy("empty_3d_i8.npy", np.zeros((2, 0, 3), dtype=">i8"), "empty 3-D")
    save_npy("empty_strings.npy", np.zeros((0, 2), dtype="<U4"), "empty strings")

    # Unicode: a 0-d string with non-ASCII text, and a big-endian 2-D array.
    save_npy("string_0d.npy", np.array("Grüße, 世界 🌍 — ok"), "0-d <U string")
    save_npy("strings_be.npy", np.array([["short", "", "Ωμέγα"], ["🌍x", "a longer string", "z"]]).astype(">U16"),
             "2-D >U strings")

    # .npz archives: stored (np.savez, with ZIP64 extra fields) and deflated.
    def save_npz(name, saver, *args, **kwds):
        path = os.path.join(out, name)
        saver(path, *args, **kwds)
        members = []
        with zipfile.ZipFile(path) as archive, np.load(path) as loaded:
            for member in archive.namelist():  # archive order, as LiteLab must return it
                key = member[:-4] if member.endswith(".npy") else member
                entry = describe(loaded[key])
                entry["name"] = key
                members.append(entry)
            methods = sorted({info.compress_type for info in archive.infolist()})
        manifest["npz"].append({"file": name, "members": members, "methods": methods})

    weights = (np.arange(12, dtype="<f4").reshape(3, 4) - 6) / 4
    save_npz("several.npz", np.savez, np.array([1, 2, 3], dtype=">i4"), weights=weights,
             bias=np.array([0.5, -0.5], dtype=">f8"), labels=np.array(["cat", "dög", "🐟"]), scale=np.array(2.0, "<f2"),
             flags=np.array([True, False]))
    save_npz("compressed.npz", np.savez_compressed, zeta=np.zeros((4, 5), dtype="<u2"), alpha=weights,
             mid=np.asfortranarray(np.arange(6, dtype=">i8").reshape(2, 3)), empty=np.zeros((0, 3), "<f4"))
    save_npz("empty.npz", np.savez)

    # A big-ish compressed array: checked through a CRC of its bytes and a few samples.
    big = np.sin(np.arange(1_000_000, dtype=np.float64) / 100).astype("<f4").reshape(1000, 1000)
    counter = (np.arange(300_000, dtype="<i8") * 7919) % 1_000_003
    path = os.path.join(out, "big.npz")
    np.savez_compressed(path, big=big, counter=counter)
    with np.load(path) as loaded:
        manifest["big"] = {"file": "big.npz", "members": []}
        for key in ["big", "counter"]:
            array = loaded[key]
            flat = array.reshape(-1)
            samples = [0, 1, 4999, flat.size // 2, flat.size - 1]
            manifest["big"]["members"].append({
                "name": key, "dtype": litelab_dtype(array.dtype), "shape": list(array.shape),
                "crc32": zlib.crc32(np.ascontiguousarray(array.astype(array.dtype.newbyteorder("<"))).tobytes()),
                "samples": [{"index": i, "value": flat_values(flat[i:i + 1])[0]} for i in samples],
            })

    # Files LiteLab must refuse, naming the dtype.
    def save_bad(name, array, dtype_text):
        path = os.path.join(out, name)
        np.save(path, array, allow_pickle=True)
        manifest["bad"][name] = dtype_text

    save_bad("object.npy", np.array([1, "two", None], dtype=object), "|O")
    save_bad("complex.npy", np.array([1 + 2j], dtype="<c16"), "<c16")
    save_bad("datetime.npy", np.array([datetime.datetime(2024, 1, 2)], dtype="datetime64[s]"), "<M8[s]")
    save_bad("structured.npy", np.zeros(2, dtype=[("x", "<f4"), ("y", "<i2")]), "structured")
    # A well-formed zip whose member is not a .npy file.
    with zipfile.ZipFile(os.path.join(out, "not_npy_member.npz"), "w") as archive:
        archive.writestr("good.npy", npy_bytes(np.arange(3, dtype="<i4")))
        archive.writestr("x.npy", b"not an array at all")

    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
