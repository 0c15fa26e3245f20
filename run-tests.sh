#!/usr/bin/env bash
# Runs every test: native core tests (GoogleTest via ctest, shader check), the browser
# tests (playwright-core + Debian's Chromium against build/web, the shared flows in three
# engines) and the screen-reader test (Orca in Firefox ESR). Installs what it needs first
# through ./build-wasm.sh. Exit code is non-zero when any suite fails.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")" && pwd)
cd "$ROOT"

results=()
status=0
record() {  # name, exit code
  if [ "$2" -eq 0 ]; then results+=("PASS  $1"); else results+=("FAIL  $1"); status=1; fi
}

echo "==> Building the web app (and installing dependencies)"
./build-wasm.sh
build_rc=$?
record "web app build (build-wasm.sh)" $build_rc

echo "==> Native build and core tests (ctest)"
cmake --preset native >/dev/null && cmake --build --preset native -j"$(nproc)" &&
  ctest --preset native -j"$(nproc)"
record "native core tests (ctest)" $?

echo "==> Cross-checks with JavaScript references (npm personnummer, ajv) and the draft store's model-based tests (fast-check, fake-indexeddb)"
(cd tests/js && { [ -d node_modules/personnummer ] && [ -d node_modules/ajv ] && [ -d node_modules/fast-check ] && [ -d node_modules/fake-indexeddb ] || npm ci --no-audit --no-fund; } &&
  node --test --test-reporter=spec)
record "JS cross-checks (personnummer differential, ajv schema)" $?

echo "==> Fuzzing the importer, the JSON parser (against nlohmann) and the personnummer parser (libFuzzer, ${FUZZ_SECONDS:-30} s each)"
tests/fuzz/run-fuzzers.sh "${FUZZ_SECONDS:-30}"
record "fuzzers (libFuzzer + ASan/UBSan)" $?

if [ $build_rc -eq 0 ]; then
  (cd tests/browser && { [ -d node_modules/playwright-core ] && [ -d node_modules/puppeteer-core ] || npm ci --no-audit --no-fund; })
  echo "==> Browser tests in Chromium only (playwright-core + /usr/bin/chromium: DevTools-protocol depth)"
  (cd tests/browser && node --test --test-reporter=spec --test-concurrency=1 ./*.test.mjs)
  record "browser tests, Chromium only (node --test)" $?
  # The shared flows (tests/browser/shared/), written once, run in each engine in turn.
  for engine in $(echo "${SIPPREP_ENGINES:-chromium,firefox,webkit}" | tr "," " "); do
    echo "==> Shared browser flows in $engine"
    start=$(date +%s)
    (cd tests/browser && SIPPREP_ENGINES=$engine node --test --test-reporter=spec --test-concurrency=1 shared/*.test.mjs)
    rc=$?
    record "shared browser flows in $engine ($(( $(date +%s) - start )) s)" $rc
  done
  # The same flows must hold on a busy 2-core machine: once more in Chromium beside a CPU load
  # (stress-ng, one worker per core) for as long as they run. SIPPREP_LOAD_CHECK=0 leaves it out.
  if [ "${SIPPREP_LOAD_CHECK:-1}" != 0 ]; then
    echo "==> Shared browser flows in chromium beside stress-ng --cpu $(nproc) (a busy machine)"
    start=$(date +%s)
    stress-ng --cpu "$(nproc)" --timeout 1800s --quiet &
    load=$!
    (cd tests/browser && SIPPREP_ENGINES=chromium node --test --test-reporter=spec --test-concurrency=1 shared/*.test.mjs)
    rc=$?
    kill "$load" 2>/dev/null; wait "$load" 2>/dev/null
    record "shared browser flows in chromium beside stress-ng --cpu $(nproc) ($(( $(date +%s) - start )) s)" $rc
  fi
  # Orca itself reads the app in Firefox ESR (speech from its debug log, keys from xdotool).
  echo "==> Screen reader: Orca in Firefox ESR"
  start=$(date +%s)
  (cd tests/screenreader && node --test --test-reporter=spec --test-concurrency=1 ./*.test.mjs)
  rc=$?
  record "screen reader (Orca in Firefox ESR, $(( $(date +%s) - start )) s)" $rc
else
  record "browser tests: skipped, the web build failed" 1
fi

echo
echo "==> Summary"
printf '  %s\n' "${results[@]}"
exit $status
