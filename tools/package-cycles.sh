#!/usr/bin/env bash
# Lists import cycles between packages of dev.shipshape (one line per pair importing each other).
set -euo pipefail
root=src/main/java/dev/shipshape
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
for dir in $(find "$root" -type d); do
    pkg=dev.shipshape$(echo "${dir#"$root"}" | tr / .)
    grep -h '^import dev\.shipshape\.' "$dir"/*.java 2>/dev/null | sed 's/^import //; s/\.[A-Z].*//' | sort -u \
        | grep -vx "$pkg" | sed "s|^|$pkg |" || true
done | sort -u > "$edges"
while read -r from to; do
    if [[ "$from" < "$to" ]] && grep -qx "$to $from" "$edges"; then
        echo "cycle: $from <-> $to"
    fi
done < "$edges"
