#!/usr/bin/env bash
# Time to a rendered dashboard page on loopback against its own API requests (BENCHMARKS.md, "The
# dashboard"): makes a synthetic Twente through the whole pipeline (scripts/demo.sh without serving,
# at SCALE, default 0.05 as the browser tests), adds an analist account, serves the built dashboard on
# a free port and runs web/bench/overview.mjs in Debian's Chromium.
#   bench/dashboard/run.sh BUILD_DIR [SCALE] [RUNS]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
scale=${2:-0.05}
runs=${3:-10}
sz="$build/src/cli/samenzicht"
work=$(mktemp -d /tmp/sz-dashboard-bench.XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
[[ -f "$build/dashboard/index.html" ]] || { echo "bench/dashboard/run.sh: $build/dashboard/index.html ontbreekt (bouw eerst)" >&2; exit 1; }

(cd "$repo" && DEMO_NO_SERVE=1 DEMO_DIR="$work/demo" DEMO_SCALE="$scale" DEMO_SEED=17 scripts/demo.sh "$build" >"$work/demo.log" 2>&1) || {
  tail -40 "$work/demo.log" >&2
  exit 1
}
db="$work/demo/samenzicht.db"
password="bench-$RANDOM-$RANDOM-$RANDOM"
printf '%s\n' "$password" >"$work/pw"
"$sz" user add --db "$db" --naam b-analist --rol analist --wachtwoord-bestand "$work/pw" >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$sz" serve --db "$db" --host 127.0.0.1 --port "$port" --static "$build/dashboard" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$port/api/gezondheid" >/dev/null 2>&1 && break
  sleep 0.2
done
echo "bundel: $(du -b "$build"/dashboard/assets/*.js | awk '{s += $1} END {print s}') bytes JavaScript, $(cat "$build"/dashboard/assets/*.js | gzip -9 | wc -c) gzip; $(du -b "$build"/dashboard/assets/*.css | awk '{s += $1} END {print s}') bytes CSS, $(cat "$build"/dashboard/assets/*.css | gzip -9 | wc -c) gzip"
SZ_URL="http://127.0.0.1:$port" SZ_USER=b-analist SZ_PASSWORD="$password" node "$repo/web/bench/overview.mjs" "$runs"
