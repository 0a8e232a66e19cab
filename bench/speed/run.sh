#!/usr/bin/env bash
# syzba beside its anchors, measured in the same run on this machine (issue 20): each row is
# whole processes timed by hyperfine (mean), with the anchor's figure and the ratio beside it.
#   cold SVG      syzba render of one MIWG file    | bpmn-js in a freshly launched Chromium
#   fonts         syzba with its own font set       | syzba with the system's fontconfig set-up
#   cold CPU      the same render's user + system   | syzba --version's (the loader, the start)
#   many SVG      syzba render of the 21 MIWG files into a folder, one process, per file
#                                                   | bpmn-js in one warm Chromium, per file
#                 and its CPU per file (target 1.5 ms)
#   check 100k    syzba check, 100,000 nodes        | bpmnlint (recommended rules), same file
#   PNG           syzba render of a seed model to PNG (no anchor: the target is 15 ms), and its
#                 CPU time (user + system) beside the SVG's of the same model
#   publish       syzba publish of 100 diagrams (models/ copied) on 2 cores, per diagram, wall
#                 and CPU (the target: 1,000 in 10 s, 10 ms a diagram); and the print PDF it
#                 makes of each, alone (render --page A4 --landscape), beside the SVG's CPU
# Usage: bench/speed/run.sh [BUILD_DIR]   (make bench runs it after bench/run.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
shared=${SYZBA_SHARED_DIR:-$here/../../../shared}
syzba=$build/src/syzba
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
miwg=("$shared"/corpus/miwg/*.bpmn)
one=$shared/corpus/miwg/A.1.0.bpmn
seed=$here/../../models/004-child-benefit-main-1.bpmn

mean_ms() {  # mean of a command in ms; hyperfine with RUNS runs (default 20)
  hyperfine -N --warmup "${WARMUP:-3}" --runs "${RUNS:-20}" --style none --export-json "$work/h.json" "$1" >/dev/null 2>&1
  python3 -c "import json;print(f\"{json.load(open('$work/h.json'))['results'][0]['mean']*1000:.2f}\")"
}
rss_mb() { /usr/bin/time -f %M bash -c "$1 >/dev/null 2>&1" 2>&1 | tail -n 1 | awk '{printf "%.0f", $1/1024}'; }
rows=()
row() { rows+=("$1|$2|$3|$4"); }  # what | syzba | anchor | anchor's name

cold=$(mean_ms "$syzba render $one -o $work/a.svg")
bpmnjs_cold=$(RUNS=5 WARMUP=1 mean_ms "node $here/bpmnjs.mjs cold $one")
row "one SVG, cold, whole process (A.1.0)" "$cold ms" "$bpmnjs_cold ms" "bpmn-js, fresh Chromium"
system_fonts=$(SYZBA_SYSTEM_FONTS=1 mean_ms "env SYZBA_SYSTEM_FONTS=1 $syzba render $one -o $work/a.svg")
row "one SVG, cold: syzba's font set vs the system's" "$cold ms" "$system_fonts ms" "syzba, system fontconfig"
version=$(mean_ms "$syzba --version")
row "syzba --version (the loader alone)" "$version ms" "-" "-"
cpu_ms() {  # mean user + system ms of a command (hyperfine's), as mean_ms
  hyperfine -N --warmup "${WARMUP:-3}" --runs "${RUNS:-20}" --style none --export-json "$work/h.json" "$1" >/dev/null 2>&1
  python3 -c "import json;r=json.load(open('$work/h.json'))['results'][0];print(f\"{(r['user']+r['system'])*1000:.2f}\")"
}
# CPU, which the other processes of a busy machine do not lengthen as they do the wall time;
# the target is 5 ms.
row "one SVG, cold: CPU (user + system), beside --version's" "$(cpu_ms "$syzba render $one -o $work/a.svg") ms" "$(cpu_ms "$syzba --version") ms" "syzba --version, CPU"
png=$(mean_ms "$syzba render $seed -o $work/a.png")
row "one PNG, seed model (004 main-1), cold" "$png ms" "-" "target 15 ms"
row "one PNG, seed model: CPU, beside the SVG's" "$(cpu_ms "$syzba render $seed -o $work/a.png") ms" "$(cpu_ms "$syzba render $seed -o $work/a.svg") ms" "the same model to SVG"

models=("$here"/../../models/*.bpmn)
mkdir -p "$work/publish-in"
for i in $(seq 1 100); do cp "${models[$(( (i - 1) % ${#models[@]} ))]}" "$work/publish-in/model-$i.bpmn"; done
/usr/bin/time -f '%e %U %S' "$syzba" publish "$work/publish-in" -o "$work/site" -j 2 >/dev/null 2>"$work/publish.time" || true
read -r pw pu ps < <(tail -n 1 "$work/publish.time")
row "publish, 100 diagrams, -j 2: wall per diagram" "$(python3 -c "print(f'{$pw*10:.1f}')") ms" "10 ms" "target (1,000 in 10 s)"
row "publish, 100 diagrams, -j 2: CPU per diagram" "$(python3 -c "print(f'{($pu+$ps)*10:.1f}')") ms" "20 ms" "2 cores × 10 ms"
# What publish's print PDF costs (render/print*.cpp: A4 landscape, cut into pages, relaid out
# when the model's own DI needs more pages): the 100 diagrams drawn that way in one process,
# beside the same 100 to SVG, CPU per diagram.
pcpu() { /usr/bin/time -f '%U %S' "$@" >/dev/null 2>"$work/p.time" || true; python3 -c "u,s=open('$work/p.time').read().split()[-2:];print(f'{(float(u)+float(s))*10:.1f}')"; }
print_pdf=$(pcpu "$syzba" render "$work"/publish-in/*.bpmn -o "$work/print/" --format pdf --page A4 --landscape -j 1)
plain_svg=$(pcpu "$syzba" render "$work"/publish-in/*.bpmn -o "$work/plain/" -j 1)
row "publish's print PDF alone: 100 diagrams to A4 PDF, one process, CPU per diagram" "$print_pdf ms" "$plain_svg ms" "the same 100 to SVG"

n=${#miwg[@]}
for jobs in 1 2; do
  many=$(RUNS=10 mean_ms "$syzba render ${miwg[*]} -o $work/many/ -j $jobs")
  per=$(python3 -c "print(f'{$many/$n:.2f}')")
  warm=$(node "$here/bpmnjs.mjs" warm "${miwg[@]}" | awk '/warm-ms/ {print $2}')
  row "$n MIWG SVGs in one process, -j $jobs, per file" "$per ms" "$(python3 -c "print(f'{$warm/$n:.2f}')") ms" "bpmn-js, one warm Chromium"
done
many_cpu=$(RUNS=10 cpu_ms "$syzba render ${miwg[*]} -o $work/many/ -j 1")
row "$n MIWG SVGs in one process, -j 1: CPU per file" "$(python3 -c "print(f'{$many_cpu/$n:.2f}')") ms" "1.5 ms" "target"
separate=$(RUNS=5 mean_ms "bash -c 'for f in ${miwg[*]}; do $syzba render \$f -o $work/a.svg; done'")
row "$n MIWG SVGs as $n processes, per file" "$(python3 -c "print(f'{$separate/$n:.2f}')") ms" "-" "-"

"$build/bench/generate_structured" 100000 > "$work/s100k.bpmn" 2>/dev/null
echo '{ "extends": "bpmnlint:recommended" }' > "$work/.bpmnlintrc"
lint="$here/../../tests/interop/node_modules/.bin/bpmnlint"
check=$(RUNS=3 WARMUP=1 mean_ms "bash -c '$syzba check $work/s100k.bpmn >/dev/null; true'")
bpmnlint=$(RUNS=3 WARMUP=1 mean_ms "bash -c 'cd $work && $lint s100k.bpmn >/dev/null; true'")
row "check, 100,000 nodes" "$check ms" "$bpmnlint ms" "bpmnlint"
row "check, 100,000 nodes: peak memory" "$(rss_mb "$syzba check $work/s100k.bpmn") MB" "$(rss_mb "cd $work && $lint s100k.bpmn") MB" "bpmnlint"

echo "| what | syzba | anchor | anchor is | anchor ÷ syzba |"
echo "|---|---|---|---|---|"
for r in "${rows[@]}"; do
  IFS='|' read -r what ours theirs name <<<"$r"
  ratio=$(python3 -c "
a='$ours'.split()[0]; b='$theirs'.split()[0]
print('-' if b=='-' else f'{float(b)/float(a):.1f}×')")
  echo "| $what | $ours | $theirs | $name | $ratio |"
done
