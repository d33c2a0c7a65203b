#!/usr/bin/env bash
# Re-observes the lint corpus (src/test/resources/lint-corpus) on a real PostgreSQL: every item of
# corpus.sql runs on a fresh copy of schema.sql through the trace's TransactionObserver (locks from
# pg_locks, rewrites from relfilenode, full reads from the scan counters, a probe session trying a
# read and a write on each table), and the verdicts go to lint-corpus/observed.tsv.
# The server is the test harness's (dev.shipshape.testing.PostgresServer): SHIPSHAPE_TEST_PG_URL if
# set, else a throw-away cluster from the highest /usr/lib/postgresql/*/bin. Needs JDK 25.
#   tools/observe-lint-corpus.sh [OUT.tsv]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dev.shipshape.postgres.lint.corpus.ObserveCorpus "${1:-src/test/resources/lint-corpus/observed.tsv}"
