#!/usr/bin/env bash
# The CI step on a complete folder (passes) and on an incomplete one (fails, as it should).
set -uo pipefail
cd "$(dirname "$0")"
export SYZBA=${SYZBA:-syzba}
bash ci-check.sh good out/good || { echo "reviewer: good/ should pass" >&2; exit 1; }
if bash ci-check.sh incomplete out/incomplete; then
  echo "reviewer: incomplete/ should fail" >&2
  exit 1
fi
grep -q '"version": "2.1.0"' out/incomplete/check.sarif
grep -q "refusal-branch-missing" out/incomplete/check.sarif
echo "reviewer: good/ passed, incomplete/ failed as it should; SARIF in out/*/check.sarif"
