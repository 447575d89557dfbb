#!/usr/bin/env bash
# `samenzicht run` on a whole synthetic Twente: the full run (link, compute every indicator, signals,
# publish) stage by stage with wall time and peak memory, then one more month of Veilig Thuis and the
# incremental run that follows it; the peer is the full run in the same session (ratio incremental/full).
#   generate → keygen → pseudonymise (six desks) → ingest all but VT's last month, the monitor,
#   bevolking, infectieziekten → link --full │ run (compute, signals, publish: nothing new to link)
#   │ signals detect │ publish --full │ publish │ run --full → ingest VT's last month → run (incremental)
#   bench/run/run_bench.sh [BUILD_DIR] [SCALE] [WORK_DIR] [YEARS]
# Defaults: build, 1, /tmp/sz-run-bench (the generated data are kept there and reused), 2016-2025.
# Scale 1 needs ≈ 2 GB of disk and ≈ 15 minutes on 2 cores, most of it generating, pseudonymising and
# ingesting; scale 28 with YEARS 2024-2025 ≈ 6 GB and about an hour.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
scale=${2:-1}
work=${3:-/tmp/sz-run-bench}
years=${4:-2016-2025}
sz="$(pwd)/$build/src/cli/samenzicht"
desks=(veilig_thuis zorgwekkend_gedrag woningvervuiling wonen_verblijf jeugdhulp wmo)
mkdir -p "$work"
[[ -f "$work/desks/truth/persons.csv" ]] || "$sz" generate --out "$work/desks" --seed 2026 --scale "$scale" --years "$years" >/dev/null
# The region table the generation used (above scale 1: a synthetic Netherlands); older folders lack it.
[[ -f "$work/desks/regio-indeling.csv" ]] && export SAMENZICHT_REGIONS="$work/desks/regio-indeling.csv"
[[ -f "$work/desks.key" ]] || "$sz" keygen --out "$work/desks.key" >/dev/null
mkdir -p "$work/extracts"
for source in "${desks[@]}"; do
  [[ -f "$work/extracts/$source.csv" ]] && continue
  "$sz" pseudonymise --key "$work/desks.key" --source "$source" --postcodes "$work/desks/postcodes.csv" \
    "$work/desks/$source/registraties.csv" "$work/desks/$source/betrokkenen.csv" -o "$work/extracts/$source.csv" >/dev/null
done
last_month=$(grep -v '^#' "$work/extracts/veilig_thuis.csv" | tail -n +2 | cut -d';' -f2 | sort | tail -1 | cut -c1-7)
awk -F';' -v month="$last_month" '/^#/ || $1 == "melding_id" || index($2, month) != 1' \
  "$work/extracts/veilig_thuis.csv" >"$work/vt-before.csv"
awk -F';' -v month="$last_month" '/^#/ || $1 == "melding_id" || index($2, month) == 1' \
  "$work/extracts/veilig_thuis.csv" >"$work/vt-last-month.csv"

db="$work/store.db"
rm -f "$db" "$db-wal" "$db-shm"
ingest() { "$sz" ingest --db "$db" --source "$@" >/dev/null; }
ingest veilig_thuis "$work/vt-before.csv"
for source in "${desks[@]:1}"; do ingest "$source" "$work/extracts/$source.csv"; done
ingest gezondheidsmonitor "$work"/desks/gezondheidsmonitor/monitor-*.sav
ingest bevolking "$work/desks/bevolking/bevolking.csv"
ingest infectieziekten "$work/desks/infectieziekten/infectieziekten.csv"

timed() {
  /usr/bin/time -o "$work/time.txt" -f "   wall %e s, CPU %U + %S s, peak memory %M KB" "$@"
  cat "$work/time.txt"
}
echo "== scale $scale, $years: the full run, stage by stage (each stage its own process: its own peak memory)"
echo "-- koppelen: link --full"
timed "$sz" link --db "$db" --full | tail -1
echo "-- berekenen, signaleren, openbaarmaken: run (nothing new to link; a fresh store, so every indicator is computed)"
timed "$sz" run --db "$db" 2>/dev/null
echo "-- signaleren alone: signals detect (every signalable series, the scan, co-movement, waves, belasting)"
timed "$sz" signals detect --db "$db" | tail -3
echo "-- openbaarmaken alone: publish --full (primary rules, secondary suppression and the audit over all audiences, every part afresh)"
timed "$sz" publish --db "$db" --full | tail -4
echo "-- publish again, nothing changed (every part's protection from the memo)"
timed "$sz" publish --db "$db" | tail -4
echo "== the full run in one process: run --full"
timed "$sz" run --db "$db" --full 2>/dev/null
echo "== Veilig Thuis's reports of $last_month arrive: run (incremental), with the time per indicator"
ingest veilig_thuis "$work/vt-last-month.csv"
timed "$sz" run --db "$db" --verbose 2>/dev/null
echo "== nothing new: run"
timed "$sz" run --db "$db" 2>/dev/null
echo "store: $(du -m "$db" | cut -f1) MB; machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -srm), $(date -u +%F)"
