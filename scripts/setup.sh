#!/usr/bin/env bash
# Installs the Debian packages Samenzicht needs, and only those that are missing, then the
# dashboard's npm packages from web/package-lock.json (npm ci) when they are missing or the lockfile
# changed. Idempotent: a second run installs nothing and finishes in about a second.
#
#   scripts/setup.sh            build + test dependencies
#   scripts/setup.sh --r        also R with the survey and surveillance packages
#                               (only needed to regenerate golden files, see scripts/golden/)
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libsqlite3-dev sqlite3          # embedded store (and the peer in bench/)
  libcli11-dev                    # command-line parsing
  nlohmann-json3-dev              # JSON (linkage schemas, API, extract headers)
  libssl-dev                      # HMAC-SHA256, HKDF, BLAKE2b, CSPRNG
  libboost-math-dev               # quantile functions (qnorm, qt, qbeta, qnbinom)
  libreadstat-dev                 # SPSS .sav input
  libtomlplusplus-dev             # the indicator catalogue (config/indicatoren/*.toml)
  libxlsxwriter-dev               # samenzicht export --format xlsx
  coinor-libclp-dev               # linear programs of the disclosure audit (COIN-OR Clp)
  libsodium-dev                   # Argon2id password hashes of the server accounts
  libgtest-dev libgmock-dev       # unit tests
  libboost-dev                    # Boost.Beast/Asio headers: the HTTP server
  zlib1g-dev                      # gzip of the HTTP answers; tests: reading the exported .xlsx (a ZIP)
  libbenchmark-dev                # micro-benchmarks in bench/
  clang                           # libFuzzer: the fuzz target of the HTTP request parser (tests/http/fuzz)
  chromium                        # the dashboard's browser tests (web/tests, driven by playwright-core)
  curl                            # web/tests/run.sh waits for the server's health endpoint
  fonts-dejavu-core               # a font for Chromium's screenshots and PDFs
  poppler-utils                   # pdftoppm: the factsheet PDF as PNG in the test artefacts
)
if [[ "${1:-}" == "--r" ]]; then
  packages+=(r-base-core r-cran-survey r-cran-surveillance)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installeert ${missing[*]}" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: klaar" >&2
fi

# The dashboard's npm packages (the README says why each is there), exactly as the lockfile
# has them. The machine's Node.js and npm are used; without them the dashboard is not built.
web="$(dirname "$0")/../web"
if command -v npm >/dev/null; then
  stamp="$web/node_modules/.package-lock.sha256"
  want=$(sha256sum "$web/package-lock.json" | cut -d' ' -f1)
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "setup: npm ci in web/" >&2
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" >"$stamp"
  fi
else
  echo "setup: npm ontbreekt: het dashboard (web/) wordt niet gebouwd" >&2
fi
