#!/usr/bin/env bash
# Layout quality on the MIWG corpora (corpus/miwg, the 21 references, and corpus/miwg-suite, the
# vendors' exports of them): each person's drawing measured as it is, beside syzba's layout of
# the same file with its DI removed (and, in full mode, bpmn-auto-layout's and ELK's, measured
# by syzba from their DI). Prints one Markdown report: a table of aggregates per corpus and
# tool, the files left out, the failures.
# Usage: bench/layout_quality.sh [--quick] [--per-file] [BUILD_DIR]
#   --quick     syzba only (no node tools), for fast iteration on src/layout
#   --per-file  also one row per file, worst first, to find the files to look at
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
flags=()
build_dir=$here/../build
for a in "$@"; do
  case $a in
    --quick | --per-file) flags+=("$a") ;;
    -h | --help) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "layout_quality.sh: unknown option $a" >&2; exit 2 ;;
    *) build_dir=$a ;;
  esac
done
build=$(cd "$build_dir" && pwd)
shared=${SYZBA_SHARED_DIR:-$here/../../shared}
# The node tools are installed on first use (and again once package.json gains elkjs).
if [[ " ${flags[*]-} " != *" --quick "* && ! -d "$here/auto-layout/node_modules/elkjs" ]]; then
  (cd "$here/auto-layout" && npm ci --no-audit --no-fund --loglevel=error)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy of the binary, so that a rebuild in the meantime cannot fail half the files.
cp -p "$build/src/syzba" "$work/syzba"
"$work/syzba" --help >/dev/null
python3 "$here/layout_quality.py" --syzba "$work/syzba" --syzba-built "$build/src/syzba" --work "$work" \
  --shared "$shared" --node-dir "$here/auto-layout" --jobs "$(nproc)" ${flags[@]+"${flags[@]}"}
