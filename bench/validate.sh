#!/usr/bin/env bash
# `shipshape validate examples/shop-api.yaml` against `java -version` of the JDK the launcher uses,
# both timed as a user waits for them. Alternating pairs, median of ROUNDS. Usage: bench/validate.sh [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/bench/pairs.sh"
rounds="${1:-5}"
JAVA_HOME="$(bench_java_home)"; export JAVA_HOME

validate() { "$here/shipshape" validate "$here/examples/shop-api.yaml" >/dev/null; }
reference() { "$JAVA_HOME/bin/java" -version 2>/dev/null; }

"$here/shipshape" --version >/dev/null   # build the jar first if needed
echo "validate examples/shop-api.yaml vs $JAVA_HOME/bin/java -version, $rounds alternating rounds"
pair "validate" "$rounds" validate reference
