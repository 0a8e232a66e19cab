#!/usr/bin/env bash
# Quality figures of syzba layout beside bpmn-auto-layout (bpmn.io, npm) on the same inputs:
# every MIWG reference with its DI removed, the layout fixtures and models/. Prints a
# Markdown table: syzba's figures, then bpmn-auto-layout's (measured by syzba from its DI).
# Usage: bench/compare_layout.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
shared=${SYZBA_SHARED_DIR:-$here/../../shared}
syzba="$build/src/syzba"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here/auto-layout" && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$work/in" "$work/auto"
shopt -s nullglob
for f in "$shared"/corpus/miwg/*.bpmn "$here"/../tests/fixtures/layout/*.bpmn "$here"/../models/*.bpmn; do
  "$syzba" convert --strip-di "$f" -o "$work/in/$(basename "$f")" 2>/dev/null || echo "skipped $f (unreadable)" >&2
done
node "$here/auto-layout/run.mjs" "$work/auto" "$work"/in/*.bpmn | grep FAIL >&2 || true

row() {  # file, tool, json of stats → one row per diagram
  node -e '
    const [file, tool, json] = process.argv.slice(1);
    for (const d of JSON.parse(json).diagrams)
      console.log(`| ${file} | ${tool} | ${d.nodes} | ${d.edges} | ${d.overlappingNodes} | ${d.nodesOutsideLane} | ${d.edgesThroughShapes} | ${d.edgeCrossings} | ${d.bendsPerEdge.toFixed(2)} | ${Math.round(100 * d.leftToRight)}% | ${Math.round(d.area / 1000)}k | ${d.aspectRatio.toFixed(2)} |`);
  ' "$1" "$2" "$3"
}
echo "| file | tool | nodes | edges | overlaps | outside lane | through shapes | crossings | bends/edge | left→right | area px² | aspect |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for f in "$work"/in/*.bpmn; do
  name=$(basename "$f")
  row "$name" syzba "$("$syzba" layout "$f" --stats --format json 2>/dev/null)"
  if [ -f "$work/auto/$name" ]; then
    row "$name" bpmn-auto-layout "$("$syzba" layout --measure-only --format json "$work/auto/$name" 2>/dev/null)"
  else
    echo "| $name | bpmn-auto-layout | failed | | | | | | | | | |"
  fi
done
