#!/usr/bin/env bash
# Runs every benchmark in bench/ (each compares with its peer in the same run) and prints the
# figures to record in BENCHMARKS.md, with the machine they ran on.
#   scripts/bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -srm), $(date -u +%F)"
echo "== ingest (issue 2)"
"$build/bench/ingest/ingest_bench" 1000000
for script in bench/*/run.sh; do
  [ -x "$script" ] || continue
  echo "== $script"
  "$script" "$build"
done
