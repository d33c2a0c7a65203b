#!/usr/bin/env bash
# Backup and restore of a >= 1 GB database (pgbench -i -s 70) through Shipshape vs plain
# pg_dump -Fc / pg_restore, in the same run. Needs a running PostgreSQL 15 reachable with
# PGHOST/PGPORT/PGUSER/PGPASSWORD (superuser) and ~3 GB free. Prints wall times, MB/s and overhead %.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-shipshape_bench}
SCALE=${BENCH_SCALE:-70}
BIN=${SHIPSHAPE_PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
psql -qc "DROP DATABASE IF EXISTS $DB" postgres && psql -qc "CREATE DATABASE $DB" postgres
pgbench -q -i -s "$SCALE" "$DB"
SIZE=$(psql -Atc "SELECT pg_database_size('$DB')" postgres)
now() { date +%s.%N; }
t0=$(now); "$BIN/pg_dump" -Fc -f "$WORK/plain.dump" "$DB"; t1=$(now)
psql -qc "DROP DATABASE IF EXISTS ${DB}_r" postgres && psql -qc "CREATE DATABASE ${DB}_r" postgres
t2=$(now); "$BIN/pg_restore" -d "${DB}_r" "$WORK/plain.dump"; t3=$(now)
cat > "$WORK/shipshape.yaml" <<YAML
service: bench
environments:
  bench:
    database:
      url: jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$DB
      user: ${PGUSER:-postgres}
      password: \${secret:PGPASSWORD}
      backup: {}
stages:
  - name: noop
    steps:
      - run: "true"
YAML
export CI=true
t4=$(now); ./shipshape db backup "$WORK/shipshape.yaml" --env bench > /dev/null; t5=$(now)
t6=$(now); ./shipshape db restore "$WORK/shipshape.yaml" --env bench --backup latest --yes > /dev/null; t7=$(now)
python3 - "$SIZE" "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$t6" "$t7" <<'PY'
import sys
size, t = int(sys.argv[1]), [float(x) for x in sys.argv[2:]]
mb = size / 1e6
pd, pr, sd, sr = t[1]-t[0], t[3]-t[2], t[5]-t[4], t[7]-t[6]
print(f"database {mb:.0f} MB")
print(f"backup : pg_dump -Fc {pd:.1f}s ({mb/pd:.1f} MB/s)  shipshape {sd:.1f}s ({mb/sd:.1f} MB/s)  overhead {100*(sd-pd)/pd:+.1f}%")
print(f"restore: pg_restore {pr:.1f}s ({mb/pr:.1f} MB/s)  shipshape {sr:.1f}s ({mb/sr:.1f} MB/s)  overhead {100*(sr-pr)/pr:+.1f}%")
PY
