#!/usr/bin/env bash
# What the example make scripts need beyond LiteLab's own setup: Debian's PyTorch, scikit-learn,
# SciPy, h5py and espeak-ng. The build and the tests never need these.
set -euo pipefail
packages=(python3-torch python3-sklearn python3-scipy python3-h5py python3-numpy espeak-ng)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"
