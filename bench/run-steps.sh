#!/usr/bin/env bash
# Engine overhead per step: a runbook of N `true` steps against a bash loop running the same N
# commands the same way (bash -c). Overhead = (run duration recorded by Shipshape - loop time) / N.
# Uses the embedded store in a fresh temporary folder. Usage: bench/run-steps.sh [STEPS] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
steps="${1:-200}"
rounds="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

{
  echo "service: bench"
  echo "environments:"
  echo "  local: {}"
  echo "stages:"
  echo "  - name: all"
  echo "    steps:"
  for _ in $(seq "$steps"); do echo "      - run: \"true\""; done
} > "$work/shipshape.yaml"

"$here/shipshape" --version >/dev/null   # build the jar first if needed

now_ms() { date +%s%3N; }
echo "steps=$steps rounds=$rounds (embedded H2 store)"
for round in $(seq "$rounds"); do
  start=$(now_ms)
  for _ in $(seq "$steps"); do bash -c true; done
  loop=$(( $(now_ms) - start ))

  start=$(now_ms)
  json="$(cd "$work" && "$here/shipshape" deploy --env local --version "r$round" --output json)"
  wall=$(( $(now_ms) - start ))
  run=$(grep -m1 -o '"durationMillis" : [0-9]*' <<<"$json" | grep -o '[0-9]*$')
  overhead=$(awk -v r="$run" -v l="$loop" -v n="$steps" 'BEGIN { printf "%.2f", (r - l) / n }')
  echo "round $round: bash loop ${loop} ms, shipshape run ${run} ms (wall incl. JVM start ${wall} ms), overhead ${overhead} ms/step"
done
