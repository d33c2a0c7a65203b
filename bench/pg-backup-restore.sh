#!/usr/bin/env bash
# Backup and restore of a >= 1 GB database (pgbench -i -s 70) through Shipshape vs plain
# pg_dump -Fc / pg_restore run directly, in the same run, on a throw-away PostgreSQL 15 cluster
# that this script starts on a free loopback port and removes at the end (as the postgres OS user
# when run as root: initdb refuses root). Needs ~4 GB free in /tmp. Every step has a time limit,
# so the script stops by itself. Prints wall times, MB/s and Shipshape's overhead in %.
#   BENCH_SCALE=70 (pgbench scale)  BENCH_LIMIT=1800 (seconds per step)
#   SHIPSHAPE=path (default: ./shipshape of this checkout)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
SCALE=${BENCH_SCALE:-70}
LIMIT=${BENCH_LIMIT:-1800}
BIN=${SHIPSHAPE_PG_BIN:-/usr/lib/postgresql/15/bin}
DB=bench
SHIPSHAPE=${SHIPSHAPE:-$repo/shipshape}
WORK=$(mktemp -d /tmp/shipshape-bench-XXXXXX)
chmod 755 "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres: "$WORK"
as_pg "$BIN/initdb" -D "$WORK/data" -U bench --auth=trust --locale=C --encoding=UTF8 --no-sync >/dev/null
as_pg "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $PORT \
  -c unix_socket_directories=$WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=bench PGPASSWORD=bench-not-checked PGDATABASE=postgres
run() { timeout "$LIMIT" "$@"; }
now() { date +%s.%N; }

psql -qc "CREATE DATABASE $DB"
echo "building a pgbench database, scale $SCALE ..."
run "$BIN/pgbench" -q -i -s "$SCALE" "$DB" 2>/dev/null
psql -qc "VACUUM ANALYZE" "$DB"
SIZE=$(psql -Atc "SELECT pg_database_size('$DB')")

mkdir "$WORK/plain" "$WORK/ship"
t0=$(now); run "$BIN/pg_dump" -Fc -f "$WORK/plain/plain.dump" "$DB"; t1=$(now)
psql -qc "CREATE DATABASE ${DB}_r"
t2=$(now); run "$BIN/pg_restore" -d "${DB}_r" "$WORK/plain/plain.dump"; t3=$(now)
psql -qc "DROP DATABASE ${DB}_r"
DUMP=$(stat -c %s "$WORK/plain/plain.dump")
rm -f "$WORK/plain/plain.dump"

cat > "$WORK/ship/shipshape.yaml" <<YAML
service: bench
environments:
  bench:
    database:
      url: jdbc:postgresql://127.0.0.1:$PORT/$DB
      user: bench
      password: \${secret:PGPASSWORD}
      backup: {}
stages:
  - name: noop
    steps:
      - run: "true"
YAML
export CI=true
cd "$WORK/ship"
"$SHIPSHAPE" --version >/dev/null   # builds the jar first when needed, outside the timing
t4=$(now); run "$SHIPSHAPE" db backup shipshape.yaml --env bench > /dev/null; t5=$(now)
t6=$(now); run "$SHIPSHAPE" db restore shipshape.yaml --env bench --backup latest --yes > /dev/null; t7=$(now)
ROWS=$(psql -Atc "SELECT count(*) FROM pgbench_accounts" "$DB")

python3 - "$SIZE" "$DUMP" "$ROWS" "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$t6" "$t7" <<'PY'
import sys
size, dump, rows = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
t = [float(x) for x in sys.argv[4:]]
mb = size / 1e6
pd, pr, sd, sr = t[1]-t[0], t[3]-t[2], t[5]-t[4], t[7]-t[6]
print(f"database {mb:.0f} MB ({rows} pgbench_accounts rows after the Shipshape restore), dump {dump/1e6:.0f} MB")
print(f"backup : pg_dump -Fc {pd:.1f}s ({mb/pd:.1f} MB/s)  shipshape {sd:.1f}s ({mb/sd:.1f} MB/s)  overhead {100*(sd-pd)/pd:+.1f}%")
print(f"restore: pg_restore {pr:.1f}s ({mb/pr:.1f} MB/s)  shipshape {sr:.1f}s ({mb/sr:.1f} MB/s)  overhead {100*(sr-pr)/pr:+.1f}%")
PY
