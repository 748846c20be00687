#!/usr/bin/python3
"""Writes the Keras Conv1D model of issue #4's conversion benchmark (about 3.6 MB of weights).

  make_keras_conv1d.py OUT.h5

A keyword-spotting style 1-D CNN over 98 frames of 40 features: five Conv1D blocks with batch
norm and ReLU, pooling, and a dense head; Keras 2's HDF5 layout written by the test generator's
own writer (tests/import/keras_cases.py), with seeded random weights.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "import"))
import keras_cases as kc  # noqa: E402


def model():
    kc.reset_rng("bench_conv1d")
    layers = [kc.inp("mfcc", [98, 40])]
    channels = 40
    for i, (filters, k) in enumerate([(128, 5), (256, 5), (256, 3), (320, 3), (288, 3)]):
        layers.append(kc.conv(f"conv{i}", "Conv1D", filters, k, channels, padding="same"))
        layers.append(kc.batch_norm(f"bn{i}", filters))
        layers.append(kc.simple("Activation", f"relu{i}", activation="relu"))
        if i % 2 == 1:
            layers.append(kc.simple("MaxPooling1D", f"pool{i}", pool_size=[2], strides=[2], padding="valid",
                                    data_format="channels_last"))
        channels = filters
    layers.append(kc.simple("GlobalAveragePooling1D", "gap", data_format="channels_last"))
    layers.append(kc.simple("Dropout", "drop", rate=0.3))
    layers.append(kc.dense("logits", 12, channels, activation="softmax"))
    return kc.seq("kws_conv1d", layers)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    kc.write_h5(sys.argv[1], model())
