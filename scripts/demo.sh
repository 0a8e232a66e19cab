#!/usr/bin/env bash
# The main job: render every model in models/ and every MIWG reference model to SVG and PDF
# into out/diagrams/ (with the legend and title block), check each, round-trip each into out/
# (read, write back as canonical BPMN 2.0 XML) and lay each out afresh into out/layout/.
# Usage: scripts/demo.sh [BUILD]
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=${SYZBA_SHARED_DIR:-../shared}
syzba="$build/src/syzba"
mkdir -p out/models out/miwg out/layout out/diagrams

shopt -s nullglob
models=(models/*.bpmn)
miwg=("$shared"/corpus/miwg/*.bpmn)
echo "== syzba check: ${#models[@]} models, ${#miwg[@]} MIWG reference models"
"$syzba" check "${models[@]}" "${miwg[@]}"
check_status=$?

failed=0
echo "== syzba render: every file to SVG and PDF in out/diagrams/"
rendered=0
for f in "${models[@]}" "${miwg[@]}"; do
  name=$(basename "$f" .bpmn)
  for format in svg pdf; do
    if "$syzba" render "$f" -o "out/diagrams/$name.$format"; then rendered=$((rendered + 1)); else failed=$((failed + 1)); fi
  done
done
echo "   $rendered diagrams written, $failed failed"

for f in "${models[@]}"; do "$syzba" convert "$f" -o "out/models/$(basename "$f")" || failed=$((failed + 1)); done
for f in "${miwg[@]}"; do "$syzba" convert "$f" -o "out/miwg/$(basename "$f")" || failed=$((failed + 1)); done
echo "== round trip: $(( ${#models[@]} + ${#miwg[@]} - failed )) written to out/, $failed failed"

echo "== syzba layout --relayout: every file laid out afresh into out/layout/ (figures below)"
for f in "${models[@]}" "${miwg[@]}"; do
  "$syzba" layout --relayout --stats "$f" -o "out/layout/$(basename "$f")" 2>/dev/null || failed=$((failed + 1))
done
# Findings are the job's report; only an unreadable file or a failed write fails the job.
[ "$check_status" -le 1 ] && [ "$failed" -eq 0 ]
