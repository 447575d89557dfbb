#!/usr/bin/env bash
# Runs every benchmark in bench/ (each compares with its peer in the same run) and prints the
# figures to record in BENCHMARKS.md, with the machine they ran on. The survey and detection
# benchmarks run R beside Samenzicht (make bench installs it). Takes about half an hour; the
# scale-28 generation is left out (run bench/synth/run.sh BUILD 28 2016-2025 for it).
#   scripts/bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -srm), $(date -u +%F)"
echo "== ingest (issue 2): veilig_thuis extract vs sqlite3 .import"
"$build/bench/ingest/ingest_bench" 1000000
echo "== synthetic Twente generation (issue 3)"
bench/synth/run.sh "$build" 1 2016-2025
echo "== pseudonymisation, CLK encoding, Dice (issue 4)"
"$build/bench/privacy/privacy_bench" --benchmark_counters_tabular=true --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true
echo "== survey estimation vs R svyby (issue 5)"
"$build/bench/survey/survey_bench"
echo "== farringtonFlexible vs R (issue 6)"
"$build/bench/detection/detection_bench" --series 1000 --r-series 8
echo "== linkage (issue 7)"
"$build/bench/linkage/linkage_bench" 100000 2 7
echo "== samenzicht run on the whole Twente: full and incremental (issue 13)"
bench/run/run_bench.sh "$build" 1
echo "== disclosure control: FindNarrowCells vs the full per-cell audit, and ProtectTable (issue 15)"
"$build/bench/disclosure/disclosure_bench"
echo "== the HTTP API under 100 concurrent clients (wrk), against /api/gezondheid (issue 16)"
bench/server/run.sh "$build" /tmp/sz-run-bench/store.db 20
echo "== the dashboard: time to a rendered page against its own API requests, in Chromium (issue 17)"
bench/dashboard/run.sh "$build" 0.05 10
