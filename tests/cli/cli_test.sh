#!/usr/bin/env bash
# The sipprep CLI's contract: exit codes, messages with field paths, standard input.
set -u
SIPPREP=$1
ROOT=$2
fails=0
check() {  # description, expected exit code, command...
  local desc=$1 want=$2; shift 2
  out=$("$@" 2>&1); got=$?
  if [ "$got" -ne "$want" ]; then echo "FAIL: $desc (exit $got, want $want)"; echo "$out"; fails=$((fails + 1)); else echo "ok: $desc"; fi
}
contains() {  # description, needle
  if grep -qF -- "$2" <<<"$out"; then echo "ok: $1"; else echo "FAIL: $1 (no '$2' in output)"; echo "$out"; fails=$((fails + 1)); fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
EX=$ROOT/assets/examples

check "all examples are valid" 0 "$SIPPREP" validate "$EX"/*.json
contains "integrity is reported as what it is" "kontrollsumman stämmer"

sed 's/"priority": "high"/"priority": "urgent"/' "$EX/vuxen-efter-sjukhusvistelse.json" > "$tmp/bad.json"
check "a schema error makes it invalid" 1 "$SIPPREP" validate "$tmp/bad.json"
contains "the message names the path" "/content/questions/0/priority"
contains "a hand edit is noticed" "kontrollsumman stämmer inte"

printf '\xff\xfe' > "$tmp/binary.json"
check "non-UTF-8 is unreadable" 2 "$SIPPREP" validate "$tmp/binary.json"
contains "with a message" "UTF-8"
check "a missing file is unreadable" 2 "$SIPPREP" validate "$tmp/none.json"
check "worst result wins" 2 "$SIPPREP" validate "$EX/barn-skolfranvaro.json" "$tmp/bad.json" "$tmp/binary.json"

check "validate reads standard input" 0 sh -c "\"$SIPPREP\" validate - < \"$EX/barn-skolfranvaro.json\""
contains "stdin is named" "<stdin>"
check "summary reads standard input" 0 sh -c "\"$SIPPREP\" summary - < \"$EX/barn-skolfranvaro.json\""
contains "summary is Swedish by default" "Det här är viktigt för mig"
check "summary of the discharge example" 0 "$SIPPREP" summary "$EX/vuxen-efter-sjukhusvistelse.json"
contains "consent dates as people read them" "från 20 november 2026 till 20 november 2027"
if grep -qE "från [0-9]{4}-[0-9]{2}-[0-9]{2}|\\., " <<<"$out"; then echo "FAIL: ISO dates or doubled punctuation in the summary"; fails=$((fails + 1)); else echo "ok: no ISO consent dates, no doubled punctuation"; fi
contains "the follow-up with time and place" "Planen följs upp 15 februari 2027, 13:30, Vårdcentralen Ryd"
check "summary in English" 0 "$SIPPREP" summary "$EX/aldre-uppfoljning.json" --lang en
contains "English headings" "What matters to me"
check "summary as HTML" 0 "$SIPPREP" summary "$EX/barn-skolfranvaro.json" --format html
contains "a whole page" "<!doctype html>"
contains "with a print stylesheet" "@page { size: A4"
check "summary as Markdown" 0 "$SIPPREP" summary "$EX/barn-skolfranvaro.json" --format markdown
contains "Markdown headings" "## Det här är viktigt för mig"
check "unknown format" 2 "$SIPPREP" summary "$EX/barn-skolfranvaro.json" --format pdf
check "unknown language" 2 "$SIPPREP" summary "$EX/aldre-uppfoljning.json" --lang fi
check "no arguments" 2 "$SIPPREP"

check "migrate a version-0 file" 0 "$SIPPREP" migrate "$ROOT/tests/data/v0-preview.json" -o "$tmp/v1.json"
check "the migrated file is valid" 0 "$SIPPREP" validate "$tmp/v1.json"
check "migrate is idempotent on current files" 0 "$SIPPREP" migrate "$EX/barn-skolfranvaro.json" -o "$tmp/same.json"
if cmp -s "$EX/barn-skolfranvaro.json" "$tmp/same.json"; then echo "ok: byte-identical"; else echo "FAIL: migrate changed a current file"; fails=$((fails + 1)); fi

# What changed between two preparations, in words (issue 11).
check "diff of a file with itself" 0 "$SIPPREP" diff "$EX/barn-skolfranvaro.json" "$EX/barn-skolfranvaro.json"
contains "says nothing changed" "Inget har ändrats sedan förra gången."
sed 's/"Att gå i skolan utan ont i magen och ha en kompis."/"Att gå i skolan och ha en kompis."/' "$EX/barn-skolfranvaro.json" > "$tmp/later.json"
check "diff of two versions" 0 "$SIPPREP" diff "$EX/barn-skolfranvaro.json" "$tmp/later.json"
contains "a changed goal in words" "Ändrat: Elsa Nilsson själv: Att gå i skolan utan ont i magen och ha en kompis. → Att gå i skolan och ha en kompis."
check "diff as Markdown" 0 "$SIPPREP" diff "$EX/barn-skolfranvaro.json" "$tmp/later.json" --format markdown
contains "Markdown heading" "# Vad har ändrats?"
check "diff needs two files" 2 "$SIPPREP" diff "$EX/barn-skolfranvaro.json"
check "diff of an unreadable file" 2 "$SIPPREP" diff "$EX/barn-skolfranvaro.json" "$tmp/binary.json"

# Like a well-behaved Unix tool (issue 10).
check "--help prints the usage and the exit codes" 0 "$SIPPREP" --help
contains "exit codes are documented" "Exit codes: 0 valid (or done), 1 invalid, 2 usage, read or write error."
check "endless input is refused, not read" 2 "$SIPPREP" validate /dev/zero
contains "with the limit in words" "a bundle may be at most 5 MB"
check "endless standard input too" 2 sh -c "head -c 20000000 /dev/zero | \"$SIPPREP\" summary -"
cp "$EX/barn-skolfranvaro.json" "$tmp/inplace.json"
check "-o may name the input" 0 "$SIPPREP" migrate "$tmp/inplace.json" -o "$tmp/inplace.json"
check "and the file is whole afterwards" 0 "$SIPPREP" validate "$tmp/inplace.json"
if cmp -s "$EX/barn-skolfranvaro.json" "$tmp/inplace.json"; then echo "ok: in place, byte-identical"; else echo "FAIL: in-place migrate changed the file"; fails=$((fails + 1)); fi
check "summary -o writes the file" 0 "$SIPPREP" summary "$EX/barn-skolfranvaro.json" -o "$tmp/summary.txt"
if grep -q "Det här är viktigt för mig" "$tmp/summary.txt"; then echo "ok: summary file written"; else echo "FAIL: summary -o"; fails=$((fails + 1)); fi
check "a folder that is not there is a write error" 2 "$SIPPREP" fhir "$EX/barn-skolfranvaro.json" -o "$tmp/no/such/dir/out.json"
contains "said plainly" "cannot write"
if ls "$tmp"/no 2>/dev/null | grep -q .; then echo "FAIL: a partial file was left"; fails=$((fails + 1)); else echo "ok: nothing partial left"; fi
ls "$tmp" | grep -q '\.tmp-' && { echo "FAIL: a temporary file was left"; fails=$((fails + 1)); } || echo "ok: no temporary files left"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
