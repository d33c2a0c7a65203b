#!/usr/bin/env bash
# A deploy of STEPS `run: 'true'` steps, timed as a user waits for it (JVM start included), against
# `shipshape --version` followed by STEPS x `sh -c true`: what the same commands cost with the least
# a JVM command can do around them. Alternating pairs, median of ROUNDS, on the embedded store in a
# fresh temporary folder (migrated by one untimed deploy first). Usage: bench/run-steps.sh [STEPS] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/bench/pairs.sh"
steps="${1:-200}"
rounds="${2:-5}"
JAVA_HOME="$(bench_java_home)"; export JAVA_HOME
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

deploy() { (cd "$work" && "$here/shipshape" deploy --env local --version "r$1" >/dev/null); }
reference() {
  "$here/shipshape" --version >/dev/null
  for _ in $(seq "$steps"); do sh -c true; done
}

"$here/shipshape" --version >/dev/null   # build the jar first if needed
deploy warmup                            # creates and migrates the store, untimed
echo "deploy of $steps steps, embedded store, JDK $JAVA_HOME, $rounds alternating rounds"
pair "deploy $steps steps" "$rounds" deploy reference
