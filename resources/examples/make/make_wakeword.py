#!/usr/bin/python3
"""Synthesises, featurises, trains and exports LiteLab's `wakeword` example.

  make_wakeword.py LITELAB_BINARY OUT_DIR

Data: speech from Debian's espeak-ng in many voices, speeds and pitches: the wake phrase "hey
lite lab" (class 1, "wake") against other words and phrases, some of them close to it, and
background noise alone (class 0, "other"). Each utterance is resampled to 16 kHz, placed at a
random offset in a one-second clip (time-shift augmentation) and mixed with noise at a random
signal-to-noise ratio. Features: `litelab featurize` (MFCC, [50, 13, 1] per clip; docs/features.md),
so users featurise their own recordings identically.

Model: the keyword-spotting CNN shipped to microcontrollers, Conv2D(32, 3x3, relu) ->
MaxPooling2D(2x2) -> Conv2D(64, 3x3, relu) -> MaxPooling2D(2x2) -> Flatten (704) ->
Dense(2, softmax), trained with PyTorch on the CPU in Keras' NHWC layout and written as a
Keras 2 HDF5 file with h5py (model_config, keras_version, backend, model_weights/<layer>/<layer>/
kernel:0 with layer_names and weight_names), as tf.keras 2.13's model.save("x.h5") writes it.

Writes wakeword.h5, test.npz (x: float32 [N, 50, 13, 1], y: int64), calib.npz (x), labels.txt
and metrics.json. Deterministic (fixed seeds, one thread). Not run by CI.
"""
import json
import os
import subprocess
import sys
import tempfile
import wave

import h5py
import numpy as np
import torch
from scipy.signal import resample_poly
from torch import nn

SEED = 7_2026
RATE = 16000
WAKE = "hey lite lab"
OTHERS = [
    "hey", "hello", "hey there", "hi lab", "light", "late", "lab", "lap top", "hey lady", "lite", "lazy lab",
    "table", "label", "little", "later", "hey light", "play music", "stop", "go", "yes", "no", "left", "right",
    "up", "down", "on", "off", "okay computer", "what time is it", "turn on the lights", "hey siri",
    "alexa", "computer", "lemonade", "lavender", "hay bale", "eight", "lemon lab", "daylight", "hey hey",
    "let it be", "right away", "good morning", "see you later", "elevator", "holiday", "lightweight",
]
VOICES = ["en", "en-us", "en-gb-x-rp", "en-gb-scotland", "en-029", "en-gb-x-gbclan", "en-gb-x-gbcwmd"]
VARIANTS = ["", "+m1", "+m2", "+m3", "+m4", "+m5", "+f1", "+f2", "+f3", "+f4", "+croak", "+klatt"]


def speak(text, voice, speed, pitch, path):
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-w", path, text],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with wave.open(path, "rb") as w:
        rate = w.getframerate()
        audio = np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float64) / 32768.0
    g = np.gcd(rate, RATE)
    audio = resample_poly(audio, RATE // g, rate // g)
    loud = np.flatnonzero(np.abs(audio) > 0.02)
    return audio[loud[0]:loud[-1] + 1] if loud.size else audio


def noise(rng, n):
    kind = rng.integers(4)
    white = rng.standard_normal(n)
    if kind == 0:
        return white
    if kind == 1:  # pink-ish: integrated white noise, high-passed
        x = np.cumsum(white)
        return np.diff(np.concatenate([[0.0], x])) * 0.3 + (x - np.convolve(x, np.ones(400) / 400, "same")) * 0.05
    if kind == 2:  # mains hum and harmonics
        t = np.arange(n) / RATE
        return sum(np.sin(2 * np.pi * 50 * h * t + rng.uniform(0, 6.3)) / h for h in (1, 2, 3, 5)) + 0.1 * white
    # babble-like: band-limited noise bursts
    env = np.repeat(rng.uniform(0.2, 1.0, n // 800 + 1), 800)[:n]
    return np.convolve(white, np.hanning(12), "same") * env


def clip(rng, speech):
    out = np.zeros(RATE)
    if speech is not None:
        speech = speech[:RATE]
        start = rng.integers(0, RATE - len(speech) + 1)
        out[start:start + len(speech)] = speech / max(np.abs(speech).max(), 1e-6) * rng.uniform(0.3, 0.9)
    n = noise(rng, RATE)
    n /= max(np.abs(n).max(), 1e-6)
    if speech is None:
        return n * rng.uniform(0.05, 0.8)
    snr_db = rng.uniform(5, 30)
    gain = np.sqrt(np.mean(out ** 2) / max(np.mean(n ** 2), 1e-12) / 10 ** (snr_db / 10))
    return out + n * gain


def write_wav(path, data):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(np.round(np.clip(data, -1, 1 - 1e-9) * 32767).astype("<i2").tobytes())


def synthesise(rng, work):
    """(wav paths, labels): 700 wake phrases, 700 other utterances, 300 noise clips."""
    paths, labels = [], []
    plan = [(WAKE, 1)] * 700 + [(None, 0)] * 700 + [("", 0)] * 300
    for i, (text, label) in enumerate(plan):
        if text is None:
            text = OTHERS[rng.integers(len(OTHERS))]
        speech = None
        if text:
            voice = VOICES[rng.integers(len(VOICES))] + VARIANTS[rng.integers(len(VARIANTS))]
            speed, pitch = int(rng.integers(120, 200)), int(rng.integers(20, 80))
            speech = speak(text, voice, speed, pitch, os.path.join(work, "tts.wav"))
        path = os.path.join(work, f"clip{i:05d}.wav")
        write_wav(path, clip(rng, speech))
        paths.append(path)
        labels.append(label)
    return paths, np.array(labels, np.int64)


class WakewordNet(nn.Module):
    """Keras' layer order on NHWC input; convolutions run in NCHW inside."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 32, 3)
        self.conv_1 = nn.Conv2d(32, 64, 3)
        self.dense = nn.Linear(704, 2)

    def forward(self, x):  # x: [N, 50, 13, 1]
        x = x.permute(0, 3, 1, 2)
        x = nn.functional.max_pool2d(torch.relu(self.conv(x)), 2)
        x = nn.functional.max_pool2d(torch.relu(self.conv_1(x)), 2)
        return self.dense(x.permute(0, 2, 3, 1).flatten(1))  # Keras flattens NHWC


def keras_config(name, cls, config):
    return {"class_name": cls, "config": dict({"name": name, "trainable": True, "dtype": "float32"}, **config)}


def conv_config(name, filters, first=False):
    c = {"filters": filters, "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
         "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1, "activation": "relu",
         "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
         "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
         "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}
    if first:
        c["batch_input_shape"] = [None, 50, 13, 1]
    return keras_config(name, "Conv2D", c)


def pool_config(name):
    return keras_config(name, "MaxPooling2D", {"pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
                                               "data_format": "channels_last"})


def write_keras_h5(path, model):
    """The layout of tf.keras 2.13's model.save('x.h5') for this Sequential model."""
    layers = [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 50, 13, 1], "dtype": "float32",
                                                "sparse": False, "ragged": False, "name": "conv2d_input"}},
        conv_config("conv2d", 32, first=True), pool_config("max_pooling2d"), conv_config("conv2d_1", 64),
        pool_config("max_pooling2d_1"), keras_config("flatten", "Flatten", {"data_format": "channels_last"}),
        keras_config("dense", "Dense", {"units": 2, "activation": "softmax", "use_bias": True,
                                        "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
                                        "bias_initializer": {"class_name": "Zeros", "config": {}},
                                        "kernel_regularizer": None, "bias_regularizer": None,
                                        "activity_regularizer": None, "kernel_constraint": None,
                                        "bias_constraint": None})]
    config = {"class_name": "Sequential", "config": {"name": "wakeword", "layers": layers}}
    weights = {
        "conv2d": [("kernel:0", model.conv.weight.detach().numpy().transpose(2, 3, 1, 0)),
                   ("bias:0", model.conv.bias.detach().numpy())],
        "conv2d_1": [("kernel:0", model.conv_1.weight.detach().numpy().transpose(2, 3, 1, 0)),
                     ("bias:0", model.conv_1.bias.detach().numpy())],
        "dense": [("kernel:0", model.dense.weight.detach().numpy().T), ("bias:0", model.dense.bias.detach().numpy())],
    }
    with h5py.File(path, "w") as f:
        # tf.keras stores the metadata strings as str (variable-length UTF-8 in HDF5) and the
        # model config, and everything under model_weights, as UTF-8 bytes.
        f.attrs["backend"] = "tensorflow"
        f.attrs["keras_version"] = "2.13.1"
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
        g = f.create_group("model_weights")
        names = ["conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten", "dense"]
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = b"2.13.1"
        g.attrs["layer_names"] = np.array([n.encode() for n in names])
        for name in names:
            group = g.create_group(name)
            entries = weights.get(name, [])
            group.attrs["weight_names"] = np.array([f"{name}/{w}".encode() for w, _ in entries])
            for w, value in entries:
                group.create_dataset(f"{name}/{w}", data=value.astype(np.float32))


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    litelab, out = argv
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as work:
        paths, y = synthesise(rng, work)
        features = os.path.join(work, "features.npz")
        subprocess.run([litelab, "featurize", *paths, "-o", features], check=True)
        x = np.load(features)["x"].astype(np.float32)
    order = rng.permutation(len(y))
    test, train = order[:340], order[340:]
    calib = rng.choice(train, 200, replace=False)

    model = WakewordNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    xt, yt = torch.from_numpy(x[train]), torch.from_numpy(y[train])
    for epoch in range(30):
        model.train()
        perm = torch.from_numpy(rng.permutation(len(train)))
        for start in range(0, len(train), 32):
            batch = perm[start:start + 32]
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(xt[batch]), yt[batch]).backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(torch.from_numpy(x[test])), dim=1).numpy()
    accuracy = float((probabilities.argmax(axis=1) == y[test]).mean())
    print(f"wakeword: float test accuracy {accuracy:.4f} on {len(test)} clips")

    write_keras_h5(os.path.join(out, "wakeword.h5"), model)
    np.savez_compressed(os.path.join(out, "test.npz"), x=x[test], y=y[test])
    np.savez_compressed(os.path.join(out, "calib.npz"), x=x[calib])
    with open(os.path.join(out, "labels.txt"), "w") as f:
        f.write("other\nwake\n")
    with open(os.path.join(out, "metrics.json"), "w") as f:
        json.dump({"float_test_accuracy": accuracy, "test_clips": int(len(test)), "seed": SEED,
                   "torch": torch.__version__, "wake_phrase": WAKE}, f, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
