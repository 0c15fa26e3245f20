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
IMGUI_DIR=$DEPS/src/imgui-1.86+ds
SODIUM_SRC=$DEPS/src/libsodium-1.0.18
FRIBIDI_SRC=$DEPS/src/fribidi-1.0.8
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
  [ -f "$IMGUI_DIR/imgui.cpp" ] || fail "Dear ImGui 1.86 source not found in $DEPS/src after apt-get source"
  [ -f "$SODIUM_SRC/configure.ac" ] || fail "libsodium 1.0.18 source not found in $DEPS/src after apt-get source"
  [ -f "$FRIBIDI_SRC/configure.ac" ] || fail "FriBidi 1.0.8 source not found in $DEPS/src after apt-get source"
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
if build_wasm_library sodium "$SODIUM_SRC" "1.0.18 -O3 -DNDEBUG --disable-asm" . \
    --without-pthreads --disable-ssp --disable-asm --disable-pie "CFLAGS=-O3 -DNDEBUG"; then
  rm -f "$WASM_BUILD/sipprep-age.js"  # relink against the new library
fi

CURRENT="build FriBidi for WebAssembly"
# Right-to-left text (the bidirectional algorithm, Arabic shaping) in the bidi module, which the
# page loads only when such text is drawn.
if build_wasm_library fribidi "$FRIBIDI_SRC" "1.0.8 -Oz -DNDEBUG" lib --enable-static "CFLAGS=-Oz -DNDEBUG"; then
  rm -f "$WASM_BUILD/sipprep-bidi.wasm"
fi

CURRENT="subset the app font"
FONT_SRC=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FONT=$WASM_BUILD/font/app-font.ttf
FONT_RTL=$WASM_BUILD/font/app-font-rtl.ttf  # Arabic glyphs: loaded only when right-to-left text is drawn
[ -f "$FONT_SRC" ] || fail "$FONT_SRC missing (package fonts-dejavu-core)"
FONT_RANGES=$ROOT/src/ui/fonts.cpp  # the glyph ranges the app builds its atlas from: the subsets keep those
subset() {  # $1: the name of the ranges table in fonts.cpp, $2: the font file to write
  local unicodes
  unicodes=$(python3 -c '
import re, sys
body = re.search(r"\b" + sys.argv[2] + r"\[\] = \{(.*?)\};", open(sys.argv[1]).read(), re.S).group(1)
v = [int(x, 16) for x in re.findall(r"0x([0-9A-Fa-f]+)", body)]
assert len(v) % 2 == 0 and v, "src/ui/fonts.cpp: %s[] as pairs of hex numbers" % sys.argv[2]
print(",".join("U+%04X" % a if a == b else "U+%04X-%04X" % (a, b) for a, b in zip(v[::2], v[1::2])))' "$FONT_RANGES" "$1") ||
    fail "could not read the glyph ranges $1 from $FONT_RANGES"
  pyftsubset "$FONT_SRC" --output-file="$2" --unicodes="$unicodes" \
    --layout-features='' --no-hinting --desubroutinize --drop-tables+=FFTM,GDEF,GPOS,GSUB,MATH
}
for f in "$FONT" "$FONT_RTL"; do
  if [ ! -f "$f" ] || [ "$FONT_SRC" -nt "$f" ] || [ "$0" -nt "$f" ] || [ "$FONT_RANGES" -nt "$f" ]; then
    step "Subsetting DejaVu Sans to the characters the app shows ($(basename "$f"))"
    mkdir -p "$(dirname "$f")"
    case $f in "$FONT") subset ranges "$f" ;; *) subset rtl_ranges "$f" ;; esac
  else
    step "$(basename "$f"): up to date"
  fi
done

CURRENT="build the app"
step "Building the app (emcmake cmake, -Oz)"
if [ ! -f "$WASM_BUILD/CMakeCache.txt" ]; then
  emcmake cmake -S "$ROOT" -B "$WASM_BUILD" -DCMAKE_BUILD_TYPE=MinSizeRel -DSIPPREP_DEPS="$DEPS" >/dev/null
fi
cmake --build "$WASM_BUILD" -j"$(nproc)"

CURRENT="optimise the wasm (wasm-opt --converge)"
# Emscripten's -Oz runs wasm-opt once; running it to a fixed point takes a little more off.
if [ "$WASM_BUILD/sipprep.wasm" -nt "$WASM_BUILD/sipprep.opt.wasm" ]; then
  step "wasm-opt -Oz --converge"
  wasm-opt -Oz --converge --strip-debug --strip-producers --enable-bulk-memory --enable-sign-ext \
    --enable-mutable-globals --enable-nontrapping-float-to-int \
    "$WASM_BUILD/sipprep.wasm" -o "$WASM_BUILD/sipprep.opt.wasm"
fi

CURRENT="install the JS minifier (npm terser)"
MINIFY=$ROOT/tools/minify
if [ ! -x "$MINIFY/node_modules/.bin/terser" ]; then
  step "npm ci in tools/minify (terser)"
  (cd "$MINIFY" && npm ci --no-audit --no-fund >/dev/null)
fi

CURRENT="assemble build/web"
step "Assembling $OUT"
mkdir -p "$OUT"
rm -f "$OUT/sipprep.data"  # older builds packed the font into an Emscripten data file
copy() { cmp -s "$1" "$2" || cp "$1" "$2"; }
# JavaScript is minified (names of locals, whitespace); the page's own files stay readable in web/.
minify() {
  "$MINIFY/node_modules/.bin/terser" "$1" --compress passes=2 --mangle --ecma 2017 -o "$OUT/.min.tmp" &&
    copy "$OUT/.min.tmp" "$2" && rm -f "$OUT/.min.tmp"
}
copy "$WASM_BUILD/sipprep.opt.wasm" "$OUT/sipprep.wasm"
copy "$WASM_BUILD/sipprep-age.wasm" "$OUT/sipprep-age.wasm"
"$MINIFY/node_modules/.bin/terser" "$WASM_BUILD/sipprep-age.js" --compress passes=2,toplevel \
  --mangle "toplevel,reserved=['SipprepAge']" --ecma 2017 -o "$OUT/.min.tmp" &&
  copy "$OUT/.min.tmp" "$OUT/sipprep-age.js" && rm -f "$OUT/.min.tmp"
copy "$FONT" "$OUT/app-font.ttf"
copy "$FONT_RTL" "$OUT/app-font-rtl.ttf"
copy "$WASM_BUILD/sipprep-bidi.wasm" "$OUT/sipprep-bidi.wasm"
# The text catalogs other than Swedish: fetched when someone chooses the language (web/languages.js).
for f in "$WASM_BUILD"/i18n/i18n-*.cat; do [ -f "$f" ] && copy "$f" "$OUT/$(basename "$f")"; done
for f in "$OUT"/i18n-*.cat; do [ -f "$f" ] && [ ! -f "$WASM_BUILD/i18n/$(basename "$f")" ] && rm -f "$f"; done
# The Emscripten glue is a script of its own: its top-level names are mangled too, all but
# Module, which the page's scripts use (about 6 KB gzip less).
"$MINIFY/node_modules/.bin/terser" "$WASM_BUILD/sipprep.js" --compress passes=2,toplevel \
  --mangle "toplevel,reserved=['Module']" --ecma 2017 -o "$OUT/.min.tmp" &&
  copy "$OUT/.min.tmp" "$OUT/sipprep.js" && rm -f "$OUT/.min.tmp"
# The page's scripts, in the order web/index.html names them, become one file (page.js): one
# request instead of seven, which browsers fetched one after another before the app could start.
PAGE_SCRIPTS=$(python3 -c 'import re,sys; print(" ".join(re.findall(r"<script src=\"([a-z-]+\.js)\"></script>", open(sys.argv[1]).read())))' "$ROOT/web/index.html")
# bridge.js is generated from src/platform/seam.def (tools/seam.py, when CMake configures).
for s in $PAGE_SCRIPTS; do cat "$ROOT/web/$s" 2>/dev/null || cat "$WASM_BUILD/generated/seam/$s"; printf ';\n'; done > "$OUT/.page.tmp.js"
minify "$OUT/.page.tmp.js" "$OUT/page.js" && rm -f "$OUT/.page.tmp.js"
for s in $PAGE_SCRIPTS; do rm -f "$OUT/$s"; done  # from builds before page.js
for f in "$ROOT"/web/*; do
  case " $PAGE_SCRIPTS " in *" $(basename "$f") "*) continue ;; esac
  case "$f" in
    */sw.js) ;;  # written below, with the list of files
    */index.html)
      # The print frame's only <style> is assets/print.css and the page's only inline script the
      # early fetches: the policy allows exactly those.
      hash="'sha256-$(python3 -c 'import base64,hashlib,sys; print(base64.b64encode(hashlib.sha256(open(sys.argv[1],"rb").read()).digest()).decode())' "$ROOT/assets/print.css")'"
      python3 -c '
import base64, hashlib, re, sys
html = open(sys.argv[1]).read().replace("\x27PRINT_CSS_HASH\x27", sys.argv[2])
early = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
assert len(early) == 1, "web/index.html: one inline script, whose hash the policy allows"
html = html.replace("\x27EARLY_JS_HASH\x27", "\x27sha256-%s\x27" % base64.b64encode(hashlib.sha256(early[0].encode()).digest()).decode())
tags = re.findall(r"[ \t]*<script src=\"[a-z-]+\.js\"></script>\n", html)
html = html.replace(tags[0], "  <script src=\"page.js\"></script>\n", 1)
for t in tags[1:]: html = html.replace(t, "", 1)
html = re.sub(r"[ \t]*<!--.*?-->\n?", "", html, flags=re.S)  # the comments are for web/index.html'"'"'s readers
# The first words: each data-i18n element gets its text from the catalog of its language.
import html as H, json
catalogs = {l: json.load(open("%s/%s.json" % (sys.argv[4], l), encoding="utf-8")) for l in ("sv", "en")}
def words(m):
    lang = re.search(r"\blang=\"(\w+)\"", m.group(1))
    return m.group(1) + H.escape(catalogs[lang.group(1) if lang else "sv"][m.group(3)], quote=False) + "</%s>" % m.group(2)
html, n = re.subn(r"(<(\w+)\b[^>]*? data-i18n=\"([\w.]+)\"[^>]*>)</\2>", words, html)
assert n and not re.search(r"data-i18n=\"[^\"]*\"[^>]*></", html), "web/index.html: a data-i18n element the build could not fill"
open(sys.argv[3], "w").write(html)' "$f" "$hash" "$OUT/.index.tmp" "$ROOT/assets/i18n" && copy "$OUT/.index.tmp" "$OUT/index.html" && rm -f "$OUT/.index.tmp" ;;
    *.js) minify "$f" "$OUT/$(basename "$f")" ;;
    *.css)  # without comments and indentation
      python3 -c 'import re,sys; c=re.sub(r"/\*.*?\*/", "", open(sys.argv[1]).read(), flags=re.S); open(sys.argv[2], "w").write("\n".join(l.strip() for l in c.splitlines() if l.strip()) + "\n")' \
        "$f" "$OUT/.css.tmp" && copy "$OUT/.css.tmp" "$OUT/$(basename "$f")" && rm -f "$OUT/.css.tmp" ;;
    *) copy "$f" "$OUT/$(basename "$f")" ;;
  esac
done
# The app's icon, drawn by our own script: SVG, and PNG for home screens.
if [ ! -f "$OUT/icon-512.png" ] || [ "$ROOT/tools/make_icons.py" -nt "$OUT/icon-512.png" ]; then
  python3 "$ROOT/tools/make_icons.py" "$OUT"
fi
rm -f "$OUT/icon-192.png"  # from builds before one icon size was enough
# The headers servers should send (the policy above, for the workers too, and frame-ancestors).
node "$ROOT/tools/server-headers.mjs" "$OUT"
# Offline: the service worker lists every file above, with its hash.
node "$ROOT/tools/service-worker.mjs" "$OUT" && minify "$OUT/sw.js" "$OUT/sw.js"
# Loaded apart from the first load: the passphrase parts (when someone protects or unlocks a
# file), the service worker, manifest and home-screen icons (after the app has started), each
# language but Swedish (when chosen), and the right-to-left parts (when such text is drawn).
total_raw=0; total_gz=0; lazy_raw=0; lazy_gz=0; lang_gz=""
for f in "$OUT"/*; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  case "$(basename "$f")" in
    _headers) ;;  # for the server, not sent to browsers
    i18n-*.cat) lang_gz="$lang_gz $(basename "$f" .cat | cut -c6-) $((gz / 1024)) KB," ;;
    sipprep-age.* | sipprep-bidi.wasm | app-font-rtl.ttf | age-worker.js | sw.js | manifest.json | icon-*) lazy_raw=$((lazy_raw + raw)); lazy_gz=$((lazy_gz + gz)) ;;
    *) total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)) ;;
  esac
done
printf 'build/web: first load %d KB raw, %d KB gzip -9 (%d bytes); later (passphrase, right to left, offline, icons) %d KB raw, %d KB gzip -9; languages when chosen (gzip -9):%s\n' \
  $((total_raw / 1024)) $((total_gz / 1024)) $total_gz $((lazy_raw / 1024)) $((lazy_gz / 1024)) "${lang_gz%,}"

trap - EXIT
if [ "${1:-}" = serve ]; then
  CURRENT="serve"
  step "Serving on http://127.0.0.1:$PORT (Ctrl+C stops)"
  exec python3 "$ROOT/tools/serve.py" "$OUT" "$PORT"  # with the headers in build/web/_headers
fi
