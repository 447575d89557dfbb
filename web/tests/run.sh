#!/usr/bin/env bash
# The dashboard's browser tests (ctest runs this as Dashboard.BrowserTests):
#   web/tests/run.sh REPO BUILD_DIR
# Makes a small synthetic Twente through the whole pipeline (scripts/demo.sh at DEMO_SCALE 0.05, with
# more and larger injected outbreaks and dwarsverbanden so that there are signals to triage,
# without serving), adds one test account per role with a known password, starts `samenzicht serve`
# on a free port with the built dashboard (BUILD_DIR/dashboard), and runs web/tests/*.test.mjs in Debian's
# Chromium through playwright-core. Screenshots of every page and role go to
# BUILD_DIR/web-test-artefacts/, with Losser's factsheet (HTML, PDF, and its first pages as PNG by
# pdftoppm) in factsheets/. Exit status: that of the tests.
set -euo pipefail
repo=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
sz="$build/src/cli/samenzicht"
artefacts="$build/web-test-artefacts"
work=$(mktemp -d /tmp/sz-web-test.XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

for tool in node chromium pdftoppm; do
  command -v "$tool" >/dev/null || { echo "web/tests/run.sh: $tool ontbreekt (scripts/setup.sh installeert het)" >&2; exit 1; }
done
[[ -f "$build/dashboard/index.html" ]] || { echo "web/tests/run.sh: $build/dashboard/index.html ontbreekt (bouw eerst: cmake --build $build)" >&2; exit 1; }

# At scale 0.05 the default injections are a fraction of a report (no signal to triage): the tests'
# generation injects more and larger outbreaks and dwarsverbanden (fails when a key is gone).
python3 - "$repo/config/synthetic-twente.json" "$work/generator.json" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for old, new in [('"outbreaks_per_year": 6', '"outbreaks_per_year": 40'),
                 ('"outbreak_extra_cases_median": 12', '"outbreak_extra_cases_median": 300'),
                 ('"clusters_per_year": 3', '"clusters_per_year": 12'),
                 ('"extra_reports_median": 6', '"extra_reports_median": 200')]:
    if text.count(old) != 1:
        sys.exit(f"web/tests/run.sh: {old} staat niet precies één keer in {sys.argv[1]}; pas de test aan")
    text = text.replace(old, new)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY

echo "== de synthetische opslag maken (schaal 0.05, met meer ingebrachte uitbraken en dwarsverbanden)"
(cd "$repo" && DEMO_CONFIG="$work/generator.json" DEMO_NO_SERVE=1 DEMO_DIR="$work/demo" DEMO_SCALE=0.05 DEMO_SEED=17 scripts/demo.sh "$build" >"$work/demo.log" 2>&1) || {
  tail -40 "$work/demo.log" >&2
  exit 1
}
db="$work/demo/samenzicht.db"

# One account per role with a known password (the demo's own accounts have random ones).
password="test-wachtwoord-$RANDOM-$RANDOM"
printf '%s\n' "$password" >"$work/pw"
for account in "t-beheer beheerder" "t-analist analist" "t-vtt meldpunt:veilig_thuis" "t-losser gemeente:GM0168"; do
  read -r name role <<<"$account"
  "$sz" user add --db "$db" --naam "$name" --rol "$role" --wachtwoord-bestand "$work/pw" >/dev/null
done

rm -rf "$artefacts"
mkdir -p "$artefacts/factsheets"
echo "== factsheets van Losser: voor de gemeente zelf en voor de analisten, als HTML en PDF; de PDF ook als PNG"
"$sz" report --db "$db" --gemeente GM0168 --out "$artefacts/factsheets"
"$sz" report --db "$db" --gemeente GM0168 --audience analist --out "$work/factsheets-analist"
pdftoppm -png -r 60 -f 1 -l 2 "$artefacts/factsheets/factsheet-GM0168.pdf" "$artefacts/factsheets/factsheet-GM0168"

# Made-up boundaries for Losser's wijken (the real CBS ones are not shipped): its wijk views draw a map,
# the other gemeenten' wijk views stay bar charts.
region_file=$(ls "$repo"/config/regions/*.csv | sort | head -1)
wijken_losser=$(node "$repo/web/tests/make-wijkgrenzen.mjs" "$region_file" GM0168 "$work/wijkgrenzen.topojson")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$sz" serve --db "$db" --host 127.0.0.1 --port "$port" --static "$build/dashboard" \
  --wijkgrenzen "$work/wijkgrenzen.topojson" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$port/api/gezondheid" >/dev/null 2>&1 && break
  sleep 0.2
done

export SZ_FACTSHEETS="$artefacts/factsheets" SZ_FACTSHEETS_ANALIST="$work/factsheets-analist"
export SZ_WIJKEN_LOSSER="$wijken_losser"
export SZ_URL="http://127.0.0.1:$port" SZ_PASSWORD="$password" SZ_ARTEFACTS="$artefacts" SZ_DB="$db" SZ_SAMENZICHT="$sz"
status=0
node --test --test-concurrency=1 --test-reporter=spec "$repo"/web/tests/*.test.mjs || status=$?
if ((status != 0)); then
  echo "--- laatste regels van de server:" >&2
  tail -20 "$work/serve.log" >&2
fi
exit $status
