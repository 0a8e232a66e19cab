#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS (default 60) on its seed corpus: the MIWG
# references, models/, the fixtures and the hostile inputs for the reader and the renderer;
# every duration written in models/ for the duration parser; the text-form examples for the
# text form. A crash fails the run and leaves its input in fuzz-findings/.
# Usage: tests/fuzz/run.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "$1" && pwd)
seconds=${FUZZ_SECONDS:-60}
shared=${SYZBA_SHARED_DIR:-$root/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bpmn" "$work/duration" "$work/text" "$root/fuzz-findings"
cp "$root"/examples/text-form/*.syzba "$here"/regressions/*.syzba "$work/text/" 2>/dev/null || true
for f in "$shared"/corpus/miwg/*.bpmn "$root"/models/*.bpmn "$root"/tests/fixtures/*/*.bpmn "$root"/tests/hostile/*.bpmn "$here"/regressions/*.bpmn; do
  [ "$(stat -c %s "$f")" -le 1048576 ] && cp "$f" "$work/bpmn/$(basename "$(dirname "$f")")-$(basename "$f")"
done
grep -ho 'syzba:duration[^>]*text="[^"]*"' "$root"/models/*.bpmn | sed 's/.*text="//; s/"$//' | sort -u |
  while IFS= read -r d; do printf '%s' "$d" > "$work/duration/$(printf '%s' "$d" | md5sum | cut -c1-12)"; done
cp "$here"/regressions/*.duration "$work/duration/" 2>/dev/null || true
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp
status=0
for target in reader duration render text; do
  corpus=$work/bpmn
  [ "$target" = duration ] && corpus=$work/duration
  [ "$target" = text ] && corpus=$work/text
  echo "== fuzz_$target: $seconds s on $(ls "$corpus" | wc -l) seeds"
  mkdir -p "$work/$target-corpus"
  if ! "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=1048576 \
       -artifact_prefix="$root/fuzz-findings/$target-" -print_final_stats=1 "$work/$target-corpus" "$corpus" \
       2> "$work/$target.log"; then
    status=1
    tail -n 40 "$work/$target.log"
  fi
  grep -E "^stat::|Done [0-9]+ runs|cov:" "$work/$target.log" | tail -n 6
done
exit $status
