#!/usr/bin/env bash
# The whole journey that exists so far, on a freshly generated synthetic Twente:
#   generate → keygen → pseudonymise (at the "desks") → ingest → summary → link → crossdesk → survey
#   (from the stored health monitor) → detect-eval (on the stored infectious-disease counts) →
#   indicators --check → run (compute the catalogue, look for signals, publish through disclosure
#   control) → a new VT month → run (incremental) → the signal list with a triage step → export, for
#   the analysts and for the public → one account per role (fresh random passwords, printed) → serve
#   the dashboard and the API on http://localhost:8080 until Ctrl-C
#
#   scripts/demo.sh [BUILD_DIR]        (make demo runs this after building)
# Environment: DEMO_DIR (default demo-out), DEMO_SCALE (default 1), DEMO_SEED (default 2026),
# DEMO_CONFIG (a generator configuration instead of config/synthetic-twente.json), DEMO_PORT (default
# 8080), DEMO_NO_SERVE (set: stop after the accounts instead of serving), DEMO_WIJKGRENZEN (a TopoJSON
# of real wijk boundaries for the wijk maps, serve --wijkgrenzen; docs/dashboard.md).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
sz="$build/src/cli/samenzicht"
out=${DEMO_DIR:-demo-out}
scale=${DEMO_SCALE:-1}
seed=${DEMO_SEED:-2026}
generate_config=()
[[ -n "${DEMO_CONFIG:-}" ]] && generate_config=(--config "$DEMO_CONFIG")
db="$out/samenzicht.db"
wave=2024  # the latest health-monitor wave the generator writes

has_command() { "$sz" "$1" --help >/dev/null 2>&1; }

rm -rf "$out"
mkdir -p "$out"
echo "== 1. Synthetisch Twente (seed $seed, schaal $scale) → $out/desks"
"$sz" generate --out "$out/desks" --seed "$seed" --scale "$scale" "${generate_config[@]}"
# Every later command uses the region table the generation wrote (above scale 1 it holds the synthetic
# gemeenten of a synthetic Netherlands; docs/synthetic-twente.md).
export SAMENZICHT_REGIONS="$out/desks/regio-indeling.csv"

echo "== 2. Bij elk meldpunt: een sleutel (buiten de opslag bewaard) en een gepseudonimiseerd extract"
# One key for this demo run, shared by the desks so that their extracts can be linked. It lives
# next to the desks' files, never in the store.
"$sz" keygen --out "$out/desks/demo.key"
mkdir -p "$out/extracts"
for source in veilig_thuis zorgwekkend_gedrag woningvervuiling wonen_verblijf jeugdhulp wmo; do
  "$sz" pseudonymise --key "$out/desks/demo.key" --source "$source" \
    --postcodes "$out/desks/postcodes.csv" \
    "$out/desks/$source/registraties.csv" "$out/desks/$source/betrokkenen.csv" \
    -o "$out/extracts/$source.csv"
done

echo "== 3. Inlezen in de opslag ($db)"
# Veilig Thuis delivers monthly: its last month arrives after the first run (step 10).
vt="$out/extracts/veilig_thuis.csv"
last_month=$(grep -v '^#' "$vt" | tail -n +2 | cut -d';' -f2 | sort | tail -1 | cut -c1-7)
awk -F';' -v month="$last_month" '/^#/ || $1 == "melding_id" || index($2, month) != 1' "$vt" >"$out/extracts/vt-until-last-month.csv"
awk -F';' -v month="$last_month" '/^#/ || $1 == "melding_id" || index($2, month) == 1' "$vt" >"$out/extracts/vt-$last_month.csv"
"$sz" ingest --db "$db" --source veilig_thuis "$out/extracts/vt-until-last-month.csv"
for source in zorgwekkend_gedrag woningvervuiling wonen_verblijf jeugdhulp wmo; do
  "$sz" ingest --db "$db" --source "$source" "$out/extracts/$source.csv"
done
"$sz" ingest --db "$db" --source gezondheidsmonitor "$out"/desks/gezondheidsmonitor/monitor-*.sav
"$sz" ingest --db "$db" --source bevolking "$out/desks/bevolking/bevolking.csv"
"$sz" ingest --db "$db" --source infectieziekten "$out/desks/infectieziekten/infectieziekten.csv"
echo "   (hetzelfde bestand nog eens inlezen voegt niets toe:)"
"$sz" ingest --db "$db" --source infectieziekten "$out/desks/infectieziekten/infectieziekten.csv"

echo "== 4. Wat de opslag bevat"
"$sz" summary --db "$db"

echo "== 5. Personen en huishoudens koppelen over de meldpunten (getoetst aan de waarheid van de generator)"
"$sz" link --db "$db" --truth "$out/desks/truth/persons.csv"

echo "== 6. Dwarsverbanden over de meldpunten uit de gekoppelde personen, getoetst aan de waarheid"
"$sz" crossdesk --db "$db" --truth "$out/desks" --out "$out/dwarsverbanden.csv"

echo "== 7. Gezondheidsmonitor: eenzaamheid per gemeente uit de opgeslagen golf $wave (naar het steekproefontwerp, als R's survey)"
"$sz" survey --db "$db" --wave "$wave" --ids psu --strata stratum --weights gewicht \
  --ciprop eenzaam --by gemeente --out "$out/eenzaam-$wave.csv"
head -4 "$out/eenzaam-$wave.csv"

echo "== 8. Vroege signalen: de detectiemethoden vergeleken op de ingebrachte uitbraken (reeksen uit de opslag)"
"$sz" detect-eval --db "$db" --truth "$out/desks" --json "$out/detect-eval.json"

echo "== 9. De indicatorcatalogus (config/indicatoren) gecontroleerd, de indicatoren berekend, signalen gezocht en na openbaarmakingscontrole gepubliceerd"
"$sz" indicators --check
"$sz" run --db "$db"
echo "== 10. De meldingen van Veilig Thuis over $last_month komen binnen: run koppelt alleen die bij en berekent alleen wat ze raken"
"$sz" ingest --db "$db" --source veilig_thuis "$out/extracts/vt-$last_month.csv"
"$sz" run --db "$db"
echo "== 11. De signalenlijst voor het signaleringsoverleg (docs/signals.md); het eerste signaal wordt besproken"
# Through a file: `| head` would close the pipe early and, with pipefail, end the demo on SIGPIPE.
"$sz" signals --db "$db" >"$out/signalen.txt"
head -n 25 "$out/signalen.txt"
"$sz" signals --db "$db" --json "$out/signalen.json"
"$sz" signals --db "$db" --status nieuw >"$out/signalen-nieuw.txt"
first_signal=$(awk 'NR > 2 && $1 ~ /^[0-9]+$/ {print $1; exit}' "$out/signalen-nieuw.txt")
if [[ -n "$first_signal" ]]; then
  "$sz" signals triage "$first_signal" --db "$db" --status besproken --door demo \
    --note "Besproken in het signaleringsoverleg van de demo"
  "$sz" signals show "$first_signal" --db "$db"
fi
echo "   (de signalering week voor week nagespeeld over de laatste twee jaar, getoetst aan de ingebrachte uitbraken en dwarsverbanden)"
"$sz" signals-eval --db "$db" --data "$out/desks" --json "$out/signals-eval.json"
"$sz" export --db "$db" --format csv --out "$out/indicatoren.csv"
"$sz" export --db "$db" --format xlsx --gemeente GM0168 --out "$out/indicatoren-losser.xlsx"
echo "   (wat het publiek en de gemeente Losser te zien krijgen: alleen gepubliceerde cellen, onderdrukte als '.')"
"$sz" export --db "$db" --format csv --audience publiek --out "$out/indicatoren-publiek.csv"
"$sz" export --db "$db" --format csv --audience gemeente:GM0168 --out "$out/indicatoren-gemeente-losser.csv"

echo "== 12. Accounts voor de server, één per rol, elk met een vers willekeurig wachtwoord (docs/api.md)"
for account in "beheer beheerder" "ggd analist" "vtt meldpunt:veilig_thuis" "losser gemeente:GM0168" \
  "enschede gemeente:GM0153"; do
  read -r name role <<< "$account"
  "$sz" user add --db "$db" --naam "$name" --rol "$role" --genereer
done
"$sz" user list --db "$db"
if [[ -n "${DEMO_NO_SERVE:-}" ]]; then
  echo "   (DEMO_NO_SERVE is gezet: de server wordt niet gestart)"
  exit 0
fi
port=${DEMO_PORT:-8080}
static=()
[[ -f "$build/dashboard/index.html" ]] && static=(--static "$build/dashboard")
[[ -n "${DEMO_WIJKGRENZEN:-}" ]] && static+=(--wijkgrenzen "$DEMO_WIJKGRENZEN")
echo "== 13. Het dashboard en de API op http://localhost:$port (inloggen met een account hierboven; openbare cijfers: http://localhost:$port/publiek; stoppen: Ctrl-C)"
exec "$sz" serve --db "$db" --host 127.0.0.1 --port "$port" "${static[@]}"
