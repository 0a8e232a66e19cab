#!/usr/bin/env bash
# syzba serve under load on loopback, with its anchor in the same run: wrk posts a seed-size
# model for SVG and PNG at 1, 32 and 64 connections; bpmn-js draws the same model in one warm
# Chromium (Kroki's way); then 100,000 requests and the server's resident memory before and
# after. usage: bench/serve/run.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
seconds=${2:-5}
model=$here/../../models/004-child-benefit-main-1.bpmn
log=$(mktemp)
"$build/src/syzba" serve --port 0 2> "$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q listening "$log" && break; sleep 0.05; done
url=http://127.0.0.1:$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$log")
resident() { curl --noproxy '*' -s "$url/metrics" | sed -n 's/^process_resident_memory_bytes //p'; }

echo "model: $(basename "$model") ($(stat -c %s "$model") bytes), $(nproc) cores, wrk on the same machine"
for format in svg png; do
  for connections in 1 32 64; do
    printf '%s, %2d connections: ' "$format" "$connections"
    BODY=$model wrk -t$(( connections < 2 ? 1 : 2 )) -c"$connections" -d"${seconds}s" --latency -s "$here/post.lua" "$url/render?format=$format" |
      awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$4} END {printf "%s req/s, p50 %s, p99 %s%s\n", rps, p50, p99, bad ? ", NON-2XX " bad : ""}'
  done
done
node "$here/bpmnjs_warm.mjs" "$model" "$seconds"

before=$(resident)
served() { curl --noproxy '*' -s "$url/metrics" | awk '/^syzba_requests_total\{route="\/render"/ {n += $2} END {print n + 0}'; }
start=$(served)
BODY=$model wrk -t2 -c32 -d600s -s "$here/post.lua" "$url/render?format=svg" > /dev/null &
load=$!
# Until 100,000 requests have been counted by the server's own metrics.
while :; do
  count=$(( $(served) - start ))
  [ "$count" -ge 100000 ] && break
  sleep 1
done
kill $load 2>/dev/null || true
wait $load 2>/dev/null || true
echo "resident memory: $((before / 1048576)) MiB after the runs above, $(( $(resident) / 1048576 )) MiB after $count more requests"
