#!/usr/bin/env bash
# Publish models/ into a static site, twice: the second run finds nothing changed.
set -euo pipefail
cd "$(dirname "$0")"
SYZBA=${SYZBA:-syzba}
mkdir -p out
"$SYZBA" publish ../../models -o out/site --lang kk
again=$("$SYZBA" publish ../../models -o out/site --lang kk 2>&1 | grep '^syzba publish:')
echo "$again"
case "$again" in *" 0 published, "*" 0 failed"*) ;; *) echo "publisher: the second run rebuilt pages" >&2; exit 1 ;; esac
test -s out/site/index.html
echo "publisher: open out/site/index.html"
