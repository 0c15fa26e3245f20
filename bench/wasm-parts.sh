#!/usr/bin/env bash
# What each part of the app's WebAssembly costs in the download (after ./build-wasm.sh):
# links the app once more with its function names kept, optimises it the way the build does,
# and prints the parts, the largest functions and the largest template families.
#   bench/wasm-parts.sh [--top 40]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/build/wasm
export NODE_PATH=/usr/share/nodejs
[ -f "$BUILD/CMakeCache.txt" ] || { echo "run ./build-wasm.sh first" >&2; exit 1; }
cmake --build "$BUILD" --target sipprep_web_names -j"$(nproc)" >/dev/null
# As the build does, with the names kept.
node "$ROOT/tools/build-web/wasm-opt.mjs" "$BUILD/sipprep-names.wasm" "$BUILD/sipprep-names.opt.wasm" --keep-names
python3 "$ROOT/bench/wasm_parts.py" "$BUILD/sipprep-names.opt.wasm" "$@"
