#!/usr/bin/env bash
# Whole-process benchmarks of syzba convert: time with hyperfine, peak memory with
# /usr/bin/time -v. Usage: bench/run.sh [BUILD_DIR]
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
