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
# Each node --test suite's output is also kept in build/test-artifacts/<slug>.log, and the
# summary repeats the failing tests' names and first lines (so a CI log's tail says which).
mkdir -p build/test-artifacts
failures=()
logged() {  # slug, directory, command line (its globs expand there): runs it, tees its output, keeps the failing tests' lines
  local slug=$1 dir=$2 cmd=$3
  local log="$ROOT/build/test-artifacts/$slug.log"
  (cd "$dir" && eval "$cmd") 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ]; then
    failures+=("--- $slug (full output in build/test-artifacts/$slug.log)")
    # node's spec reporter ends with a "failing tests:" section: the names and the errors.
    while IFS= read -r line; do failures+=("$line"); done < <(
      sed -n '/failing tests:/,$p' "$log" | grep -v '^ℹ' | head -60)
  fi
  return "$rc"
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
(cd tests/js && { [ -d node_modules/personnummer ] && [ -d node_modules/ajv ] && [ -d node_modules/fast-check ] && [ -d node_modules/fake-indexeddb ] || npm ci --no-audit --no-fund; }) &&
  logged js tests/js 'node --test --test-reporter=spec'
record "JS cross-checks (personnummer differential, ajv schema)" $?

echo "==> Fuzzing the importer, the JSON parser (against nlohmann) and the personnummer parser (libFuzzer, ${FUZZ_SECONDS:-30} s each)"
tests/fuzz/run-fuzzers.sh "${FUZZ_SECONDS:-30}"
record "fuzzers (libFuzzer + ASan/UBSan)" $?

if [ $build_rc -eq 0 ]; then
  (cd tests/browser && { [ -d node_modules/playwright-core ] && [ -d node_modules/puppeteer-core ] && [ -d node_modules/selenium-webdriver ] || npm ci --no-audit --no-fund; })
  echo "==> Browser tests in Chromium only (playwright-core + /usr/bin/chromium: DevTools-protocol depth)"
  logged browser-chromium tests/browser 'node --test --test-reporter=spec --test-concurrency=1 ./*.test.mjs'
  record "browser tests, Chromium only (node --test)" $?
  # The shared flows (tests/browser/shared/), written once, run in each engine in turn. Every wait
  # in them has its own bound (tests/browser/engines); a test that still runs after 5 minutes
  # fails, and the next one runs, rather than holding its file until the 10-minute limit.
  for engine in $(echo "${SIPPREP_ENGINES:-chromium,firefox,webkit}" | tr "," " "); do
    echo "==> Shared browser flows in $engine"
    start=$(date +%s)
    SIPPREP_ENGINES=$engine logged "shared-$engine" tests/browser 'node --test --test-reporter=spec --test-concurrency=1 --test-timeout=300000 shared/*.test.mjs'
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
    SIPPREP_ENGINES=chromium logged shared-chromium-busy tests/browser 'node --test --test-reporter=spec --test-concurrency=1 --test-timeout=300000 shared/*.test.mjs'
    rc=$?
    kill "$load" 2>/dev/null; wait "$load" 2>/dev/null
    record "shared browser flows in chromium beside stress-ng --cpu $(nproc) ($(( $(date +%s) - start )) s)" $rc
  fi
  # Orca itself reads the app in Firefox ESR (speech from its debug log, keys from xdotool).
  echo "==> Screen reader: Orca in Firefox ESR"
  start=$(date +%s)
  logged orca tests/screenreader 'node --test --test-reporter=spec --test-concurrency=1 ./*.test.mjs'
  rc=$?
  record "screen reader (Orca in Firefox ESR, $(( $(date +%s) - start )) s)" $rc
else
  record "browser tests: skipped, the web build failed" 1
fi

echo
echo "==> Summary"
printf '  %s\n' "${results[@]}"
if [ ${#failures[@]} -gt 0 ]; then
  echo
  echo "==> Failing tests"
  printf '%s\n' "${failures[@]}"
fi
exit $status
