#!/usr/bin/env bash
# Builds "Förbered din SIP" for the browser into build/web/ (static files), from Debian's
# packages only. `./build-wasm.sh serve` also serves it on http://127.0.0.1:8080, with the headers
# a server should send (build/web/_headers).
# Dependencies are fetched and built once under ~/.cache/sipprep; a second run does no repeated work.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")" && pwd)
DEPS=${SIPPREP_DEPS:-$HOME/.cache/sipprep}
OUT=$ROOT/build/web
WASM_BUILD=$ROOT/build/wasm
PORT=${PORT:-8080}
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten finds acorn there

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED in step "%s": %s\n' "$CURRENT" "$*" >&2; exit 1; }
CURRENT=start
trap 'rc=$?; [ $rc -ne 0 ] && printf "\nFAILED in step \"%s\" (exit code %s); the lines above say why.\n" "$CURRENT" "$rc" >&2' EXIT

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else fail "need root to run: $*"; fi; }

PACKAGES=(emscripten binaryen cmake g++ make python3 nlohmann-json3-dev googletest libgtest-dev libvalijson-dev
          fonts-dejavu-core fonttools glslang-tools clang-format libsodium-dev libfribidi-dev pkg-config age chromium firefox-esr webkit2gtk-driver xvfb matchbox-window-manager dpkg-dev gzip clang libclang-rt-14-dev
          autoconf automake libtool stress-ng
          orca speech-dispatcher speech-dispatcher-espeak-ng espeak-ng xdotool at-spi2-core dbus x11-xkb-utils)  # tests/screenreader

CURRENT="install Debian packages"
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere (NodeSource ships npm inside its nodejs package): ask for the commands.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  step "Debian packages: all present"
fi

CURRENT="fetch Dear ImGui, libsodium and FriBidi sources"
# The Debian source versions: versions.json (CMakeLists.txt reads it too).
source_version() { node -p 'require(process.argv[1]).sources[process.argv[2]]' "$ROOT/versions.json" "$1"; }
IMGUI_VERSION=$(source_version imgui); SODIUM_VERSION=$(source_version libsodium); FRIBIDI_VERSION=$(source_version fribidi)
IMGUI_DIR=$DEPS/src/imgui-$IMGUI_VERSION
SODIUM_SRC=$DEPS/src/libsodium-$SODIUM_VERSION
FRIBIDI_SRC=$DEPS/src/fribidi-$FRIBIDI_VERSION
if [ ! -f "$IMGUI_DIR/imgui.cpp" ] || [ ! -f "$SODIUM_SRC/configure.ac" ] || [ ! -f "$FRIBIDI_SRC/configure.ac" ]; then
  step "Fetching sources with apt-get source imgui libsodium fribidi (into $DEPS/src)"
  SOURCES=/etc/apt/sources.list.d/debian.sources
  if [ -f "$SOURCES" ] && ! grep -q '^Types:.*deb-src' "$SOURCES"; then
    as_root sed -i 's/^Types: deb$/Types: deb deb-src/' "$SOURCES"
  elif [ ! -f "$SOURCES" ] && ! grep -rqs '^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    fail "no deb-src entries found; add 'Types: deb deb-src' to your apt sources"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  mkdir -p "$DEPS/src"
  for pkg in imgui libsodium fribidi; do
    case $pkg in imgui) dir=$IMGUI_DIR ;; libsodium) dir=$SODIUM_SRC ;; fribidi) dir=$FRIBIDI_SRC ;; esac
    [ -d "$dir" ] || (cd "$DEPS/src" && apt-get source -q "$pkg" >/dev/null)
  done
  for dir in "$IMGUI_DIR/imgui.cpp" "$SODIUM_SRC/configure.ac" "$FRIBIDI_SRC/configure.ac"; do
    [ -f "$dir" ] || fail "$(dirname "$dir") not found after apt-get source (Debian's version is not the one versions.json names?)"
  done
else
  step "Dear ImGui, libsodium and FriBidi sources: present in $DEPS/src"
fi

# Builds a library from its Debian source folder ($2) for WebAssembly into $DEPS/$1, static, once
# per $3 (version and flags: a change rebuilds it). $4: the folder make installs from; the rest
# are configure's options. Debian's sources have no configure for a wasm host: autoreconf makes
# it, without fetching newer config.sub (libsodium's autogen.sh would download them).
# Returns 0 when it built the library (the module using it must be linked again).
build_wasm_library() {
  local name=$1 src=$2 stamp=$3 make_dir=$4
  shift 4
  if [ -f "$DEPS/$name/lib/lib$name.a" ] && [ "$(cat "$DEPS/$name/.build-flags" 2>/dev/null)" = "$stamp" ]; then
    step "$name for WebAssembly: built in $DEPS/$name"
    return 1
  fi
  step "Building $name as a static WebAssembly library (a few minutes, once)"
  rm -rf "$DEPS/$name-build" "$DEPS/$name"
  cp -r "$src" "$DEPS/$name-build"
  (cd "$DEPS/$name-build" && autoreconf -if >/dev/null 2>&1 &&
    emconfigure ./configure --host=wasm32-unknown-emscripten --disable-shared --prefix="$DEPS/$name" "$@" >/dev/null &&
    emmake make -C "$make_dir" -j"$(nproc)" install >/dev/null) || fail "building $name for WebAssembly failed"
  echo "$stamp" > "$DEPS/$name/.build-flags"
  rm -rf "$DEPS/$name-build"
}

CURRENT="build libsodium for WebAssembly"
# For the passphrase module only (age v1: scrypt, ChaCha20-Poly1305, HMAC-SHA-256). -O3:
# scrypt's speed is the unlock time.
if build_wasm_library sodium "$SODIUM_SRC" "$SODIUM_VERSION -O3 -DNDEBUG --disable-asm" . \
    --without-pthreads --disable-ssp --disable-asm --disable-pie "CFLAGS=-O3 -DNDEBUG"; then
  rm -f "$WASM_BUILD/sipprep-age.js"  # relink against the new library
fi

CURRENT="build FriBidi for WebAssembly"
# Right-to-left text (the bidirectional algorithm, Arabic shaping) in the bidi module, which the
# page loads only when such text is drawn.
if build_wasm_library fribidi "$FRIBIDI_SRC" "$FRIBIDI_VERSION -Oz -DNDEBUG" lib --enable-static "CFLAGS=-Oz -DNDEBUG"; then
  rm -f "$WASM_BUILD/sipprep-bidi.wasm"
fi

CURRENT="build the app"
step "Building the app (emcmake cmake, -Oz)"
if [ ! -f "$WASM_BUILD/CMakeCache.txt" ]; then
  emcmake cmake -S "$ROOT" -B "$WASM_BUILD" -DCMAKE_BUILD_TYPE=MinSizeRel -DSIPPREP_DEPS="$DEPS" >/dev/null
fi
cmake --build "$WASM_BUILD" -j"$(nproc)"

CURRENT="install the web build tool (npm terser, rollup)"
TOOL=$ROOT/tools/build-web
if ! (cd "$TOOL" && npm ls --silent >/dev/null 2>&1); then
  step "npm ci in tools/build-web"
  (cd "$TOOL" && npm ci --no-audit --no-fund >/dev/null)
fi

CURRENT="assemble build/web (tools/build-web)"
# The font subsets, wasm-opt, the page's modules as one script, minified JS, index.html with
# its policy's hashes, the server headers and the service worker's list; then the sizes.
node "$TOOL/build-web.mjs" "$WASM_BUILD" "$OUT"

trap - EXIT
if [ "${1:-}" = serve ]; then
  CURRENT="serve"
  step "Serving on http://127.0.0.1:$PORT (Ctrl+C stops)"
  exec python3 "$ROOT/tools/serve.py" "$OUT" "$PORT"  # with the headers in build/web/_headers
fi
