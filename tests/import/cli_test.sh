#!/bin/sh
# syzba import and check --against from the command line: each form of the regulations of
# tests/import/fixtures gives drafts that compile, check and render; the report is written;
# bad input is an error with file:line:column, exit 2 and no output; the input is never
# modified; a seed model held against its seed reports the anomaly models/README.md names.
#   tests/import/cli_test.sh SYZBA FIXTURES_DIR SHARED_DIR MODELS_DIR
set -eu
syzba=$1 fixtures=$2 shared=$3 models=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

for src in kindergarten.kk.md kindergarten.kk.html kindergarten.kk.docx subsidiary-farm.ru.md subsidiary-farm.ru.html subsidiary-farm.ru.docx; do
  before=$(md5sum "$fixtures/$src")
  out="$work/$src.out"
  "$syzba" import "$fixtures/$src" -o "$out" 2>"$work/err" || fail "import $src: $(cat "$work/err")"
  [ "$(md5sum "$fixtures/$src")" = "$before" ] || fail "$src was modified"
  [ -s "$out/report.txt" ] && [ -s "$out/report.json" ] || fail "$src: no report"
  python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert len(j['procedures'])>=3, j['procedures']" "$out/report.json" \
    || fail "$src: fewer than 3 procedures in report.json"
  n=0
  for draft in "$out"/*.syzba; do
    n=$((n+1))
    "$syzba" compile "$draft" -o "$work/d.bpmn" >/dev/null 2>&1 || fail "$draft does not compile"
    "$syzba" check "$draft" >"$work/check" || fail "$draft: check: $(cat "$work/check")"
    "$syzba" render "$draft" -o "$work/d.svg" 2>/dev/null || fail "$draft does not render"
  done
  [ "$n" -ge 3 ] || fail "$src: $n drafts"
  # The same input, the same bytes.
  "$syzba" import "$fixtures/$src" -o "$work/again" 2>/dev/null
  diff -r "$out" "$work/again" >/dev/null || fail "$src: a second import differs"
  rm -rf "$work/again"
done

# Bad input: file:line:column, exit 2, nothing written.
printf 'line one\nline \377 two\n' > "$work/bad.txt"
set +e
"$syzba" import "$work/bad.txt" -o "$work/bad-out" 2>"$work/err"; code=$?
set -e
[ "$code" = 2 ] || fail "bad UTF-8: exit $code"
grep -q "bad.txt:2:6: error: " "$work/err" || fail "bad UTF-8: $(cat "$work/err")"
[ ! -e "$work/bad-out" ] || fail "bad UTF-8: output written"
printf 'no zip' > "$work/bad.docx"
set +e
"$syzba" import "$work/bad.docx" -o "$work/bad-out" 2>"$work/err"; code=$?
set -e
[ "$code" = 2 ] && grep -q "bad.docx:1:1: error: this DOCX is not a readable zip archive" "$work/err" || fail "not a zip: $code $(cat "$work/err")"
[ ! -e "$work/bad-out" ] || fail "not a zip: output written"
ls "$work" | grep -q syzba-import- && fail "a staging folder was left behind"

# check --against: the seed's own anomaly (appendix 2 names another service) and nothing
# about the actions, which agree with the body of the regulation.
seed=$(ls "$shared"/seeds/000_*.txt)
set +e
"$syzba" check "$models/000-patronage-provider-handbook.bpmn" --against "$seed" >"$work/against"
set -e
grep -q "against-header-service" "$work/against" || fail "000: no against-header-service: $(cat "$work/against")"
grep -q "against-\(unit\|duration\|next\|action\)" "$work/against" && fail "000: a false difference: $(cat "$work/against")"
"$syzba" check --lang kk "$models/000-patronage-provider-handbook.bpmn" --against "$seed" | grep -q "тақырып" || fail "000: --lang kk"
set +e
"$syzba" check "$models/000-patronage-provider-handbook.bpmn" --against "$work/bad.docx" >"$work/err"; code=$?
set -e
[ "$code" = 2 ] || fail "--against a broken file: exit $code"
echo "import cli: ok"
