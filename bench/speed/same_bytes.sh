#!/usr/bin/env bash
# The outputs of two syzba binaries compared byte for byte with cmp (issue 20: a fast path must
# not change one byte): SVG of every file of models/, the MIWG corpus and the MIWG suite, each
# drawn alone and all in one process with -j 2 (twice, to see that -j 2 is deterministic);
# models/ also as PNG and as an A4 landscape PDF.
# Usage: bench/speed/same_bytes.sh OLD_SYZBA NEW_SYZBA
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${SYZBA_SHARED_DIR:-$here/../../../shared}
old=$1 new=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
models=("$here"/../../models/*.bpmn)
miwg=("$shared"/corpus/miwg/*.bpmn)
mapfile -t suite < <(find "$shared"/corpus/miwg-suite -name '*.bpmn' | sort)
compared=0 bad=0 missing=0
# compare A B: both missing is the same (neither could draw it); else cmp.
compare() {
  compared=$((compared + 1))
  if [[ ! -e $1 && ! -e $2 ]]; then missing=$((missing + 1)); return; fi
  if ! cmp -s "$1" "$2"; then echo "DIFFERENT $1 $2"; bad=$((bad + 1)); fi
}
# one SET EXT [ARGS...]: each input of SET drawn alone by both binaries.
one() {
  local set=$1 ext=$2; shift 2
  local -n inputs=$set
  mkdir -p "$work/$set-$ext-old" "$work/$set-$ext-new"
  local i=0
  for f in "${inputs[@]}"; do
    i=$((i + 1))
    for b in old new; do
      "${!b}" render "$f" -o "$work/$set-$ext-$b/$i.$ext" "$@" >/dev/null 2>&1
    done
    compare "$work/$set-$ext-old/$i.$ext" "$work/$set-$ext-new/$i.$ext"
  done
}
one models svg
one models png
one models pdf --page A4 --landscape
one miwg svg
one suite svg
# many: models and MIWG in one process, the suite in another; new twice.
for b in old new again; do
  bin=$new; [[ $b == old ]] && bin=$old
  mkdir -p "$work/many-$b" "$work/suite-many-$b"
  "$bin" render "${models[@]}" "${miwg[@]}" -o "$work/many-$b/" -j 2 >/dev/null 2>&1
  "$bin" render "${suite[@]}" -o "$work/suite-many-$b/" -j 2 >/dev/null 2>&1
done
for d in many suite-many; do
  for f in "$work/$d-old"/* "$work/$d-new"/*; do
    n=$(basename "$f")
    [[ $f == "$work/$d-new/"* && -e "$work/$d-old/$n" ]] && continue  # compared from the old side
    compare "$work/$d-old/$n" "$work/$d-new/$n"
    compare "$work/$d-new/$n" "$work/$d-again/$n"
  done
done
echo "$compared comparisons (${#models[@]} models × svg, png, A4 pdf; ${#miwg[@]} MIWG; ${#suite[@]} suite; many-in-one -j 2 twice): $bad different, $missing drawn by neither"
[[ $bad == 0 ]]
