#!/usr/bin/env bash
# syzba diff from the command line: exit codes like diff(1), every format, git's external-diff
# arguments, and the HTML in Chromium (the marks on the right shapes; a row selects its shape).
# usage: diff_cli_test.sh SYZBA NODE
set -euo pipefail
syzba=$1
node=${2:-node}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
old=$repo/models/004-child-benefit-main-1.bpmn
# The new version: a step renamed and its duration changed, a lane renamed.
python3 - "$old" "$tmp/new.bpmn" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("3-іс-әрекет. Тұтынушының", "3-іс-әрекет. Отбасының", 1)
s = s.replace("Учаскелік комиссия (4 ҚФБ)\"", "Учаскелік комиссия\"", 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
code=0; "$syzba" diff "$old" "$old" > "$tmp/same.txt" || code=$?
[ "$code" = 0 ] || fail "identical files: exit $code"
grep -q "өзгеріс жоқ" "$tmp/same.txt" || fail "identical files: $(cat "$tmp/same.txt")"
code=0; "$syzba" diff "$old" "$tmp/new.bpmn" --lang en > "$tmp/d.txt" || code=$?
[ "$code" = 1 ] || fail "different files: exit $code"
grep -q "^changed *a3 .*name" "$tmp/d.txt" || fail "a3's new name not said: $(cat "$tmp/d.txt")"
code=0; "$syzba" diff "$old" "$repo/no-such-file.bpmn" 2>/dev/null || code=$?
[ "$code" = 2 ] || fail "a missing file: exit $code"
"$syzba" diff "$old" "$tmp/new.bpmn" --format json > "$tmp/d.json" || true
python3 - "$tmp/d.json" <<'PY' || fail "the JSON"
import json, sys
d = json.load(open(sys.argv[1]))
kinds = {(c["kind"], c["element"]) for c in d["changes"]}
assert ("changed", "a3") in kinds and ("changed", "commission") in kinds, kinds
assert set(d["findings"]) == {"new", "gone"} and set(d["paths"]) == {"old", "new"}
a3 = next(c for c in d["changes"] if c["element"] == "a3")
assert a3["match"] == "id" and [p["property"] for p in a3["properties"]] == ["name"], a3
PY
"$syzba" diff "$old" "$tmp/new.bpmn" -o "$tmp/d.md" || true
grep -q "^| " "$tmp/d.md" || fail "the Markdown table"
"$syzba" diff "$old" "$tmp/new.bpmn" -o "$tmp/d.svg" || true
python3 -c "import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$tmp/d.svg" || fail "the SVG is not XML"
grep -q 'data-element-type="diff-marks"\|syzba-diff-marks' "$tmp/d.svg" || fail "the SVG has no legend of the marks"
"$syzba" diff "$old" "$tmp/new.bpmn" -o "$tmp/d.pdf" || true
[ "$(head -c 4 "$tmp/d.pdf")" = "%PDF" ] || fail "the PDF"
pdftotext "$tmp/d.pdf" - | grep -q "өзгерді" || fail "the PDF's legend of the marks"
# git's external diff: seven arguments, exit 0.
"$syzba" diff m.bpmn "$old" 0000000 100644 "$tmp/new.bpmn" 1111111 100644 > "$tmp/git.txt" || fail "git's seven arguments: exit $?"
grep -q "a3" "$tmp/git.txt" || fail "git's seven arguments: $(cat "$tmp/git.txt")"
"$syzba" diff "$old" "$tmp/new.bpmn" -o "$tmp/d.html" || true
"$node" "$here/diff_in_chromium.mjs" "$tmp/d.html"
echo "diff from the command line: all checks passed"
