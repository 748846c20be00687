#!/usr/bin/python3
"""Trains and exports LiteLab's `digits` example (resources/examples/digits/).

  make_digits.py OUT_DIR

A small CNN on the 8x8 handwritten digits shipped with scikit-learn (1,797 images of 0-9, pixel
values 0-16, scaled to [0, 1]), trained with PyTorch on the CPU and exported to ONNX with a
dynamic batch. Deterministic: fixed seeds, one thread. Writes digits.onnx, test.npz (x: float32
[N, 1, 8, 8] in the ONNX model's layout, y: int64 labels), calib.npz (x: 200 training images for
post-training quantization), labels.txt and metrics.json (the float accuracy on the test split).
Needs Debian's python3-torch, python3-sklearn and python3-numpy (install_deps.sh installs them).
"""
import json
import os
import sys

import numpy as np
import torch
from sklearn.datasets import load_digits
from torch import nn

SEED = 20261207


class DigitsNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(),
            nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(0.2), nn.Linear(32 * 2 * 2, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


def split(n, rng):
    order = rng.permutation(n)
    test = order[:360]
    train = order[360:]
    return train, test


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    out = argv[0]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    rng = np.random.default_rng(SEED)

    digits = load_digits()
    x = (digits.images / 16.0).astype(np.float32)[:, None, :, :]
    y = digits.target.astype(np.int64)
    train, test = split(len(y), rng)
    calib = rng.choice(train, 200, replace=False)

    model = DigitsNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    xt, yt = torch.from_numpy(x[train]), torch.from_numpy(y[train])
    for epoch in range(40):
        model.train()
        order = torch.from_numpy(rng.permutation(len(train)))
        for start in range(0, len(train), 32):
            batch = order[start:start + 32]
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xt[batch]), yt[batch])
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(x[test])).numpy()
    accuracy = float((logits.argmax(axis=1) == y[test]).mean())
    print(f"digits: float test accuracy {accuracy:.4f} on {len(test)} images")

    torch.onnx.export(model, torch.from_numpy(x[:1]), os.path.join(out, "digits.onnx"), input_names=["x"],
                      output_names=["logits"], dynamic_axes={"x": {0: "batch"}, "logits": {0: "batch"}},
                      opset_version=13, do_constant_folding=True)
    np.savez_compressed(os.path.join(out, "test.npz"), x=x[test], y=y[test])
    np.savez_compressed(os.path.join(out, "calib.npz"), x=x[calib])
    with open(os.path.join(out, "labels.txt"), "w") as f:
        f.write("".join(f"{d}\n" for d in range(10)))
    with open(os.path.join(out, "metrics.json"), "w") as f:
        json.dump({"float_test_accuracy": accuracy, "test_images": int(len(test)), "seed": SEED,
                   "torch": torch.__version__}, f, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
