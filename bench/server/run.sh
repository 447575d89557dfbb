#!/usr/bin/env bash
# The HTTP API under load (issue 16): latency (median, 99th percentile) and throughput with 100
# concurrent clients (wrk, Debian's, on loopback) for two typical /api/waarden queries of a logged-in
# gemeente on a whole synthetic Twente: the overview map (14 cells) and a profile's trend (every period). The peer in the same run is /api/gezondheid, the same server
# answering without reading the store or auditing: the ratio shows what the query and its audit entry cost.
#   bench/server/run.sh [BUILD_DIR] [STORE] [SECONDS]
# STORE: a store after `samenzicht run` (default /tmp/sz-run-bench/store.db, which bench/run/run_bench.sh
# leaves, or demo-out/samenzicht.db from DEMO_NO_SERVE=1 make demo). Installs wrk when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
db=${2:-/tmp/sz-run-bench/store.db}
seconds=${3:-20}
sz="$(pwd)/$build/src/cli/samenzicht"
port=18181
[[ -f "$db" ]] || { echo "geen opslag $db: draai eerst bench/run/run_bench.sh of DEMO_NO_SERVE=1 make demo" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

password_file=$(mktemp)
trap 'rm -f "$password_file"; [[ -n "${server:-}" ]] && kill -TERM "$server" 2>/dev/null; wait 2>/dev/null || true' EXIT
head -c 24 /dev/urandom | base64 >"$password_file"
"$sz" user remove --db "$db" --naam bench-losser >/dev/null 2>&1 || true
"$sz" user add --db "$db" --naam bench-losser --rol gemeente:GM0168 --wachtwoord-bestand "$password_file" >/dev/null
"$sz" serve --db "$db" --port "$port" 2>/dev/null >/dev/null &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/gezondheid" >/dev/null && break; sleep 0.2; done

cookie=$(curl -s -i -H 'Content-Type: application/json' \
  -d "{\"gebruikersnaam\":\"bench-losser\",\"wachtwoord\":\"$(cat "$password_file")\"}" \
  "http://127.0.0.1:$port/api/inloggen" | tr -d '\r' | awk -F'[=;]' 'tolower($0) ~ /^set-cookie: sz_sessie=/ {print $2}')
[[ -n "$cookie" ]] || { echo "inloggen mislukt" >&2; exit 1; }
indicator=vt_meldingen_kindermishandeling_per_1000_minderjarigen
map="/api/waarden?indicator=$indicator&niveau=gemeente&periode=2024&uitsplitsing=totaal"  # the overview map
trend="/api/waarden?indicator=$indicator&regio=GM0168&uitsplitsing=totaal"               # a profile's trend
for query in "$map" "$trend"; do
  cells=$(curl -s -H "Cookie: sz_sessie=$cookie" "http://127.0.0.1:$port$query" | grep -o '"aantal":[0-9]*')
  echo "query: GET $query ($cells cells; as gemeente:GM0168)"
done

run() {  # name, path
  echo "== $1"
  wrk -t2 -c100 -d"${seconds}s" --latency -H "Cookie: sz_sessie=$cookie" "http://127.0.0.1:$port$2" |
    grep -E 'Latency|50%|99%|Requests/sec|Non-2xx|Socket errors|requests in'
}
run "peer: /api/gezondheid" /api/gezondheid
run "waarden, the map of the 14 gemeenten (published cells, one audit entry per request)" "$map"
run "waarden, one gemeente's trend over every period" "$trend"
"$sz" audit verify --db "$db" | head -1
"$sz" user remove --db "$db" --naam bench-losser >/dev/null
