#!/usr/bin/env bash
# Whole-process benchmarks of syzba convert, check, layout, render, compile and publish: time
# with hyperfine, peak memory with /usr/bin/time -v. Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
shared=${SYZBA_SHARED_DIR:-$here/../../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/bench/generate_model" 50 > "$work/seed-size.bpmn" 2>/dev/null
"$build/bench/generate_model" 100000 > "$work/large-100k.bpmn"
largest=$(ls -S "$shared"/corpus/miwg/*.bpmn | head -n 1)

for input in "$work/seed-size.bpmn" "$largest" "$work/large-100k.bpmn"; do
  name=$(basename "$input")
  echo "== syzba convert $name ($(stat -c %s "$input") bytes)"
  hyperfine --warmup 3 --runs 20 --style basic -N "$build/src/syzba convert $input -o $work/out.bpmn" 2>&1 | grep -E 'Time|Range'
  /usr/bin/time -v "$build/src/syzba" convert "$input" -o "$work/out.bpmn" 2>&1 | grep -E 'Maximum resident|Elapsed'
done

# syzba check on structured processes (conditions with refusals, parallel blocks, durations).
for n in 10 100 1000 100000; do
  "$build/bench/generate_structured" "$n" > "$work/structured-$n.bpmn" 2>/dev/null
done
for n in 10 100 1000; do
  echo "== syzba check, structured process of $n nodes (soundness included)"
  "$build/src/syzba" check --rule soundness-states=info "$work/structured-$n.bpmn" | grep -o 'explored [0-9]* states' || true
  hyperfine --warmup 3 --runs 20 --style basic -N -i "$build/src/syzba check $work/structured-$n.bpmn" 2>&1 | grep -E 'Time|Range'
done
echo "== syzba check, structured process of 100000 nodes (soundness skips a scope this size)"
hyperfine --warmup 1 --runs 5 --style basic -N -i "$build/src/syzba check $work/structured-100000.bpmn" 2>&1 | grep -E 'Time|Range'
/usr/bin/time -v "$build/src/syzba" check "$work/structured-100000.bpmn" 2>&1 >/dev/null | grep -E 'Maximum resident|Elapsed'

# syzba layout on generated processes in lanes (Graphviz ranks, placement, routing, labels).
"$build/bench/generate_structured" 30 4 > "$work/layout-30.bpmn" 2>/dev/null
for n in 100 1000 5000; do
  "$build/bench/generate_structured" "$n" 5 > "$work/layout-$n.bpmn" 2>/dev/null
done
for n in 30 100 1000 5000; do
  lanes=$([ "$n" = 30 ] && echo 4 || echo 5)
  echo "== syzba layout, generated process of $n nodes in $lanes lanes"
  runs=$([ "$n" = 5000 ] && echo 3 || echo 10)
  hyperfine --warmup 1 --runs "$runs" --style basic -N "$build/src/syzba layout $work/layout-$n.bpmn -o $work/laid-out.bpmn" 2>&1 | grep -E 'Time|Range'
  /usr/bin/time -v "$build/src/syzba" layout "$work/layout-$n.bpmn" -o "$work/laid-out.bpmn" 2>&1 | grep -E 'Maximum resident|Elapsed'
done

# syzba render: whole process (read, layout where DI is missing, Pango, Cairo, atomic write).
"$build/src/syzba" layout "$work/layout-30.bpmn" -o "$work/seed-di.bpmn"
for n in 1000 5000; do "$build/src/syzba" layout "$work/layout-$n.bpmn" -o "$work/render-$n.bpmn"; done
render_times() {  # name input [extra render options]
  local name=$1 input=$2; shift 2
  local line="$name"
  for fmt in svg pdf png; do
    local mean
    mean=$(hyperfine --warmup 1 --runs "${RUNS:-10}" --style none -N --export-json "$work/h.json" \
             "$build/src/syzba render $input -o $work/out.$fmt $*" >/dev/null 2>&1 &&
           python3 -c "import json;r=json.load(open('$work/h.json'))['results'][0];print(f\"{r['mean']*1000:.1f}\")" || echo failed)
    local rss
    rss=$(/usr/bin/time -v "$build/src/syzba" render "$input" -o "$work/out.$fmt" "$@" 2>&1 | awk '/Maximum resident/ {print $6}')
    line="$line | $fmt ${mean} ms, ${rss} KB"
  done
  echo "$line"
}
echo "== syzba render: mean time (hyperfine) and peak RSS, SVG | PDF | PNG"
render_times "seed-size, 30 nodes in 4 lanes, with DI" "$work/seed-di.bpmn"
render_times "seed-size, 30 nodes in 4 lanes, no DI (layout included)" "$work/layout-30.bpmn"
for f in "$shared"/corpus/miwg/*.bpmn; do render_times "MIWG $(basename "$f")" "$f"; done
RUNS=3 render_times "1,000 nodes in 5 lanes, with DI (PNG at scale 0.25)" "$work/render-1000.bpmn" --scale 0.25
RUNS=3 render_times "5,000 nodes in 5 lanes, with DI (PNG at scale 0.05)" "$work/render-5000.bpmn" --scale 0.05

# syzba compile: the text form to BPMN with DI (parse, compile, layout, write), for the text
# of every model in models/ (as describe prints it) and for a generated 1,000-action text.
echo "== syzba compile: mean time (hyperfine) and peak RSS"
for f in "$here"/../models/*.bpmn; do
  name=$(basename "$f" .bpmn)
  "$build/src/syzba" describe "$f" -o "$work/$name.syzba"
  mean=$(hyperfine --warmup 3 --runs 20 --style none -N --export-json "$work/h.json" \
           "$build/src/syzba compile $work/$name.syzba -o $work/compiled.bpmn" >/dev/null 2>&1 &&
         python3 -c "import json;r=json.load(open('$work/h.json'))['results'][0];print(f\"{r['mean']*1000:.1f} ± {r['stddev']*1000:.1f}\")")
  rss=$(/usr/bin/time -v "$build/src/syzba" compile "$work/$name.syzba" -o "$work/compiled.bpmn" 2>&1 | awk '/Maximum resident/ {print $6}')
  echo "$name ($(grep -c . "$work/$name.syzba") lines): $mean ms, $rss KB"
done
bash "$here/generate_text.sh" 1000 > "$work/generated-1000.syzba"
echo "generated, 1,000 actions ($(grep -c . "$work/generated-1000.syzba") lines):"
hyperfine --warmup 1 --runs 10 --style basic -N "$build/src/syzba compile $work/generated-1000.syzba -o $work/compiled.bpmn" 2>&1 | grep -E 'Time|Range'
/usr/bin/time -v "$build/src/syzba" compile "$work/generated-1000.syzba" -o "$work/compiled.bpmn" 2>&1 | grep -E 'Maximum resident|Elapsed'

# syzba publish: 1,000 diagrams (the models of models/ copied under 1,000 names) on 2 cores.
mkdir -p "$work/publish-in"
models=("$here"/../models/*.bpmn)
for i in $(seq 1 1000); do cp "${models[$(( (i - 1) % ${#models[@]} ))]}" "$work/publish-in/model-$i.bpmn"; done
echo "== syzba publish, 1,000 diagrams, -j 2 (first run, then again with nothing changed)"
/usr/bin/time -v "$build/src/syzba" publish "$work/publish-in" -o "$work/site" -j 2 2>&1 | grep -E 'files:|Elapsed|Maximum resident'
/usr/bin/time -v "$build/src/syzba" publish "$work/publish-in" -o "$work/site" -j 2 2>&1 | grep -E 'files:|Elapsed|Maximum resident'
du -sh "$work/site" | sed 's/^/site size: /'

# Layout quality on the MIWG corpora: people's drawings beside syzba, bpmn-auto-layout and ELK.
echo "== layout quality"
bash "$here/layout_quality.sh" "$build"
