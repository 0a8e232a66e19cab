#!/usr/bin/env bash
# Runs each libFuzzer target on its seed corpus: the MIWG references, models/, the fixtures
# and the hostile inputs for the reader and the renderer; every duration written in models/
# for the duration parser; the text-form examples for the text form; and for each, the
# findings kept in regressions/. A crash fails the run and leaves its input in fuzz-findings/.
#
# Two modes. The default (make fuzz, part of make test and CI) is deterministic: every seed
# and regression replayed, then FUZZ_RUNS mutations from the fixed FUZZ_SEED, so that a run
# fails only because of the change under test, never because a random search happened on an
# old bug. FUZZ_SECONDS=N (make fuzz-long) is the open-ended random search instead, N seconds
# per target: run it before submitting and whenever a reader changes, and keep every finding
# as tests/fuzz/regressions/<target>-<what>.<ext>.
# Usage: tests/fuzz/run.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "$1" && pwd)
seconds=${FUZZ_SECONDS:-}
runs=${FUZZ_RUNS:-4000}
seed=${FUZZ_SEED:-20261201}
shared=${SYZBA_SHARED_DIR:-$root/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bpmn" "$work/duration" "$work/text" "$work/import" "$root/fuzz-findings"
# syzba import: the regulations written for its tests in their three forms (text, HTML, DOCX).
cp "$root"/tests/import/fixtures/*.md "$root"/tests/import/fixtures/*.html "$root"/tests/import/fixtures/*.docx "$work/import/"
cp "$root"/examples/text-form/*.syzba "$here"/regressions/*.syzba "$work/text/" 2>/dev/null || true
for f in "$shared"/corpus/miwg/*.bpmn "$root"/models/*.bpmn "$root"/tests/fixtures/*/*.bpmn "$root"/tests/hostile/*.bpmn "$here"/regressions/*.bpmn; do
  [ "$(stat -c %s "$f")" -le 1048576 ] && cp "$f" "$work/bpmn/$(basename "$(dirname "$f")")-$(basename "$f")"
done
grep -ho 'syzba:duration[^>]*text="[^"]*"' "$root"/models/*.bpmn | sed 's/.*text="//; s/"$//' | sort -u |
  while IFS= read -r d; do printf '%s' "$d" > "$work/duration/$(printf '%s' "$d" | md5sum | cut -c1-12)"; done
cp "$here"/regressions/*.duration "$work/duration/" 2>/dev/null || true
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp
# Two things make libFuzzer explore differently from one seed (measured: 572, 590, 609 new
# inputs in three runs): it re-reads its corpus folder every second (-reload, timing), and it
# keys its comparison tables by absolute addresses (ASLR). With -reload=0 and randomisation
# off, three runs gave the same inputs byte for byte.
fixed=()
if setarch "$(uname -m)" -R true 2>/dev/null; then fixed=(setarch "$(uname -m)" -R); fi
status=0
for target in reader duration render text import; do
  corpus=$work/bpmn
  [ "$target" = import ] && corpus=$work/import
  [ "$target" = duration ] && corpus=$work/duration
  [ "$target" = text ] && corpus=$work/text
  if [ -n "$seconds" ]; then
    search=(-max_total_time="$seconds")
    echo "== fuzz_$target: random search, $seconds s on $(ls "$corpus" | wc -l) seeds"
  else
    n=$runs
    [ "$target" = duration ] && n=$((runs * 50))  # microseconds a run: the same time buys more
    search=(-runs="$n" -seed="$seed" -reload=0)
    [ ${#fixed[@]} -gt 0 ] || echo "   (setarch -R is not allowed here: the search may differ from run to run)"
    echo "== fuzz_$target: $n runs from seed $seed on $(ls "$corpus" | wc -l) seeds"
  fi
  mkdir -p "$work/$target-corpus"
  if ! "${fixed[@]}" "$build/tests/fuzz/fuzz_$target" "${search[@]}" -timeout=20 -rss_limit_mb=2048 -max_len=1048576 \
       -artifact_prefix="$root/fuzz-findings/$target-" -print_final_stats=1 "$work/$target-corpus" "$corpus" \
       2> "$work/$target.log"; then
    status=1
    tail -n 40 "$work/$target.log"
  fi
  grep -E "^stat::|Done [0-9]+ runs|cov:" "$work/$target.log" | tail -n 6
done
exit $status
