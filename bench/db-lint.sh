#!/usr/bin/env bash
# `shipshape db lint --pg-version 15 --output json` over FILES generated migration files (one
# process), against squawk over the same files, both timed as a user waits for them. Squawk is
# taken from PATH, else installed once from the npm registry into ~/.cache/shipshape-bench; when
# neither works the squawk row is skipped with a message, and `cat` of the same files is timed
# instead, labelled as a stand-in (it only reads the files). Alternating pairs, median of ROUNDS.
# Usage: bench/db-lint.sh [FILES] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/bench/pairs.sh"
count="${1:-1000}"
rounds="${2:-5}"
JAVA_HOME="$(bench_java_home)"; export JAVA_HOME
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir "$work/migrations"
for n in $(seq "$count"); do
  cat > "$work/migrations/V${n}__change_${n}.sql" <<SQL
CREATE TABLE IF NOT EXISTS t$n (id bigint PRIMARY KEY, name text);
ALTER TABLE t$n ADD COLUMN note text;
CREATE INDEX CONCURRENTLY t${n}_name ON t$n (name);
UPDATE t$n SET note = 'x' WHERE id < 10;
SQL
done

squawk_bin() {
  if command -v squawk >/dev/null; then command -v squawk; return 0; fi
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/shipshape-bench/squawk"
  if [ ! -x "$cache/node_modules/.bin/squawk" ] && command -v npm >/dev/null; then
    mkdir -p "$cache"
    timeout 180 npm install --silent --no-save --prefix "$cache" squawk-cli >/dev/null 2>&1 || true
  fi
  [ -x "$cache/node_modules/.bin/squawk" ] && echo "$cache/node_modules/.bin/squawk"
}

lint() {
  local rc=0
  "$here/shipshape" db lint --pg-version 15 --output json "$work"/migrations/*.sql >/dev/null || rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 5 ] || { echo "db lint exited $rc" >&2; return 1; }
}
squawk_run() { "$squawk" --pg-version=15.0 "$work"/migrations/*.sql >/dev/null 2>&1 || true; }
cat_run() { cat "$work"/migrations/*.sql >/dev/null; }

"$here/shipshape" --version >/dev/null   # build the jar first if needed
if squawk="$(squawk_bin)"; then
  echo "db lint over $count files vs $("$squawk" --version), $rounds alternating rounds"
  pair "db lint $count files vs squawk" "$rounds" lint squawk_run
else
  echo "squawk is not on PATH and could not be installed from npm: squawk row skipped"
  echo "db lint over $count files vs cat of the same files (a STAND-IN, not squawk), $rounds alternating rounds"
  pair "db lint $count files vs cat (stand-in)" "$rounds" lint cat_run
fi
