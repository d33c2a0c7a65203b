#!/usr/bin/env bash
# Times window-gate decisions (including the search for the next window); see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}"
[ -d target/classes/dev/shipshape/gates ] || ./mvnw -B -q compile
"$JAVA_HOME/bin/java" -cp target/classes bench/WindowGateBench.java "${1:-20000}"
