#!/usr/bin/env bash
# Installs every build and test dependency of LiteLab from Debian 12 packages.
# Idempotent and non-interactive: packages already installed are skipped.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-14 clang-format clang-tidy
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  libgl-dev libvulkan-dev
  libflatbuffers-dev flatbuffers-compiler flatbuffers-compiler-dev
  libeigen3-dev
  libprotobuf-dev protobuf-compiler libonnx-dev libonnx-testdata
  libhdf5-dev
  libzip-dev libstb-dev nlohmann-json3-dev libgemmlowp-dev libfp16-dev libpng-dev libsndfile1-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth fonts-noto-cjk
  python3-numpy python3-h5py
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
