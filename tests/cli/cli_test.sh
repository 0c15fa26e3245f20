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
# The year is left out when it is the current one (the CLI reads today's date).
if grep -qE "från 20 november( 2026)? till 20 november 2027" <<<"$out"; then echo "ok: consent dates as people read them"; else echo "FAIL: consent dates as people read them"; fails=$((fails + 1)); fi
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
check "unknown language" 2 "$SIPPREP" summary "$EX/aldre-uppfoljning.json" --lang de
check "no arguments" 2 "$SIPPREP"

check "migrate a version-0 file" 0 "$SIPPREP" migrate "$ROOT/tests/data/v0-preview.json" -o "$tmp/v1.json"
check "the migrated file is valid" 0 "$SIPPREP" validate "$tmp/v1.json"
# A file changed by hand after it was saved: its summary says so, and migrate will not seal it.
sed 's/Kerstin Lund/Kerstin Lundh/' "$EX/vuxen-efter-sjukhusvistelse.json" > "$tmp/edited.json"
check "a summary of an edited file" 0 "$SIPPREP" summary "$tmp/edited.json" -o "$tmp/edited.txt"
contains "says the file was changed" "Kontrollsumman stämmer inte"
if grep -q "Kontrollsumman stämmer inte" "$tmp/edited.txt"; then echo "ok: the written summary says so too"; else echo "FAIL: the written summary does not say the file was changed"; fails=$((fails + 1)); fi
check "diff refuses two different people" 1 "$SIPPREP" diff "$EX/vuxen-efter-sjukhusvistelse.json" "$EX/barn-skolfranvaro.json"
contains "and says why" "about the same person"
check "migrate refuses to seal a hand edit" 1 "$SIPPREP" migrate "$tmp/edited.json" -o "$tmp/sealed.json"
contains "and says why" "new checksum"
if [ -e "$tmp/sealed.json" ]; then echo "FAIL: a sealed copy was written"; fails=$((fails + 1)); else echo "ok: nothing written"; fi
check "unless asked to" 0 "$SIPPREP" migrate "$tmp/edited.json" -o "$tmp/sealed.json" --allow-invalid
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

# Hostile files and careless use, round two (issue 27).
B=$(readlink -f "$EX/barn-skolfranvaro.json")
printf 'Vårt lösenord 2026!\n' > "$tmp/pass"
cp "$B" "$tmp/victim.json"
check "an encryption that fails for memory is exit 2" 2 sh -c "ulimit -v 1500000; \"$SIPPREP\" protect \"$tmp/victim.json\" -o \"$tmp/victim.json\" --passphrase-file \"$tmp/pass\" --work-factor 22"
contains "and says so" "nothing was written"
if cmp -s "$B" "$tmp/victim.json"; then echo "ok: the file it would have replaced is untouched"; else echo "FAIL: a failed encryption replaced the file"; fails=$((fails + 1)); fi

mode_of() { stat -c %a "$1"; }
cp "$B" "$tmp/private.json"; chmod 600 "$tmp/private.json"
check "migrate onto a 0600 file" 0 sh -c "umask 022; \"$SIPPREP\" migrate \"$tmp/private.json\" -o \"$tmp/private.json\""
[ "$(mode_of "$tmp/private.json")" = 600 ] && echo "ok: the target keeps its mode" || { echo "FAIL: mode $(mode_of "$tmp/private.json"), want 600"; fails=$((fails + 1)); }
check "a new file under umask 077" 0 sh -c "umask 077; \"$SIPPREP\" fhir \"$B\" -o \"$tmp/new-077.json\""
[ "$(mode_of "$tmp/new-077.json")" = 600 ] && echo "ok: the umask is honoured" || { echo "FAIL: mode $(mode_of "$tmp/new-077.json"), want 600"; fails=$((fails + 1)); }
check "a new file from a 0600 input under umask 022" 0 sh -c "umask 022; \"$SIPPREP\" summary \"$tmp/private.json\" -o \"$tmp/from-private.txt\""
[ "$(mode_of "$tmp/from-private.txt")" = 600 ] && echo "ok: never wider than the input" || { echo "FAIL: mode $(mode_of "$tmp/from-private.txt"), want 600"; fails=$((fails + 1)); }

check "protect a file" 0 "$SIPPREP" protect "$B" -o "$tmp/keep.age" --passphrase-file "$tmp/pass" --work-factor 10
check "migrate an age file onto itself" 0 "$SIPPREP" migrate "$tmp/keep.age" --passphrase-file "$tmp/pass" -o "$tmp/keep.age"
if head -c 22 "$tmp/keep.age" | grep -q '^age-encryption.org/v1'; then echo "ok: it is still an age file"; else echo "FAIL: migrate wrote plaintext into an .age file"; fails=$((fails + 1)); fi
check "and it still opens" 0 "$SIPPREP" validate "$tmp/keep.age" --passphrase-file "$tmp/pass"
check "plaintext from an age file to a file must be asked for" 2 "$SIPPREP" summary "$tmp/keep.age" --passphrase-file "$tmp/pass" -o "$tmp/plain.txt"
contains "naming the option" "--plaintext"
[ -e "$tmp/plain.txt" ] && { echo "FAIL: plaintext written"; fails=$((fails + 1)); } || echo "ok: nothing written"
check "and with --plaintext it is written" 0 "$SIPPREP" migrate "$tmp/keep.age" --passphrase-file "$tmp/pass" --plaintext -o "$tmp/plain.json"
check "as JSON" 0 "$SIPPREP" validate "$tmp/plain.json"

check "a failed write to standard output is exit 2" 2 sh -c "\"$SIPPREP\" summary \"$B\" > /dev/full"
check "also for validate" 2 sh -c "\"$SIPPREP\" validate \"$B\" > /dev/full"

echo '{}' > "$tmp/linked.json"; ln -s "$tmp/linked.json" "$tmp/link.json"
check "-o refuses a symbolic link" 2 "$SIPPREP" migrate "$B" -o "$tmp/link.json"
contains "saying why" "not a regular file"
[ -L "$tmp/link.json" ] && [ "$(cat "$tmp/linked.json")" = '{}' ] && echo "ok: the link and its target are untouched" || { echo "FAIL: the link was replaced or followed"; fails=$((fails + 1)); }
# Never a real device here: a sipprep without this check, run as root, replaces /dev/null.
mkfifo "$tmp/fifo"
check "-o refuses what is not a regular file (a named pipe here)" 2 "$SIPPREP" fhir "$B" -o "$tmp/fifo"
[ -p "$tmp/fifo" ] && echo "ok: the pipe is still a pipe" || { echo "FAIL: the pipe was replaced"; fails=$((fails + 1)); }
check "-o - is standard output" 0 sh -c "cd \"$tmp\" && exec \"$(readlink -f "$SIPPREP")\" fhir \"$B\" -o -"
contains "the Bundle is printed" '"resourceType": "Bundle"'
[ -e "$tmp/-" ] && { echo "FAIL: a file named - was written"; fails=$((fails + 1)); } || echo "ok: no file named -"

python3 - "$B" "$tmp/dupids.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1], encoding="utf-8"))
b["content"]["questions"].append(dict(b["content"]["questions"][0]))
json.dump(b, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
check "fhir of an invalid bundle (duplicate ids) is exit 1" 1 "$SIPPREP" fhir "$tmp/dupids.json" -o "$tmp/dup-fhir.json"
contains "naming the option" "--allow-invalid"
[ -e "$tmp/dup-fhir.json" ] && { echo "FAIL: an export was written"; fails=$((fails + 1)); } || echo "ok: no export"
check "migrate of an invalid bundle is exit 1 too" 1 "$SIPPREP" migrate "$tmp/dupids.json" -o "$tmp/dup-migrated.json"
check "unless asked for" 1 "$SIPPREP" fhir "$tmp/dupids.json" --allow-invalid -o "$tmp/dup-fhir.json"
[ -s "$tmp/dup-fhir.json" ] && echo "ok: written when asked for" || { echo "FAIL: --allow-invalid wrote nothing"; fails=$((fails + 1)); }

ESC=$(printf '\033'); RLO=$(printf '\342\200\256')
python3 - "$B" "$tmp/esckey.json" "$tmp/dupesc.json" "$tmp/rlo.json" "$tmp/rlo-words.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
key = '"\\u001b]0;Allt ser bra ut\\u0007\\u001b[2J": 1,\n  '
open(sys.argv[2], "w", encoding="utf-8").write(text.replace('"format"', key + '"format"', 1))
open(sys.argv[3], "w", encoding="utf-8").write(text.replace('"format"', key + key + '"format"', 1))
b = json.loads(text)
b["content"]["owner"]["phone"] = "\u202e99 88 77-0150\u202c"
json.dump(b, open(sys.argv[4], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
b = json.loads(text)
b["content"]["goals"]["long_term"][0]["text"] = "Ring \u202e0150\u202c"
json.dump(b, open(sys.argv[5], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
for f in esckey dupesc; do
  check "a member name with terminal sequences ($f)" 2 "$SIPPREP" validate "$tmp/$f.json"
  if grep -q "$ESC" <<<"$out"; then echo "FAIL: an escape character reached the terminal ($f)"; fails=$((fails + 1)); else echo "ok: no escape character printed ($f)"; fi
  contains "it is written out ($f)" 'U+001B'
  check "also on standard error ($f)" 2 "$SIPPREP" summary "$tmp/$f.json"
  if grep -q "$ESC" <<<"$out"; then echo "FAIL: an escape character reached standard error ($f)"; fails=$((fails + 1)); else echo "ok: none on standard error ($f)"; fi
done
check "a phone number that reverses itself is invalid" 1 "$SIPPREP" validate "$tmp/rlo.json"
contains "the message names the field and the character" "U+202E"
if grep -q "$RLO" <<<"$out"; then echo "FAIL: the direction control reached the terminal"; fails=$((fails + 1)); else echo "ok: the control is written out"; fi
check "and migrate does not bless it with a fresh checksum" 1 "$SIPPREP" migrate "$tmp/rlo.json" -o "$tmp/rlo-migrated.json"
check "in words it is kept, with a warning" 0 "$SIPPREP" validate "$tmp/rlo-words.json"
check "the summary shows it" 0 "$SIPPREP" summary "$tmp/rlo-words.json"
contains "as a visible mark" "‹U+202E›0150"
if grep -q "$RLO" <<<"$out"; then echo "FAIL: the summary holds the direction control"; fails=$((fails + 1)); else echo "ok: not the control itself"; fi

"$SIPPREP" protect "$B" -o "$tmp/wf10.age" --passphrase-file "$tmp/pass" --work-factor 10
sed 's/^\(-> scrypt [^ ]*\) 10$/\1 21/' "$tmp/wf10.age" > "$tmp/hard.age"
check "a foreign file demanding 2 GiB of scrypt is refused" 2 sh -c "ulimit -v 1500000; \"$SIPPREP\" validate \"$tmp/hard.age\" --passphrase-file \"$tmp/pass\""
contains "before any work, naming the option" "--max-work-factor"
check "--max-work-factor allows more" 2 sh -c "ulimit -v 1500000; \"$SIPPREP\" validate \"$tmp/hard.age\" --passphrase-file \"$tmp/pass\" --max-work-factor 21"
contains "and then it is memory that stops it" "minne"
"$SIPPREP" protect "$B" -o "$tmp/stanza.age" --passphrase-file "$tmp/pass" --work-factor 10
python3 - "$tmp/stanza.age" <<'PY'
import sys
p = sys.argv[1]; data = bytearray(open(p, "rb").read())
body = data.index(b"\n", data.index(b"-> scrypt")) + 1
data[body + 5] = ord("B") if data[body + 5] == ord("A") else ord("A")
open(p, "wb").write(bytes(data))
PY
check "damage in the scrypt stanza" 2 "$SIPPREP" validate "$tmp/stanza.age" --passphrase-file "$tmp/pass"
contains "reads as wrong passphrase or damage" "Fel lösenord – eller så är filen skadad"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
