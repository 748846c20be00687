#!/usr/bin/env bash
# Rebuilds both bundled examples from scratch: installs the make scripts' Debian packages,
# builds the litelab CLI (its `featurize` computes the wakeword features), then runs
# make_wakeword.py and make_digits.py into resources/examples/. Deterministic; not run by CI.
#   bash resources/examples/make/make_all.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"

bash "$here/install_deps.sh"
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target litelab
/usr/bin/python3 "$here/make_wakeword.py" build/release/app/litelab resources/examples/wakeword
/usr/bin/python3 "$here/make_digits.py" resources/examples/digits
echo "examples rebuilt; check git diff and update the READMEs' accuracies if they moved"
