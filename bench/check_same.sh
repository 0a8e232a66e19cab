#!/usr/bin/env bash
# The fast path says what the slow one said (issue 20): runs two syzba binaries over every
# file of models/, the MIWG references, the MIWG suite, the test fixtures and the hostile
# corpus, and over generated models, and compares the bytes and exit status of
#   check (text), check --format json with every rule on (syzba:all), check --lang kk,
#   paths, and convert (the reader's model written back).
# Usage: bench/check_same.sh BEFORE_SYZBA AFTER_SYZBA [GENERATOR_DIR]
# Prints each difference and exits 1 if there is any.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$here/..
shared=${SYZBA_SHARED_DIR:-$root/../shared}
before=$1 after=$2
generators=${3:-$root/build/bench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo '{ "extends": "syzba:all" }' > "$work/all.json"

files=("$root"/models/*.bpmn "$shared"/corpus/miwg/*.bpmn)
while IFS= read -r f; do files+=("$f"); done < <(find "$shared/corpus/miwg-suite" "$root/tests/fixtures" "$root/tests/hostile" \
  -type f \( -name '*.bpmn' -o -name '*.xml' \) | sort)
if [[ -x $generators/generate_structured ]]; then
  for n in 100 3000; do
    "$generators/generate_structured" "$n" > "$work/structured-$n.bpmn" 2>/dev/null
    "$generators/generate_structured" "$n" 3 > "$work/lanes-$n.bpmn" 2>/dev/null
    files+=("$work/structured-$n.bpmn" "$work/lanes-$n.bpmn")
  done
  "$generators/generate_model" 2000 > "$work/model-2000.bpmn" 2>/dev/null
  files+=("$work/model-2000.bpmn")
fi

run() {  # run BINARY OUT ARGS...: stdout, stderr and the exit status, into OUT
  local bin=$1 out=$2
  shift 2
  "$bin" "$@" > "$out" 2>&1
  echo "exit $?" >> "$out"
}

differences=0
for f in "${files[@]}"; do
  for variant in text json kk paths convert; do
    for side in before after; do
      bin=$before
      [[ $side == after ]] && bin=$after
      case $variant in
        text) run "$bin" "$work/$side" check "$f" ;;
        json) run "$bin" "$work/$side" check --format json --config "$work/all.json" "$f" ;;
        kk) run "$bin" "$work/$side" check --lang kk "$f" ;;
        paths) run "$bin" "$work/$side" paths "$f" ;;
        convert) run "$bin" "$work/$side" convert "$f" -o - ;;
      esac
    done
    if ! cmp -s "$work/before" "$work/after"; then
      differences=$((differences + 1))
      echo "differs: $variant $f"
      diff "$work/before" "$work/after" | head -n 6
    fi
  done
done
echo "${#files[@]} files, 5 outputs each: $differences differ"
[[ $differences -eq 0 ]]
