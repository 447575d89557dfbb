#!/usr/bin/env bash
# Links a whole synthetic Twente (or, with SCALE 28, the synthetic Netherlands) through the production
# path and reports pairs compared, wall time, peak memory and quality against the generator's truth:
#   generate → keygen → pseudonymise (six desks) → ingest → `samenzicht link --truth` (full run)
#   → one more month of Veilig Thuis reports → `samenzicht link` (incremental run)
#   bench/linkage/whole_twente.sh [BUILD_DIR] [SCALE] [YEARS] [WORK_DIR]
# FIELD_ENCODINGS=1 pseudonymises with --veldcoderingen (issue 18's keyed field encodings), into
# WORK_DIR/extracts-fields and store-fields.db, so both variants can share one generated population.
# Defaults: build, 1, 2016-2025, /tmp/sz-link-bench. Scale 28 needs ≈ 12 GB of disk, 13 GB of memory and
# about an hour (generation, pseudonymisation and ingest ≈ 25 min, the full link ≈ 30 min).
# The peer figure (all pairs) is printed by the link command itself ("van … mogelijke").
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
scale=${2:-1}
years=${3:-2016-2025}
work=${4:-/tmp/sz-link-bench}
sz="$(pwd)/$build/src/cli/samenzicht"
desks=(veilig_thuis zorgwekkend_gedrag woningvervuiling wonen_verblijf jeugdhulp wmo)
variant="" pseudonymise_flags=()
if [[ ${FIELD_ENCODINGS:-0} == 1 ]]; then variant="-fields" pseudonymise_flags=(--veldcoderingen); fi
extracts="$work/extracts$variant"
mkdir -p "$work"
if [[ ! -f "$work/desks/truth/persons.csv" ]]; then
  "$sz" generate --out "$work/desks" --seed 2026 --scale "$scale" --years "$years"
fi
# The region table the generation used (above scale 1: a synthetic Netherlands); older folders lack it.
[[ -f "$work/desks/regio-indeling.csv" ]] && export SAMENZICHT_REGIONS="$work/desks/regio-indeling.csv"
[[ -f "$work/desks.key" ]] || "$sz" keygen --out "$work/desks.key" >/dev/null
mkdir -p "$extracts"
for source in "${desks[@]}"; do
  [[ -f "$extracts/$source.csv" ]] && continue
  "$sz" pseudonymise --key "$work/desks.key" --source "$source" --postcodes "$work/desks/postcodes.csv" \
    "${pseudonymise_flags[@]}" "$work/desks/$source/registraties.csv" "$work/desks/$source/betrokkenen.csv" \
    -o "$extracts/$source.csv"
done

# The last month of Veilig Thuis reports arrives later: split it off the extract (header lines kept).
last_month=$(grep -v '^#' "$extracts/veilig_thuis.csv" | tail -n +2 | cut -d';' -f2 | sort | tail -1 | cut -c1-7)
awk -F';' -v month="$last_month" '/^#/ || $1 == "melding_id" || index($2, month) != 1' \
  "$extracts/veilig_thuis.csv" >"$extracts/vt-before.csv"
awk -F';' -v month="$last_month" '/^#/ || $1 == "melding_id" || index($2, month) == 1' \
  "$extracts/veilig_thuis.csv" >"$extracts/vt-last-month.csv"

db="$work/store$variant.db"
rm -f "$db" "$db-wal" "$db-shm"
for source in "${desks[@]}"; do
  file="$extracts/$source.csv"
  [[ $source == veilig_thuis ]] && file="$extracts/vt-before.csv"
  "$sz" ingest --db "$db" --source "$source" "$file" | grep -v '^the store now links'
done
echo "== full run (scale $scale, $years${variant:+, with field encodings})"
/usr/bin/time -f "wall %e s, peak memory %M KB" "$sz" link --db "$db" --threads 2 --verbose --truth "$work/desks/truth/persons.csv"
echo "== incremental run: Veilig Thuis reports of $last_month"
"$sz" ingest --db "$db" --source veilig_thuis "$extracts/vt-last-month.csv"
/usr/bin/time -f "wall %e s, peak memory %M KB" "$sz" link --db "$db" --threads 2 --verbose --truth "$work/desks/truth/persons.csv"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -srm), $(date -u +%F)"
