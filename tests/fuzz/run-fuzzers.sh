#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for N seconds on a seed
# corpus made from the example bundles. Crashes are kept in build/fuzz/artifacts/.
set -euo pipefail
SECONDS_EACH=${1:-30}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/build/fuzz
command -v clang++ >/dev/null || { echo "clang++ missing (apt-get install clang)"; exit 1; }
mkdir -p "$OUT/artifacts" "$OUT/corpus-import" "$OUT/corpus-pnr"

cmake -S "$ROOT" -B "$OUT/cmake" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSIPPREP_FUZZ=ON >/dev/null
cmake --build "$OUT/cmake" -j"$(nproc)" --target fuzz_import fuzz_personal_id fuzz_json_parse >/dev/null

cp "$ROOT"/assets/examples/*.json "$ROOT"/tests/data/*.json "$OUT/corpus-import/"
# Numbers the reader finds hard (ties, extremes, long digits): seeds for the JSON differential.
printf '[1.5,-0.0,2e-300,1e308,1.7976931348623158e308,4.9e-324,2.4703282292062328e-324,9007199254740993,%s]' \
  '0.500000000000000166533453693773481063544750213623046875,123456789012345678901234567890e-50' \
  > "$OUT/corpus-import/numbers.json"
printf '198112189876' > "$OUT/corpus-pnr/a"; printf '811218-9876' > "$OUT/corpus-pnr/b"
printf '701063-2391' > "$OUT/corpus-pnr/c"; printf '120101+9807' > "$OUT/corpus-pnr/d"

status=0
for target in fuzz_import:corpus-import fuzz_json_parse:corpus-import fuzz_personal_id:corpus-pnr; do
  name=${target%%:*}; corpus=${target##*:}
  echo "--- $name for $SECONDS_EACH s"
  if "$OUT/cmake/$name" "$OUT/$corpus" -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 \
       -artifact_prefix="$OUT/artifacts/$name-" -print_final_stats=1 2>"$OUT/$name.log"; then
    grep -E "stat::number_of_executed_units|Done" "$OUT/$name.log" | tail -2
  else
    echo "$name FAILED; see $OUT/$name.log"; tail -30 "$OUT/$name.log"; status=1
  fi
done
exit $status
