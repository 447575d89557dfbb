#!/usr/bin/env bash
# Regenerates every golden file from R. Each scripts/golden/*.R writes its own files under
# tests/data/golden/ and records R's and the package's version beside them. Tests never need R.
set -euo pipefail
cd "$(dirname "$0")/../.."
for script in scripts/golden/*.R; do
  echo "golden: $script" >&2
  Rscript --vanilla "$script"
done
