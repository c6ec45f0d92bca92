#!/usr/bin/env bash
# Matches the same generated extracts with Linkages and with Splink, in one run, and prints the
# time, peak memory and accuracy of each. Splink goes into a throwaway virtual environment.
#
#   Tests/Benchmarks/compare-with-splink.sh [CALWORKS_PEOPLE] [CWS_PEOPLE] [SEED]
#
# Defaults: 1,000,000 × 200,000, seed 1. Needs python3 with venv and a reachable PyPI.
set -euo pipefail

calworks=${1:-1000000}
cws=${2:-200000}
seed=${3:-1}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/linkages-splink.XXXXXX")
trap 'rm -rf "$work"' EXIT

peak() { awk '/Maximum resident set size/ { printf "%.2f GiB", $6 / 1048576 }' "$1"; }

echo "Building Linkages (release)…"
swift build -c release --package-path "$root" --product linkages >/dev/null
linkages="$root/.build/release/linkages"

echo "Generating $calworks CalWORKs × $cws Child Welfare people (seed $seed)…"
mkdir "$work/data"
"$linkages" bench generate --calworks "$calworks" --cws "$cws" --overlap 0.3 --seed "$seed" --out "$work/data"

echo "Installing Splink into a throwaway virtual environment…"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet splink
echo "  $("$work/venv/bin/pip" show splink | grep ^Version)"

echo
echo "== Linkages"
/usr/bin/time -v "$linkages" bench match --data "$work/data" 2>"$work/linkages.time"
echo "  process peak memory (reading the files included): $(peak "$work/linkages.time")"

echo
echo "== Splink"
/usr/bin/time -v "$work/venv/bin/python" "$here/splink_match.py" "$work/data" 2>"$work/splink.time"
echo "  process peak memory: $(peak "$work/splink.time")"
