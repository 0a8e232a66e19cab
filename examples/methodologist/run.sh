#!/usr/bin/env bash
# Draft → check → layout → render with the legend → action table.
set -euo pipefail
cd "$(dirname "$0")"
SYZBA=${SYZBA:-syzba}
mkdir -p out
# The findings, in Kazakh; an error-level finding stops the draft here (exit 1).
"$SYZBA" check --lang kk draft.bpmn
"$SYZBA" paths --lang kk draft.bpmn
"$SYZBA" layout draft.bpmn -o out/draft-laid-out.bpmn
"$SYZBA" render out/draft-laid-out.bpmn -o out/draft.pdf --lang kk --page A4 --landscape
"$SYZBA" render out/draft-laid-out.bpmn -o out/draft.svg --lang kk
"$SYZBA" table out/draft-laid-out.bpmn -o out/draft-table.html --lang kk
for f in out/draft.pdf out/draft.svg out/draft-laid-out.bpmn out/draft-table.html; do test -s "$f"; done
grep -q "Шартты белгілер" out/draft.svg
echo "methodologist: out/draft.pdf, out/draft.svg, out/draft-laid-out.bpmn, out/draft-table.html"
