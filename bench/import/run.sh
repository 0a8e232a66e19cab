#!/bin/sh
# The measure of syzba import (issue 18): precision and recall of the actions import finds in
# each seed against the hand-made models/, and the findings of `check --against` per model.
#   bench/import/run.sh [BUILD_DIR]   (default build/; the seeds from ../shared/seeds)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
"$build/bench/import_measure" "$root/../shared/seeds" "$root/models" --against
