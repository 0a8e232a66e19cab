#!/usr/bin/env bash
# The text form: write the process as the regulation lists it, then check → paths →
# compile (BPMN with its diagram) → render → table, and describe the BPMN back as text.
set -euo pipefail
cd "$(dirname "$0")"
SYZBA=${SYZBA:-syzba}
mkdir -p out
for name in portal-interaction.kk center-handbook.ru; do
  lang=${name##*.}
  "$SYZBA" check --lang "$lang" "$name.syzba"
  "$SYZBA" paths --lang "$lang" "$name.syzba" > "out/$name-paths.txt"
  "$SYZBA" compile "$name.syzba" -o "out/$name.bpmn"
  "$SYZBA" render "$name.syzba" -o "out/$name.svg" --lang "$lang"
  "$SYZBA" render "out/$name.bpmn" -o "out/$name.pdf" --lang "$lang" --page A4 --landscape
  "$SYZBA" table "$name.syzba" -o "out/$name-table.html" --lang "$lang"
  # The BPMN back as text: the same lines as the source, comments aside.
  "$SYZBA" describe "out/$name.bpmn" --lang "$lang" -o "out/$name.described.syzba"
  "$SYZBA" compile "out/$name.described.syzba" -o "out/$name.again.bpmn"
  for f in "out/$name.bpmn" "out/$name.svg" "out/$name.pdf" "out/$name-table.html" "out/$name-paths.txt"; do test -s "$f"; done
  diff <(grep -v '^#' "$name.syzba" | grep -v '^$') <(grep -v '^#' "out/$name.described.syzba" | grep -v '^$')
done
grep -q "Шартты белгілер" out/portal-interaction.kk.svg
grep -q "Условные обозначения" out/center-handbook.ru.svg
echo "text-form: out/*.bpmn, out/*.svg, out/*.pdf, out/*-table.html, out/*-paths.txt"
