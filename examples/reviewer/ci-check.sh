#!/usr/bin/env bash
# A CI step: check every model of a folder, keep SARIF and the paths as artefacts, fail on an
# error-level finding. Usage: ci-check.sh MODELS_DIR OUT_DIR
set -uo pipefail
SYZBA=${SYZBA:-syzba}
models=$1 out=$2
mkdir -p "$out"
"$SYZBA" check --format sarif "$models"/*.bpmn > "$out/check.sarif"
status=$?
"$SYZBA" paths "$models"/*.bpmn > "$out/paths.txt"
if [ "$status" -ge 2 ]; then echo "ci-check: a model could not be read" >&2; exit 2; fi
if [ "$status" -eq 1 ]; then
  echo "ci-check: error-level findings (see $out/check.sarif):" >&2
  "$SYZBA" check "$models"/*.bpmn | grep ': error: ' >&2
  exit 1
fi
echo "ci-check: no error-level finding in $(ls "$models"/*.bpmn | wc -l) model(s)"
