#!/usr/bin/env bash
# Sets up, builds (release) and runs LiteLab's main job on the bundled default, the wakeword
# example (resources/examples/wakeword, a Keras .h5): converted to .tflite, then shown in the
# GUI when a display is present, otherwise as the Analyzer-style dump on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release

build=build/release
model="$build/wakeword.tflite"
"$build/app/litelab" convert resources/examples/wakeword/wakeword.h5 -o "$model"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$build/app/litelab-gui" "$model"
fi
exec "$build/app/litelab" inspect "$model"
