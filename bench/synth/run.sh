#!/usr/bin/env bash
# Benchmark of `samenzicht generate` (issue 3): rows per second and peak memory.
#
#   bench/synth/run.sh BUILD_DIR [SCALE YEARS]...
#   bench/synth/run.sh build-synth 1 2016-2025 28 2024-2025
#
# For each (scale, years) pair it generates into a temporary directory, measures wall time, CPU time
# and peak resident memory with /usr/bin/time -v, counts the data rows written (the command's own
# report), prints one line per run and removes the output. Results go in BENCHMARKS.md under
# "Synthetic Twente generation (issue 3)".
set -euo pipefail
build_dir=${1:?usage: run.sh BUILD_DIR [SCALE YEARS]...}
shift
binary="$build_dir/src/cli/samenzicht"
[[ -x "$binary" ]] || { echo "no $binary: build the samenzicht target first" >&2; exit 3; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 3; }
if [[ $# -eq 0 ]]; then set -- 1 2016-2025; fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(uname -r)"
while [[ $# -ge 2 ]]; do
  scale=$1 years=$2
  shift 2
  out=$(mktemp -d /tmp/synth-bench.XXXXXX)
  report=$(mktemp) timing=$(mktemp)
  /usr/bin/time -v "$binary" generate --out "$out/data" --seed 1 --scale "$scale" --years "$years" >"$report" 2>"$timing"
  rows=$(sed -n 's/.*regels totaal: \([0-9]*\).*/\1/p' "$report")
  persons=$(sed -n 's/personen gesimuleerd: \([0-9]*\);.*/\1/p' "$report")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$timing")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$timing")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timing")
  size=$(du -sh "$out/data" | cut -f1)
  awk -v scale="$scale" -v years="$years" -v rows="$rows" -v persons="$persons" -v wall="$wall" -v cpu="$cpu" \
      -v rss="$rss" -v size="$size" 'BEGIN {
        printf "scale %s, years %s: %d persons, %d rows, %s on disk; wall %.1f s (%.0f rows/s), cpu %.1f s (%.0f rows/s per core), peak RSS %s MiB\n",
               scale, years, persons, rows, size, wall, rows / wall, cpu, rows / cpu, rss }'
  rm -rf "$out" "$report" "$timing"
done
